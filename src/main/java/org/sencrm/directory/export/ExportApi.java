package org.sencrm.directory.export;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
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
	@Parameter(name = "q", in = ParameterIn.QUERY,
			description = "Name, email or phone, without accents or case; custom fields filter too as cf.<key>=<value>",
			schema = @Schema(type = "string"))
	@Parameter(name = "tag", in = ParameterIn.QUERY,
			description = "Repeatable", array = @ArraySchema(schema = @Schema(type = "string")))
	@Parameter(name = "ownerId", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "uuid"))
	@Parameter(name = "status", in = ParameterIn.QUERY, description = "potential or existing", schema = @Schema(type = "string"))
	@Parameter(name = "lifecycleStage", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	@Parameter(name = "sort", in = ParameterIn.QUERY,
			description = "name (default) or created", schema = @Schema(type = "string"))
	@Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = "integer"))
	@Parameter(name = "cursor", in = ParameterIn.QUERY,
			description = "nextCursor of the previous page", schema = @Schema(type = "string"))
	void persons(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
			HttpServletResponse response) throws IOException {
		access.requireExport(); // before the answer becomes a CSV file, so a refusal is a problem document
		attachment(response, "persons.csv");
		export.persons(PersonFilter.of(params), response.getWriter());
	}

	@GetMapping(path = "/api/v1/organizations/export", produces = "text/csv")
	@Parameter(name = "q", in = ParameterIn.QUERY,
			description = "Name or tax code, without accents or case; custom fields filter too as cf.<key>=<value>",
			schema = @Schema(type = "string"))
	@Parameter(name = "tag", in = ParameterIn.QUERY,
			description = "Repeatable", array = @ArraySchema(schema = @Schema(type = "string")))
	@Parameter(name = "ownerId", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "uuid"))
	@Parameter(name = "kind", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	@Parameter(name = "relationship", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	@Parameter(name = "lifecycleStage", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	@Parameter(name = "sort", in = ParameterIn.QUERY,
			description = "name (default) or created", schema = @Schema(type = "string"))
	@Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = "integer"))
	@Parameter(name = "cursor", in = ParameterIn.QUERY,
			description = "nextCursor of the previous page", schema = @Schema(type = "string"))
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
