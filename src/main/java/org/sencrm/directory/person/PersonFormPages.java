package org.sencrm.directory.person;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.NameOrder;
import org.sencrm.directory.customfield.CustomFieldInputs;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.lifecycle.LifecycleStage;
import org.sencrm.directory.ownership.OwnerChoices;
import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
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

/**
 * Creating and editing a person. A refused form comes back with what was typed and each
 * problem beside its field; an edit that lost the race to someone else's says so and offers
 * to reload, keeping the typed values on screen so they can be copied over.
 */
@Controller
class PersonFormPages {

	private final PersonService persons;
	private final CustomFields customFields;
	private final OwnerChoices owners;
	private final Access access;
	private final MessageSource messages;

	PersonFormPages(PersonService persons, CustomFields customFields, OwnerChoices owners, Access access, MessageSource messages) {
		this.persons = persons;
		this.customFields = customFields;
		this.owners = owners;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/persons/new")
	String newPerson(Model model) {
		access.requireWrite();
		var form = PersonForm.blank();
		form.setOwnerId(access.currentUser().id());
		return form(model, form, null, Map.of());
	}

	@PostMapping("/persons")
	String create(@ModelAttribute("form") PersonForm form, BindingResult binding, @RequestParam MultiValueMap<String, String> params,
			Model model, RedirectAttributes redirect) {
		prepare(form, params);
		if (binding.hasErrors()) {
			return form(model, form, null, FieldMessages.of(binding, messages));
		}
		try {
			var person = persons.create(form.toDraft());
			redirect.addFlashAttribute("notice", "person.created");
			return "redirect:/persons/" + person.id();
		} catch (ValidationException e) {
			return form(model, form, null, FieldMessages.of(e, messages));
		}
	}

	@GetMapping("/persons/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		var person = persons.get(Ids.parse(id, "entity.person"));
		access.requireEdit(person.ownerId(), person.ownerTeamId());
		return form(model, PersonForm.of(person), person.id(), Map.of());
	}

	@PostMapping("/persons/{id}")
	String update(@PathVariable String id, @ModelAttribute("form") PersonForm form, BindingResult binding,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		var current = persons.get(Ids.parse(id, "entity.person"));
		prepare(form, params);
		if (binding.hasErrors()) {
			return form(model, form, current.id(), FieldMessages.of(binding, messages));
		}
		try {
			persons.update(current.id(), form.toDraft(), form.getVersion());
			redirect.addFlashAttribute("notice", "person.saved");
			return "redirect:/persons/" + current.id();
		} catch (ValidationException e) {
			return form(model, form, current.id(), FieldMessages.of(e, messages));
		} catch (StaleVersionException e) {
			model.addAttribute("stale", true);
			return form(model, form, current.id(), Map.of());
		}
	}

	private void prepare(PersonForm form, MultiValueMap<String, String> params) {
		form.setCustomFields(CustomFieldInputs.read(customFields.of(PersonService.ENTITY), params));
		form.dropBlankRows();
		if (!owners.canReassign()) {
			form.setOwnerId(null); // kept by the service: only those who may reassign choose an owner
		}
	}

	private String form(Model model, PersonForm form, UUID personId, Map<String, String> errors) {
		form.addSpareRows();
		model.addAttribute("form", form);
		model.addAttribute("personId", personId);
		model.addAttribute("errors", errors);
		model.addAttribute("definitions", customFields.of(PersonService.ENTITY));
		model.addAttribute("owners", owners.owners(form.getOwnerId()));
		model.addAttribute("teams", owners.teams(form.getOwnerTeamId()));
		model.addAttribute("canReassign", owners.canReassign());
		model.addAttribute("nameOrders", Arrays.stream(NameOrder.values()).map(NameOrder::key).toList());
		model.addAttribute("statuses", Person.STATUSES);
		model.addAttribute("stages", LifecycleStage.ALL);
		model.addAttribute("consentStatuses", Consent.STATUSES);
		model.addAttribute("consentMethods", org.sencrm.directory.Consents.METHODS.stream()
				.filter(m -> !m.equals(org.sencrm.directory.Consents.DOUBLE_OPT_IN)).toList());
		return "directory/person/form";
	}
}
