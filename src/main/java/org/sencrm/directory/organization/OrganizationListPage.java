package org.sencrm.directory.organization;

import java.io.IOException;
import java.util.List;

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

/**
 * The organization list (the shared list of {@link RecordPages} plus kind and relationship), its
 * CSV, and the small picker that finds an organization for a form (a contact role, a parent).
 */
@Controller
class OrganizationListPage {

	/** Inputs the picker may fill; the name comes back into the page, so it is never taken from the request as is. */
	private static final List<String> PICKER_FIELDS = List.of("organizationId", "parentId");

	private final OrganizationService organizations;
	private final RecordPages pages;
	private final CsvExport export;

	OrganizationListPage(OrganizationService organizations, RecordPages pages, CsvExport export) {
		this.organizations = organizations;
		this.pages = pages;
		this.export = export;
	}

	@GetMapping("/organizations")
	String list(@RequestParam MultiValueMap<String, String> params, Model model) {
		var filter = OrganizationFilter.of(params);
		var page = organizations.list(filter);
		pages.list(model, CustomerKind.ORGANIZATION, filter, filter.common(), params, page.items(), page.nextCursor());
		model.addAttribute("kinds", Organization.KINDS);
		model.addAttribute("relationships", Organization.RELATIONSHIPS);
		return "directory/organization/list";
	}

	@GetMapping(path = "/organizations/export.csv", produces = "text/csv")
	void exportCsv(@RequestParam MultiValueMap<String, String> params, HttpServletResponse response) throws IOException {
		export.organizations(OrganizationFilter.of(params), pages.csv(CustomerKind.ORGANIZATION, response));
	}

	/** htmx: organizations matching what was typed, as radio buttons named {@code field}. */
	@GetMapping("/organizations/pick")
	String pick(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "organizationId") String field,
			Model model) {
		var found = q.isBlank() ? List.<Organization>of()
				: organizations.list(new OrganizationFilter(RecordFilter.search(q, 10))).items();
		model.addAttribute("found", found);
		model.addAttribute("field", PICKER_FIELDS.contains(field) ? field : PICKER_FIELDS.getFirst());
		model.addAttribute("q", q);
		return "directory/organization/pick :: choices";
	}
}
