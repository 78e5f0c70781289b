package org.sencrm.directory.contactrole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding a person to an organization with a job title and buying-center roles, and removing
 * that link, from the person's page. A refused addition goes back to the page with the
 * problems and the typed values as flash attributes, which live for exactly that one redirect.
 */
@Controller
class ContactRolePages {

	private final ContactRoles roles;
	private final MessageSource messages;

	ContactRolePages(ContactRoles roles, MessageSource messages) {
		this.roles = roles;
		this.messages = messages;
	}

	@PostMapping("/persons/{personId}/roles")
	String add(@PathVariable String personId, @RequestParam(required = false) String organizationId,
			@RequestParam(required = false) String jobTitle, @RequestParam(required = false) List<String> buyingRoles,
			RedirectAttributes redirect) {
		var person = Ids.parse(personId, "entity.person");
		try {
			roles.create(person, uuidOrNull(organizationId), jobTitle, buyingRoles);
			redirect.addFlashAttribute("notice", "role.added");
		} catch (ValidationException e) {
			redirect.addFlashAttribute("roleErrors", new HashMap<>(FieldMessages.of(e, messages)));
			redirect.addFlashAttribute("roleJobTitle", jobTitle);
			redirect.addFlashAttribute("roleBuyingRoles", buyingRoles == null ? new ArrayList<String>() : new ArrayList<>(buyingRoles));
		}
		return "redirect:/persons/" + person + "#roles";
	}

	@PostMapping("/contact-roles/{id}/delete")
	String remove(@PathVariable String id, RedirectAttributes redirect) {
		var role = roles.get(Ids.parse(id, "entity.contact-role"));
		roles.delete(role.id());
		redirect.addFlashAttribute("notice", "role.removed");
		return "redirect:/persons/" + role.personId() + "#roles";
	}

	/** No organization picked, or a mangled id, is simply "no organization": the service says it is required. */
	private static UUID uuidOrNull(String text) {
		try {
			return text == null || text.isBlank() ? null : UUID.fromString(text);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}
}
