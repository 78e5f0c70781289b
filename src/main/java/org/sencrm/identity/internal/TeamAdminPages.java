package org.sencrm.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin: teams and their members. Members of a team may edit the records the team owns. */
@Controller
class TeamAdminPages {

	private final Teams teams;
	private final UserDirectory directory;
	private final Access access;
	private final MessageSource messages;

	TeamAdminPages(Teams teams, UserDirectory directory, Access access, MessageSource messages) {
		this.teams = teams;
		this.directory = directory;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/admin/teams")
	String list(Model model) {
		access.requireAdmin();
		return page(model, "", List.of(), Map.of());
	}

	@PostMapping("/admin/teams")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<UUID> memberIds, Model model,
			RedirectAttributes redirect) {
		access.requireAdmin();
		var members = memberIds == null ? List.<UUID>of() : memberIds;
		try {
			teams.create(name, members);
			redirect.addFlashAttribute("notice", "admin.teams.created");
			return "redirect:/admin/teams";
		} catch (ValidationException e) {
			return page(model, name, members, FieldMessages.of(e, messages));
		}
	}

	@PostMapping("/admin/teams/{id}/members")
	String setMembers(@PathVariable String id, @RequestParam(required = false) List<UUID> memberIds, RedirectAttributes redirect) {
		access.requireAdmin();
		teams.setMembers(Ids.parse(id, "entity.team"), memberIds == null ? List.of() : memberIds);
		redirect.addFlashAttribute("notice", "admin.teams.saved");
		return "redirect:/admin/teams";
	}

	@PostMapping("/admin/teams/{id}/delete")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		access.requireAdmin();
		teams.delete(Ids.parse(id, "entity.team"));
		redirect.addFlashAttribute("notice", "admin.teams.deleted");
		return "redirect:/admin/teams";
	}

	private String page(Model model, String name, List<UUID> memberIds, Map<String, String> errors) {
		model.addAttribute("teams", teams.all());
		model.addAttribute("users", directory.users());
		model.addAttribute("name", name);
		model.addAttribute("memberIds", memberIds);
		model.addAttribute("errors", errors);
		return "identity/admin/teams";
	}
}
