package org.sencrm.directory.organization;

import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.record.RecordPages;
import org.sencrm.platform.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Creating and editing an organization: the shared form flow of {@link RecordPages} plus kind, relationship, size and parent. */
@Controller
class OrganizationFormPages {

	private final OrganizationService organizations;
	private final RecordPages pages;

	OrganizationFormPages(OrganizationService organizations, RecordPages pages) {
		this.organizations = organizations;
		this.pages = pages;
	}

	@GetMapping("/organizations/new")
	String newOrganization(Model model) {
		return form(model, pages.blank(new OrganizationForm()), null, Map.of());
	}

	@PostMapping("/organizations")
	String create(@ModelAttribute("form") OrganizationForm form, BindingResult binding,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		return pages.submit(CustomerKind.ORGANIZATION, form, binding, params, model, redirect, "organization.created",
				allow -> organizations.create(form.toDraft(), allow), errors -> form(model, form, null, errors));
	}

	@GetMapping("/organizations/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		var organization = organizations.get(Ids.parse(id, "entity.organization"));
		pages.requireEdit(organization);
		return form(model, OrganizationForm.of(organization), organization.id(), Map.of());
	}

	@PostMapping("/organizations/{id}")
	String update(@PathVariable String id, @ModelAttribute("form") OrganizationForm form, BindingResult binding,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		var current = organizations.get(Ids.parse(id, "entity.organization"));
		return pages.submit(CustomerKind.ORGANIZATION, form, binding, params, model, redirect, "organization.saved",
				allow -> organizations.update(current.id(), form.toDraft(), form.getVersion(), allow),
				errors -> form(model, form, current.id(), errors));
	}

	private String form(Model model, OrganizationForm form, UUID organizationId, Map<String, String> errors) {
		pages.form(model, CustomerKind.ORGANIZATION, form, organizationId, errors);
		// the chosen parent, shown by name; one that no longer exists is left for the service to refuse
		model.addAttribute("parent", OrganizationPages.parent(organizations, form.getParentId()));
		model.addAttribute("kinds", Organization.KINDS);
		model.addAttribute("relationships", Organization.RELATIONSHIPS);
		model.addAttribute("sizes", Organization.SIZES);
		return "directory/organization/form";
	}
}
