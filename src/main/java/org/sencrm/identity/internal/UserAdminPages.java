package org.sencrm.identity.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.sencrm.identity.Access;
import org.sencrm.identity.Role;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin: the users of the workspace: list, add with a role and a first password, change role or deactivate. */
@Controller
class UserAdminPages {

	record NewUser(String email, String displayName, String role, String password) {
	}

	private final Users users;
	private final UserDirectory directory;
	private final Access access;
	private final MessageSource messages;
	private final AccountPasswords passwords;
	private final TwoFactor twoFactor;
	private final Workspaces workspaces;

	UserAdminPages(Users users, UserDirectory directory, Access access, MessageSource messages, AccountPasswords passwords,
			TwoFactor twoFactor, Workspaces workspaces) {
		this.users = users;
		this.directory = directory;
		this.access = access;
		this.messages = messages;
		this.passwords = passwords;
		this.twoFactor = twoFactor;
		this.workspaces = workspaces;
	}

	@GetMapping("/admin/users")
	String list(Model model) {
		access.requireAdmin();
		return page(model, new NewUser("", "", Role.SALES.key(), ""), Map.of());
	}

	@PostMapping("/admin/users")
	String create(@ModelAttribute("newUser") NewUser user, Model model, RedirectAttributes redirect) {
		access.requireAdmin();
		try {
			users.create(user.email(), user.displayName(), role(user.role()), user.password(), true);
			redirect.addFlashAttribute("notice", "admin.users.created");
			return "redirect:/admin/users";
		} catch (ValidationException e) {
			return page(model, new NewUser(user.email(), user.displayName(), user.role(), ""), FieldMessages.of(e, messages));
		}
	}

	@PostMapping("/admin/users/{id}")
	String update(@PathVariable String id, @RequestParam String role, @RequestParam(defaultValue = "false") boolean active,
			RedirectAttributes redirect) {
		access.requireAdmin();
		var user = directory.user(Ids.parse(id, "entity.user")).orElseThrow(() -> new NotFoundException("entity.user"));
		try {
			users.update(user.id(), user.displayName(), role(role), active);
			redirect.addFlashAttribute("notice", "admin.users.saved");
		} catch (ValidationException e) {
			redirect.addFlashAttribute("problem", String.join(" ", FieldMessages.of(e, messages).values()));
		}
		return "redirect:/admin/users";
	}

	/** A temporary password the user must change at the next sign-in; the user is signed out everywhere. */
	@PostMapping("/admin/users/{id}/temporary-password")
	String temporaryPassword(@PathVariable String id, @RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
		access.requireAdmin();
		var user = directory.user(Ids.parse(id, "entity.user")).orElseThrow(() -> new NotFoundException("entity.user"));
		try {
			passwords.setTemporary(user.id(), password);
			redirect.addFlashAttribute("notice", "admin.users.temporarySet");
		} catch (ValidationException e) {
			redirect.addFlashAttribute("problem", user.displayName() + ": " + String.join(" ", FieldMessages.of(e, messages).values()));
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id}/two-factor/off")
	String turnOffTwoFactor(@PathVariable String id, RedirectAttributes redirect) {
		access.requireAdmin();
		var user = directory.user(Ids.parse(id, "entity.user")).orElseThrow(() -> new NotFoundException("entity.user"));
		twoFactor.turnOff(user.id());
		redirect.addFlashAttribute("notice", "admin.users.twoFactorOff");
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/sign-in-policy")
	String signInPolicy(@RequestParam(defaultValue = "false") boolean requireTwoFactor, RedirectAttributes redirect) {
		access.requireAdmin();
		workspaces.requireTwoFactor(requireTwoFactor);
		redirect.addFlashAttribute("notice", "admin.users.policySaved");
		return "redirect:/admin/users";
	}

	private String page(Model model, NewUser newUser, Map<String, String> errors) {
		model.addAttribute("users", directory.users());
		model.addAttribute("twoFactorUsers", twoFactor.enabledIn(access.currentUser().workspaceId()));
		model.addAttribute("requireTwoFactor", workspaces.requiresTwoFactor());
		model.addAttribute("newUser", newUser);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", roles());
		return "identity/admin/users";
	}

	static List<String> roles() {
		return Arrays.stream(Role.values()).map(Role::key).toList();
	}

	/** An unknown role is left out, for the service to report as required. */
	private static Role role(String key) {
		return key != null && roles().contains(key) ? Role.fromKey(key) : null;
	}
}
