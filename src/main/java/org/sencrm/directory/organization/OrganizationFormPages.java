package org.sencrm.directory.organization;

import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.customfield.CustomFieldInputs;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.lifecycle.LifecycleStage;
import org.sencrm.directory.ownership.OwnerChoices;
import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
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

/** Creating and editing an organization, with the same care for typed values and lost races as the person form. */
@Controller
class OrganizationFormPages {

	private final OrganizationService organizations;
	private final CustomFields customFields;
	private final OwnerChoices owners;
	private final Access access;
	private final MessageSource messages;

	OrganizationFormPages(OrganizationService organizations, CustomFields customFields, OwnerChoices owners, Access access,
			MessageSource messages) {
		this.organizations = organizations;
		this.customFields = customFields;
		this.owners = owners;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/organizations/new")
	String newOrganization(Model model) {
		access.requireWrite();
		var form = new OrganizationForm();
		form.setOwnerId(access.currentUser().id());
		return form(model, form, null, Map.of());
	}

	@PostMapping("/organizations")
	String create(@ModelAttribute("form") OrganizationForm form, BindingResult binding,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		prepare(form, params);
		if (binding.hasErrors()) {
			return form(model, form, null, FieldMessages.of(binding, messages));
		}
		try {
			var organization = organizations.create(form.toDraft());
			redirect.addFlashAttribute("notice", "organization.created");
			return "redirect:/organizations/" + organization.id();
		} catch (ValidationException e) {
			return form(model, form, null, FieldMessages.of(e, messages));
		}
	}

	@GetMapping("/organizations/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		var organization = organizations.get(Ids.parse(id, "entity.organization"));
		access.requireEdit(organization.ownerId(), organization.ownerTeamId());
		return form(model, OrganizationForm.of(organization), organization.id(), Map.of());
	}

	@PostMapping("/organizations/{id}")
	String update(@PathVariable String id, @ModelAttribute("form") OrganizationForm form, BindingResult binding,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		var current = organizations.get(Ids.parse(id, "entity.organization"));
		prepare(form, params);
		if (binding.hasErrors()) {
			return form(model, form, current.id(), FieldMessages.of(binding, messages));
		}
		try {
			organizations.update(current.id(), form.toDraft(), form.getVersion());
			redirect.addFlashAttribute("notice", "organization.saved");
			return "redirect:/organizations/" + current.id();
		} catch (ValidationException e) {
			return form(model, form, current.id(), FieldMessages.of(e, messages));
		} catch (StaleVersionException e) {
			model.addAttribute("stale", true);
			return form(model, form, current.id(), Map.of());
		}
	}

	private void prepare(OrganizationForm form, MultiValueMap<String, String> params) {
		form.setCustomFields(CustomFieldInputs.read(customFields.of(OrganizationService.ENTITY), params));
		form.dropBlankRows();
		if (!owners.canReassign()) {
			form.setOwnerId(null); // kept by the service: only those who may reassign choose an owner
		}
	}

	private String form(Model model, OrganizationForm form, UUID organizationId, Map<String, String> errors) {
		form.addSpareRows();
		model.addAttribute("form", form);
		model.addAttribute("organizationId", organizationId);
		model.addAttribute("errors", errors);
		model.addAttribute("parent", parent(form.getParentId()));
		model.addAttribute("definitions", customFields.of(OrganizationService.ENTITY));
		model.addAttribute("owners", owners.owners(form.getOwnerId()));
		model.addAttribute("teams", owners.teams(form.getOwnerTeamId()));
		model.addAttribute("canReassign", owners.canReassign());
		model.addAttribute("kinds", Organization.KINDS);
		model.addAttribute("relationships", Organization.RELATIONSHIPS);
		model.addAttribute("stages", LifecycleStage.ALL);
		model.addAttribute("sizes", Organization.SIZES);
		return "directory/organization/form";
	}

	/** The chosen parent, shown by name; one that no longer exists is left for the service to refuse. */
	private Organization parent(UUID parentId) {
		if (parentId == null) {
			return null;
		}
		try {
			return organizations.get(parentId);
		} catch (NotFoundException e) {
			return null;
		}
	}
}
