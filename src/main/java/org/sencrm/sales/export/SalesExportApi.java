package org.sencrm.sales.export;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.sencrm.directory.Exports;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exports of the sales lists through the API (decision 34): leads, products and orders as CSV or
 * Excel, with the list's filters and the chosen columns; the work is directory's {@link Exports}.
 */
@RestController
class SalesExportApi {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Exports exports;

	SalesExportApi(Exports exports) {
		this.exports = exports;
	}

	@GetMapping(path = "/api/v1/leads/export", produces = {"text/csv", XLSX, "application/json"})
	@Parameter(name = "status", in = ParameterIn.QUERY, description = "A lead status, or open", schema = @Schema(type = "string"))
	@Parameter(name = "ownerId", in = ParameterIn.QUERY, description = "A user id, or unassigned", schema = @Schema(type = "string"))
	@Parameter(name = "source", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	@Parameter(name = "minScore", in = ParameterIn.QUERY, schema = @Schema(type = "integer"))
	@Parameter(name = "sort", in = ParameterIn.QUERY, description = "score (default) or created", schema = @Schema(type = "string"))
	@Format
	void leads(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params, HttpServletResponse response) {
		exports.answer("leads", params, response);
	}

	@GetMapping(path = "/api/v1/products/export", produces = {"text/csv", XLSX, "application/json"})
	@Parameter(name = "q", in = ParameterIn.QUERY, description = "Words of the name or the start of the SKU",
			schema = @Schema(type = "string"))
	@Parameter(name = "active", in = ParameterIn.QUERY, schema = @Schema(type = "boolean"))
	@Format
	void products(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params, HttpServletResponse response) {
		exports.answer("products", params, response);
	}

	@GetMapping(path = "/api/v1/orders/export", produces = {"text/csv", XLSX, "application/json"})
	@Parameter(name = "status", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	@Parameter(name = "personId", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "uuid"))
	@Parameter(name = "organizationId", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "uuid"))
	@Format
	void orders(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params, HttpServletResponse response) {
		exports.answer("orders", params, response);
	}

	/** The export's own parameters. */
	@java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@Parameter(name = "format", in = ParameterIn.QUERY, description = "csv (default) or xlsx",
			schema = @Schema(type = "string", allowableValues = {"csv", "xlsx"}))
	@Parameter(name = "columns", in = ParameterIn.QUERY,
			description = "The columns in their order, comma-separated API field names; none for the defaults",
			schema = @Schema(type = "string"))
	@interface Format {
	}
}
