package org.sencrm.directory.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.directory.ExportKind;
import org.sencrm.identity.Access;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The export of a list on the web (decision 34): the chooser (file type and columns, the list's
 * filters kept as they were), the file, and the page of an export that runs in the background,
 * which follows its progress by itself and offers the file when it is ready. The paths are written
 * out, not patterns, so they win over the lists' own {@code /persons/{id}} and {@code /persons/{id}/edit}.
 */
@Controller
class ExportPages {


	/** A filter of the list as the chooser keeps it: a hidden field. */
	record Kept(String name, String value) {
	}

	private final ListExports exports;
	private final ExportKinds kinds;
	private final ExportJobs jobs;
	private final Access access;

	ExportPages(ListExports exports, ExportKinds kinds, ExportJobs jobs, Access access) {
		this.exports = exports;
		this.kinds = kinds;
		this.jobs = jobs;
		this.access = access;
	}

	@GetMapping({"/persons/export/choose", "/organizations/export/choose", "/leads/export/choose", "/products/export/choose",
			"/orders/export/choose"})
	String choose(HttpServletRequest http, @RequestParam MultiValueMap<String, String> params, Model model) {
		access.requireExport();
		var kind = kindOf(http);
		var exportKind = kinds.get(kind);
		var filter = ExportRequest.filterOf(params);
		exportKind.checkFilter(filter);
		var kept = new ArrayList<Kept>();
		filter.forEach((name, values) -> values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> kept.add(new Kept(name, v))));
		model.addAttribute("kind", kind);
		model.addAttribute("columns", exportKind.columns());
		model.addAttribute("formats", kind.equals(PersonExportKind.KEY) ? List.of("csv", "xlsx", "vcf") : List.of("csv", "xlsx"));
		model.addAttribute("kept", kept);
		model.addAttribute("back", "/" + kind + (kept.isEmpty() ? "" : "?" + org.sencrm.directory.listing.ListLinks.filterQuery(filter)));
		return "directory/export/choose";
	}

	@GetMapping({"/persons/export", "/organizations/export", "/leads/export", "/products/export", "/orders/export"})
	void file(HttpServletRequest http, @RequestParam MultiValueMap<String, String> params, HttpServletResponse response)
			throws IOException {
		var queued = exports.export(kindOf(http), params, response);
		if (queued != null) {
			response.sendRedirect("/exports/" + queued);
		}
	}

	/** The list of {@code /persons/export…}: the path's first segment. */
	private static String kindOf(HttpServletRequest http) {
		return http.getRequestURI().substring(http.getContextPath().length()).split("/")[1];
	}

	@GetMapping("/exports/{id}")
	String status(@PathVariable String id, Model model) {
		access.requireExport();
		model.addAttribute("export", jobs.mine(Ids.parse(id, "entity.export"), access.currentUser().id()));
		return "directory/export/status";
	}

	/** htmx: the progress part of the page, asked for every two seconds until the export is done or failed. */
	@GetMapping("/exports/{id}/progress")
	String progress(@PathVariable String id, Model model) {
		access.requireExport();
		model.addAttribute("export", jobs.mine(Ids.parse(id, "entity.export"), access.currentUser().id()));
		return "directory/export/status :: progress";
	}

	@GetMapping("/exports/{id}/file")
	void download(@PathVariable String id, HttpServletResponse response) throws IOException {
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

}
