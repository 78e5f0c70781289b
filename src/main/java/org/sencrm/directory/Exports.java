package org.sencrm.directory;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.directory.export.ListExports;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

/**
 * Exports a filtered list of any {@link ExportKind} (decision 34), for the API and the pages of
 * other modules: checks the export right (decision 20), reads the format, the columns and the list's
 * filters, and either writes the file to the response at once or, past
 * {@code sen.exports.background-above} rows, queues it in the background and answers with the
 * export's id. Nothing is written to the response before the checks pass, so a refusal or a wrong
 * parameter is a problem document, not a broken file.
 */
@Service
public class Exports {

	/** What became of an export request: written to the response, or queued ({@code exportId}). */
	public record Outcome(UUID exportId) {

		public boolean queued() {
			return exportId != null;
		}
	}

	private final ListExports exports;

	Exports(ListExports exports) {
		this.exports = exports;
	}

	/** Exports the list {@code kind} ({@code leads}…) with the request's parameters. */
	public Outcome export(String kind, MultiValueMap<String, String> params, HttpServletResponse response) {
		return new Outcome(exports.export(kind, params, response));
	}

	/** As {@link #export}, for the API: a queued export answers 202 with its id and where to ask for it. */
	public void answer(String kind, MultiValueMap<String, String> params, HttpServletResponse response) {
		exports.answer(kind, params, response);
	}
}
