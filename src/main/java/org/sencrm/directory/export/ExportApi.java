package org.sencrm.directory.export;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.sencrm.directory.organization.OrganizationFilter;
import org.sencrm.directory.person.PersonFilter;
import org.sencrm.identity.Access;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.Ids;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exports of filtered lists through the API (decision 34), and the exports that ran in the
 * background. Without {@code format} and {@code columns}, persons and organizations keep the CSV
 * they always had ({@link CsvExport}: snake_case columns); with either, the export speaks the API's
 * field names and may be CSV, Excel or (persons) vCard.
 */
@RestController
class ExportApi {

	/** An export that ran, or runs, in the background. */
	record ExportJson(UUID id, String kind, String format, String status, long rows, long bytes, Instant createdAt,
			Instant finishedAt, Instant expiresAt, String file) {

		static ExportJson of(ExportJobs.Job job) {
			return new ExportJson(job.id(), job.kind(), job.format(), job.status(), job.rows(), job.bytes(), job.createdAt(),
					job.finishedAt(), job.expiresAt(), job.status().equals("done") ? "/api/v1/exports/" + job.id() + "/file" : null);
		}
	}

	record ExportsJson(List<ExportJson> items) {
	}

	private final CsvExport legacy;
	private final ListExports exports;
	private final ExportJobs jobs;
	private final Access access;

	ExportApi(CsvExport legacy, ListExports exports, ExportJobs jobs, Access access) {
		this.legacy = legacy;
		this.exports = exports;
		this.jobs = jobs;
		this.access = access;
	}

	@GetMapping(path = "/api/v1/persons/export", produces = {"text/csv", ExportParameters.XLSX, "text/vcard", "application/json"})
	@PersonFilter.QueryParameters
	@ExportParameters
	void persons(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
			HttpServletResponse response) throws IOException {
		access.requireExport(); // before the answer becomes a file, so a refusal is a problem document
		if (legacy(params)) {
			attachment(response, "persons.csv");
			legacy.persons(PersonFilter.of(params), response.getWriter());
		} else {
			exports.answer("persons", params, response);
		}
	}

	@GetMapping(path = "/api/v1/organizations/export", produces = {"text/csv", ExportParameters.XLSX, "application/json"})
	@OrganizationFilter.QueryParameters
	@ExportParameters
	void organizations(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
			HttpServletResponse response) throws IOException {
		access.requireExport();
		if (legacy(params)) {
			attachment(response, "organizations.csv");
			legacy.organizations(OrganizationFilter.of(params), response.getWriter());
		} else {
			exports.answer("organizations", params, response);
		}
	}

	@GetMapping("/api/v1/exports")
	ExportsJson mine() {
		access.requireExport();
		return new ExportsJson(jobs.mine(access.currentUser().id()).stream().map(ExportJson::of).toList());
	}

	@GetMapping("/api/v1/exports/{id}")
	ExportJson get(@PathVariable String id) {
		access.requireExport();
		return ExportJson.of(jobs.mine(Ids.parse(id, "entity.export"), access.currentUser().id()));
	}

	@GetMapping(path = "/api/v1/exports/{id}/file", produces = {"text/csv", ExportParameters.XLSX, "text/vcard"})
	@Parameter(name = "id", in = ParameterIn.PATH, schema = @Schema(type = "string", format = "uuid"))
	void file(@PathVariable String id, HttpServletResponse response) throws IOException {
		access.requireExport();
		var job = jobs.mine(Ids.parse(id, "entity.export"), access.currentUser().id());
		if (!job.status().equals("done")) {
			throw new DomainException("export.not-ready");
		}
		var format = ExportFormat.of(job.format());
		response.setContentType(format.contentType);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + format.fileName(job.kind()) + "\"");
		response.setContentLengthLong(job.bytes());
		jobs.copy(job.id(), response.getOutputStream());
	}

	/** Persons and organizations asked for without a format or columns keep their old CSV. */
	static boolean legacy(MultiValueMap<String, String> params) {
		return !params.containsKey("format") && !params.containsKey("columns");
	}

	static void attachment(HttpServletResponse response, String fileName) {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
	}
}
