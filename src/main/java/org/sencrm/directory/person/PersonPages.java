package org.sencrm.directory.person;

import org.sencrm.directory.contactrole.ContactRole;
import org.sencrm.directory.contactrole.ContactRoles;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.history.HistoryLines;
import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.trash.Trash;
import org.sencrm.trash.TrashBlockedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's page: profile, organizations and roles, history; and deleting the person. */
@Controller
class PersonPages {

	private final PersonService persons;
	private final Access access;
	private final UserDirectory users;
	private final ContactRoles roles;
	private final CustomFields customFields;
	private final HistoryLines history;
	private final Trash trash;

	PersonPages(PersonService persons, Access access, UserDirectory users, ContactRoles roles,
			CustomFields customFields, HistoryLines history, Trash trash) {
		this.trash = trash;
		this.persons = persons;
		this.access = access;
		this.users = users;
		this.roles = roles;
		this.customFields = customFields;
		this.history = history;
	}

	@GetMapping("/persons/{id}")
	String show(@PathVariable String id, Model model) {
		var person = persons.get(Ids.parse(id, "entity.person"));
		model.addAttribute("person", person);
		model.addAttribute("name", person.displayName());
		var canEdit = access.currentUser().canEdit(person.ownerId(), person.ownerTeamId());
		model.addAttribute("canEdit", canEdit);
		if (canEdit) {
			// the delete button says what goes to the trash with the person, or why it cannot
			model.addAttribute("deleteQuestion", trash.question(trash.preview(PersonService.ENTITY, person.id())));
		}
		model.addAttribute("canErase", access.currentUser().isAdmin());
		model.addAttribute("owner", users.user(person.ownerId()).orElse(null));
		model.addAttribute("team", users.team(person.ownerTeamId()).orElse(null));
		model.addAttribute("roles", roles.ofPerson(person.id()));
		model.addAttribute("channels", Consent.CHANNELS);
		model.addAttribute("buyingRoles", ContactRole.BUYING_ROLES);
		model.addAttribute("definitions", customFields.of(PersonService.ENTITY));
		model.addAttribute("history", history.of(PersonService.ENTITY, persons.history(person.id())));
		return "directory/person/detail";
	}

	@PostMapping("/persons/{id}/delete")
	String delete(@PathVariable String id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		var personId = Ids.parse(id, "entity.person");
		try {
			persons.delete(personId, version);
		} catch (TrashBlockedException blocked) {
			// the same refusal the API gives, on the page of the record that could not go
			redirect.addFlashAttribute("refusal", blocked.text());
			return "redirect:/persons/" + personId;
		}
		redirect.addFlashAttribute("notice", "person.deleted");
		return "redirect:/persons";
	}
}
