package org.sencrm.directory.person;

import org.sencrm.directory.contactrole.ContactRole;
import org.sencrm.directory.contactrole.ContactRoles;
import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.record.RecordPages;
import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's page: the shared record page plus consents, organizations and roles; and deleting the person. */
@Controller
class PersonPages {

	private final PersonService persons;
	private final RecordPages pages;
	private final Access access;
	private final ContactRoles roles;

	PersonPages(PersonService persons, RecordPages pages, Access access, ContactRoles roles) {
		this.persons = persons;
		this.pages = pages;
		this.access = access;
		this.roles = roles;
	}

	@GetMapping("/persons/{id}")
	String show(@PathVariable String id, Model model) {
		var person = persons.get(Ids.parse(id, "entity.person"));
		pages.detail(model, CustomerKind.PERSON, person, persons.history(person.id()));
		model.addAttribute("name", person.displayName());
		model.addAttribute("canErase", access.currentUser().isAdmin());
		model.addAttribute("roles", roles.ofPerson(person.id()));
		model.addAttribute("channels", Consent.CHANNELS);
		model.addAttribute("buyingRoles", ContactRole.BUYING_ROLES);
		return "directory/person/detail";
	}

	@PostMapping("/persons/{id}/delete")
	String delete(@PathVariable String id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		var personId = Ids.parse(id, "entity.person");
		return pages.delete(CustomerKind.PERSON, personId, () -> persons.delete(personId, version), redirect);
	}
}
