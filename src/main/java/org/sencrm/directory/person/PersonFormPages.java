package org.sencrm.directory.person;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.Consents;
import org.sencrm.directory.NameOrder;
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

/** Creating and editing a person: the shared form flow of {@link RecordPages} plus the name order, status and consents. */
@Controller
class PersonFormPages {

	private final PersonService persons;
	private final RecordPages pages;

	PersonFormPages(PersonService persons, RecordPages pages) {
		this.persons = persons;
		this.pages = pages;
	}

	@GetMapping("/persons/new")
	String newPerson(Model model) {
		return form(model, pages.blank(PersonForm.blank()), null, Map.of());
	}

	@PostMapping("/persons")
	String create(@ModelAttribute("form") PersonForm form, BindingResult binding, @RequestParam MultiValueMap<String, String> params,
			Model model, RedirectAttributes redirect) {
		return pages.submit(CustomerKind.PERSON, form, binding, params, model, redirect, "person.created",
				allow -> persons.create(form.toDraft(), allow), errors -> form(model, form, null, errors));
	}

	@GetMapping("/persons/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		var person = persons.get(Ids.parse(id, "entity.person"));
		pages.requireEdit(person);
		return form(model, PersonForm.of(person), person.id(), Map.of());
	}

	@PostMapping("/persons/{id}")
	String update(@PathVariable String id, @ModelAttribute("form") PersonForm form, BindingResult binding,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		var current = persons.get(Ids.parse(id, "entity.person"));
		return pages.submit(CustomerKind.PERSON, form, binding, params, model, redirect, "person.saved",
				allow -> persons.update(current.id(), form.toDraft(), form.getVersion(), allow), errors -> form(model, form, current.id(), errors));
	}

	private String form(Model model, PersonForm form, UUID personId, Map<String, String> errors) {
		pages.form(model, CustomerKind.PERSON, form, personId, errors);
		model.addAttribute("nameOrders", Arrays.stream(NameOrder.values()).map(NameOrder::key).toList());
		model.addAttribute("statuses", Person.STATUSES);
		model.addAttribute("consentStatuses", Consent.STATUSES);
		model.addAttribute("consentMethods", Consents.METHODS.stream().filter(m -> !m.equals(Consents.DOUBLE_OPT_IN)).toList());
		return "directory/person/form";
	}
}
