package org.sencrm.directory.export;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Parameter;
import org.sencrm.directory.organization.OrganizationFilter;
import org.sencrm.directory.person.PersonFilter;
import org.sencrm.identity.Access;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CSV export of a filtered list, through the API (the web UI links to its own copy of these). */
@RestController
class ExportApi {

	private final CsvExport export;
	private final Access access;

	ExportApi(CsvExport export, Access access) {
		this.export = export;
		this.access = access;
	}

	@GetMapping(path = "/api/v1/persons/export", produces = "text/csv")
	@PersonFilter.QueryParameters
	void persons(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
			HttpServletResponse response) throws IOException {
		access.requireExport(); // before the answer becomes a CSV file, so a refusal is a problem document
		attachment(response, "persons.csv");
		export.persons(PersonFilter.of(params), response.getWriter());
	}

	@GetMapping(path = "/api/v1/organizations/export", produces = "text/csv")
	@OrganizationFilter.QueryParameters
	void organizations(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
			HttpServletResponse response) throws IOException {
		access.requireExport();
		attachment(response, "organizations.csv");
		export.organizations(OrganizationFilter.of(params), response.getWriter());
	}

	static void attachment(HttpServletResponse response, String fileName) {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
	}
}
