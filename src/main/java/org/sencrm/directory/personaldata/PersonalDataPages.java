package org.sencrm.directory.personaldata;

import java.nio.charset.StandardCharsets;

import org.sencrm.directory.NameOrder;
import org.sencrm.directory.PersonName;
import org.sencrm.directory.PersonalData;
import org.sencrm.directory.person.Person;
import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.SearchText;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The person page's "Download personal data" (a JSON file) and "Erase personal data": a page that
 * says what goes and what stays, and erases only when the admin types the person's name (accents
 * and case aside), so an erasure is never one careless click.
 */
@Controller
class PersonalDataPages {

	private final PersonalData personalData;
	private final DirectoryPersonalData directory;
	private final Access access;
	private final JsonMapper json;

	PersonalDataPages(PersonalData personalData, DirectoryPersonalData directory, Access access, JsonMapper json) {
		this.personalData = personalData;
		this.directory = directory;
		this.access = access;
		this.json = json;
	}

	@GetMapping("/persons/{id}/personal-data")
	ResponseEntity<byte[]> download(@PathVariable String id) {
		var personId = Ids.parse(id, "entity.person");
		var document = personalData.export(personId);
		var bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
		return ResponseEntity.ok()
				.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("personal-data-" + personId + ".json").build().toString())
				.body(bytes);
	}

	@GetMapping("/persons/{id}/erase")
	String confirm(@PathVariable String id, Model model) {
		access.requireAdmin();
		return page(model, directory.person(Ids.parse(id, "entity.person")), null, false);
	}

	@PostMapping("/persons/{id}/erase")
	String erase(@PathVariable String id, @RequestParam(defaultValue = "") String confirmation, Model model,
			RedirectAttributes redirect) {
		access.requireAdmin();
		var person = directory.person(Ids.parse(id, "entity.person"));
		if (!confirms(confirmation, person)) {
			return page(model, person, confirmation, true);
		}
		personalData.erase(person.id());
		redirect.addFlashAttribute("notice", "person.erased");
		return "redirect:/persons";
	}

	/** The typed name is the person's, in either order, whatever the accents and case. */
	static boolean confirms(String typed, Person person) {
		var folded = SearchText.fold(typed);
		return !folded.isEmpty() && (folded.equals(SearchText.fold(inOrder(person, NameOrder.FAMILY_FIRST)))
				|| folded.equals(SearchText.fold(inOrder(person, NameOrder.GIVEN_FIRST))));
	}

	private static String inOrder(Person person, NameOrder order) {
		return new PersonName(person.familyName(), person.middleName(), person.givenName(), order).display();
	}

	private String page(Model model, Person person, String typed, boolean refused) {
		model.addAttribute("person", person);
		model.addAttribute("name", person.displayName());
		model.addAttribute("typed", typed);
		model.addAttribute("refused", refused);
		return "directory/person/erase";
	}
}
