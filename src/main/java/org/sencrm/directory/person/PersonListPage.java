package org.sencrm.directory.person;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.directory.customfield.CustomFieldDefinition;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.lifecycle.LifecycleStage;
import org.sencrm.directory.export.CsvExport;
import org.sencrm.directory.listing.ListLinks;
import org.sencrm.directory.tag.Tags;
import org.sencrm.directory.view.SavedViews;
import org.sencrm.identity.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person list: filters, sort, one page at a time ("next page" carries the cursor; there
 * are no page numbers and no total, which would cost a count of the whole table), the user's
 * saved views, and the same list as CSV.
 */
@Controller
class PersonListPage {

	private final PersonService persons;
	private final Tags tags;
	private final UserDirectory users;
	private final CustomFields customFields;
	private final SavedViews views;
	private final CsvExport export;
	private final org.sencrm.identity.Access access;

	PersonListPage(PersonService persons, Tags tags, UserDirectory users, CustomFields customFields,
			SavedViews views, CsvExport export, org.sencrm.identity.Access access) {
		this.persons = persons;
		this.tags = tags;
		this.users = users;
		this.customFields = customFields;
		this.views = views;
		this.export = export;
		this.access = access;
	}

	@GetMapping("/persons")
	String list(@RequestParam MultiValueMap<String, String> params, Model model) {
		var filter = PersonFilter.of(params);
		var page = persons.list(filter);
		var query = ListLinks.filterQuery(params);
		var userList = users.users();
		model.addAttribute("filter", filter);
		model.addAttribute("persons", page.items());
		model.addAttribute("nextUrl", ListLinks.nextPage("/persons", query, page.nextCursor()));
		model.addAttribute("firstPage", filter.cursor() == null);
		model.addAttribute("query", query);
		model.addAttribute("exportUrl", ListLinks.withQuery("/persons/export.csv", query));
		model.addAttribute("mayExport", access.mayExport());
		model.addAttribute("tags", tags.all());
		model.addAttribute("users", userList);
		model.addAttribute("ownerNames", userList.stream()
				.collect(Collectors.toMap(UserDirectory.UserSummary::id, UserDirectory.UserSummary::displayName)));
		model.addAttribute("choiceFields", choiceFields());
		model.addAttribute("statuses", Person.STATUSES);
		model.addAttribute("stages", LifecycleStage.ALL);
		model.addAttribute("views", views.mine(PersonService.ENTITY));
		return "directory/person/list";
	}

	@GetMapping(path = "/persons/export.csv", produces = "text/csv")
	void exportCsv(@RequestParam MultiValueMap<String, String> params, HttpServletResponse response) throws IOException {
		access.requireExport();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"persons.csv\"");
		export.persons(PersonFilter.of(params), response.getWriter());
	}

	/** Choice fields can be filtered by one of their options. */
	private List<CustomFieldDefinition> choiceFields() {
		return customFields.of(PersonService.ENTITY).stream()
				.filter(d -> d.type().equals("choice") || d.type().equals("multi_choice")).toList();
	}

	/**
	 * htmx: persons matching what was typed, as radio buttons named {@code personId} (linking an
	 * email to a person) or as checkboxes named {@code attendeePersonIds} (customers at a meeting).
	 * The field name comes back into the page, so it is one of these, never taken as is.
	 */
	@GetMapping("/persons/pick")
	String pick(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "personId") String field,
			Model model) {
		var found = q.isBlank() ? List.<Person>of()
				: persons.list(new PersonFilter(q, List.of(), null, null, null, null, "name", null, 10)).items();
		model.addAttribute("found", found.stream().map(p -> Map.of("id", p.id(), "name", p.displayName(),
				"email", p.primaryEmail() == null ? "" : p.primaryEmail())).toList());
		model.addAttribute("q", q);
		model.addAttribute("several", field.equals("attendeePersonIds"));
		return "directory/person/pick :: choices";
	}
}
