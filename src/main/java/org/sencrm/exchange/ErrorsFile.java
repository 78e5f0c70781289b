package org.sencrm.exchange;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.sencrm.exchange.file.TableFile;
import org.sencrm.platform.SpreadsheetCell;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The rows an import could not take, as a CSV file to fix and import again: the file's own columns,
 * each failed row as it was (read again from the stored file), its row number as the spreadsheet
 * numbers it, and a last column with every problem in the reader's language. UTF-8 with a byte order
 * mark, so Excel opens Vietnamese text right; cells neutralised against formulas.
 */
@Component
class ErrorsFile {

	private static final int PAGE = 10_000;

	private final Imports imports;
	private final MessageSource messages;

	ErrorsFile(Imports imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	void write(UUID id, Locale locale, Writer out) throws IOException {
		var job = imports.get(id);
		var file = imports.file(id);
		try (var table = TableFile.open(file, job.fileFormat(), job.encoding());
				var csv = CSVFormat.DEFAULT.print(out)) {
			out.write('\uFEFF');
			var header = new ArrayList<String>();
			header.add(messages.getMessage("import.errors.row", null, locale));
			header.addAll(table.header());
			header.add(messages.getMessage("import.errors.problems", null, locale));
			csv.printRecord(header);
			var failures = new Failures(id);
			var failure = failures.next();
			for (var row = table.next(); row != null && failure != null; row = table.next()) {
				while (failure != null && failure.rowNumber() < row.number()) {
					failure = failures.next();
				}
				if (failure != null && failure.rowNumber() == row.number()) {
					var record = new ArrayList<String>();
					record.add(String.valueOf(row.number()));
					row.cells().forEach(c -> record.add(SpreadsheetCell.neutralised(c)));
					while (record.size() < header.size() - 1) {
						record.add("");
					}
					record.add(describe(failure.problems(), job, locale));
					csv.printRecord(record);
					failure = failures.next();
				}
			}
		} finally {
			Files.deleteIfExists(file);
		}
	}

	/** "Email: Email không hợp lệ; Điện thoại: …", each field by the column it came from. */
	String describe(List<Map<String, Object>> problems, ImportJob job, Locale locale) {
		var parts = new ArrayList<String>();
		for (var problem : problems) {
			var field = String.valueOf(problem.get("field"));
			var column = job.mapping().entrySet().stream().filter(e -> e.getValue().equals(field)).map(Map.Entry::getKey)
					.findFirst().orElse(messages.getMessage("import.field." + field, null, field, locale));
			var arguments = problem.get("arguments") instanceof List<?> list ? list.toArray() : new Object[0];
			var message = messages.getMessage(String.valueOf(problem.get("code")), arguments, String.valueOf(problem.get("code")),
					locale);
			if (problem.get("recordId") != null) {
				message += " (" + problem.get("recordId") + ")";
			}
			parts.add(column + ": " + message);
		}
		return String.join("; ", parts);
	}

	/** The job's failures in row order, read a page at a time. */
	private final class Failures {

		private final UUID id;
		private Iterator<ImportJobs.Failure> page = java.util.Collections.emptyIterator();
		private int after;
		private boolean more = true;

		Failures(UUID id) {
			this.id = id;
		}

		ImportJobs.Failure next() {
			if (!page.hasNext() && more) {
				var list = imports.failures(id, after, PAGE);
				more = list.size() == PAGE;
				page = list.iterator();
			}
			if (!page.hasNext()) {
				return null;
			}
			var failure = page.next();
			after = failure.rowNumber();
			return failure;
		}
	}
}
