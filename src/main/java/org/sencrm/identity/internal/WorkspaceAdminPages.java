package org.sencrm.identity.internal;

import java.util.Map;

import org.sencrm.identity.Access;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Instance admin: every workspace on this server, and a new one with its first administrator. */
@Controller
class WorkspaceAdminPages {

	record NewWorkspace(String name, String adminEmail, String adminName, String adminPassword, String defaultLanguage) {
	}

	private final Workspaces workspaces;
	private final Access access;
	private final MessageSource messages;

	WorkspaceAdminPages(Workspaces workspaces, Access access, MessageSource messages) {
		this.workspaces = workspaces;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/admin/workspaces")
	String list(Model model) {
		access.requireInstanceAdmin();
		return page(model, new NewWorkspace("", "", "", "", "vi"), Map.of());
	}

	@PostMapping("/admin/workspaces")
	String create(@ModelAttribute("newWorkspace") NewWorkspace form, Model model, RedirectAttributes redirect) {
		access.requireInstanceAdmin();
		try {
			// the instance admin chose the new admin's password: it is temporary
			workspaces.create(new Workspaces.NewWorkspace(form.name(), form.adminEmail(), form.adminPassword(), form.adminName(),
					form.defaultLanguage(), false, false, true));
			redirect.addFlashAttribute("notice", "admin.workspaces.created");
			return "redirect:/admin/workspaces";
		} catch (ValidationException e) {
			return page(model, new NewWorkspace(form.name(), form.adminEmail(), form.adminName(), "", form.defaultLanguage()),
					FieldMessages.of(e, messages));
		}
	}

	private String page(Model model, NewWorkspace form, Map<String, String> errors) {
		model.addAttribute("workspaces", workspaces.all());
		model.addAttribute("newWorkspace", form);
		model.addAttribute("errors", errors);
		return "identity/admin/workspaces";
	}
}
