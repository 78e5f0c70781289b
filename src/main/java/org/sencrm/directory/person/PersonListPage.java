package org.sencrm.directory.person;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.directory.export.CsvExport;
import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.record.RecordFilter;
import org.sencrm.directory.record.RecordPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The person list (the shared list of {@link RecordPages} plus the status filter), its CSV, and the person picker. */
@Controller
class PersonListPage {

	private final PersonService persons;
	private final RecordPages pages;
	private final CsvExport export;

	PersonListPage(PersonService persons, RecordPages pages, CsvExport export) {
		this.persons = persons;
		this.pages = pages;
		this.export = export;
	}

	@GetMapping("/persons")
	String list(@RequestParam MultiValueMap<String, String> params, Model model) {
		var filter = PersonFilter.of(params);
		var page = persons.list(filter);
		pages.list(model, CustomerKind.PERSON, filter, filter.common(), params, page.items(), page.nextCursor());
		model.addAttribute("statuses", Person.STATUSES);
		return "directory/person/list";
	}

	@GetMapping(path = "/persons/export.csv", produces = "text/csv")
	void exportCsv(@RequestParam MultiValueMap<String, String> params, HttpServletResponse response) throws IOException {
		export.persons(PersonFilter.of(params), pages.csv(CustomerKind.PERSON, response));
	}

	/**
	 * htmx: persons matching what was typed, as radio buttons named {@code personId} (linking an
	 * email to a person) or as checkboxes named {@code attendeePersonIds} (customers at a meeting).
	 * The field name comes back into the page, so it is one of these, never taken as is.
	 */
	@GetMapping("/persons/pick")
	String pick(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "personId") String field,
			Model model) {
		var found = q.isBlank() ? List.<Person>of() : persons.list(new PersonFilter(RecordFilter.search(q, 10))).items();
		model.addAttribute("found", found.stream().map(p -> Map.of("id", p.id(), "name", p.displayName(),
				"email", p.primaryEmail() == null ? "" : p.primaryEmail())).toList());
		model.addAttribute("q", q);
		model.addAttribute("several", field.equals("attendeePersonIds"));
		return "directory/person/pick :: choices";
	}
}
