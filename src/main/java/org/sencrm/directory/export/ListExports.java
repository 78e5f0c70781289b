package org.sencrm.directory.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.identity.Access;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export of a list (decision 34): the right first, then the request, then the first rows. A list
 * of at most {@code sen.exports.background-above} rows (10,000) is written to the response at once
 * from the rows already read; a longer one goes to the background ({@link ExportJobs}) and the
 * caller gets its id. Either way the rows are read in keyset pages and written as they come.
 */
@Service
public class ListExports {

	private final Access access;
	private final ExportKinds kinds;
	private final ExportJobs jobs;
	private final JsonMapper json;
	private final int backgroundAbove;

	ListExports(Access access, ExportKinds kinds, ExportJobs jobs, JsonMapper json,
			@Value("${sen.exports.background-above:10000}") int backgroundAbove) {
		this.access = access;
		this.kinds = kinds;
		this.jobs = jobs;
		this.json = json;
		this.backgroundAbove = backgroundAbove;
	}

	/** Writes the file to the response and returns null, or queues the export and returns its id (nothing written). */
	public UUID export(String kindKey, MultiValueMap<String, String> params, HttpServletResponse response) {
		access.requireExport();
		var request = ExportRequest.read(kinds.get(kindKey), params);
		var first = new ArrayList<Map<String, Object>>();
		request.kind().rows(request.filter(), request.columns(), row -> {
			first.add(row);
			return first.size() <= backgroundAbove;
		});
		if (first.size() > backgroundAbove) {
			return jobs.queue(request, access.currentUser());
		}
		response.setContentType(request.format().contentType);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + request.format().fileName(kindKey) + "\"");
		try {
			var out = response.getOutputStream();
			ExportFile.write(request, sink -> {
				for (var row : first) {
					if (!sink.test(row)) {
						return;
					}
				}
			}, out);
			out.flush();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return null;
	}

	/** The API's answer: the file, or 202 with {@code {"id","status":"queued"}} and the export's address in Location. */
	public void answer(String kindKey, MultiValueMap<String, String> params, HttpServletResponse response) {
		var id = export(kindKey, params, response);
		if (id == null) {
			return;
		}
		response.setStatus(HttpServletResponse.SC_ACCEPTED);
		response.setHeader("Location", "/api/v1/exports/" + id);
		response.setContentType("application/json");
		try {
			json.writeValue(response.getOutputStream(), Map.of("id", id.toString(), "status", "queued"));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
