package org.sencrm.identity.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.sencrm.identity.Access;
import org.sencrm.identity.WorkspaceSettings;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin: the workspace's name, default language, time zone, currency and the order names are shown in. */
@Controller
class WorkspaceSettingsPage {

	record SettingsForm(String name, String defaultLanguage, String timeZone, String currency, String nameOrder) {

		static SettingsForm of(WorkspaceSettings settings) {
			return new SettingsForm(settings.name(), settings.defaultLanguage(), settings.timeZone(), settings.currency(),
					settings.nameOrder());
		}
	}

	/** Offered in the currency box; any ISO code is accepted. */
	private static final List<String> COMMON_CURRENCIES = List.of("VND", "USD", "EUR", "JPY", "KRW", "CNY", "SGD", "THB");

	private final Workspaces workspaces;
	private final Access access;
	private final MessageSource messages;

	WorkspaceSettingsPage(Workspaces workspaces, Access access, MessageSource messages) {
		this.workspaces = workspaces;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/admin/workspace")
	String show(Model model) {
		access.requireAdmin();
		return page(model, SettingsForm.of(workspaces.current()), Map.of());
	}

	@PostMapping("/admin/workspace")
	String save(@ModelAttribute("settings") SettingsForm form, Model model, RedirectAttributes redirect) {
		access.requireAdmin();
		try {
			workspaces.update(workspaces.current().id(), form.name(), form.defaultLanguage(), form.timeZone(), form.currency(),
					form.nameOrder());
			redirect.addFlashAttribute("notice", "admin.workspace.saved");
			return "redirect:/admin/workspace";
		} catch (ValidationException e) {
			return page(model, form, FieldMessages.of(e, messages));
		}
	}

	/** Which roles may export lists (decision 20); a form of its own on the same page. */
	@PostMapping("/admin/workspace/export")
	String saveExportRoles(@org.springframework.web.bind.annotation.RequestParam(name = "exportRoles", required = false)
			List<String> roles, RedirectAttributes redirect) {
		access.requireAdmin();
		workspaces.allowExport(workspaces.current().id(), roles == null ? List.of() : roles);
		redirect.addFlashAttribute("notice", "admin.workspace.exportSaved");
		return "redirect:/admin/workspace";
	}

	private String page(Model model, SettingsForm form, Map<String, String> errors) {
		model.addAttribute("roles", List.of(org.sencrm.identity.Role.values()));
		model.addAttribute("exportRoles", access.exportRoles(workspaces.current().id()));
		model.addAttribute("settings", form);
		model.addAttribute("errors", errors);
		model.addAttribute("timeZones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
		model.addAttribute("currencies", COMMON_CURRENCIES);
		model.addAttribute("nameOrders", WorkspaceSettings.NAME_ORDERS);
		return "identity/admin/workspace";
	}
}
