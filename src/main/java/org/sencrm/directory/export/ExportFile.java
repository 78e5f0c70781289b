package org.sencrm.directory.export;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.sencrm.directory.ExportKind;

/** Writes the rows of an export to a file as they come (CSV, Excel or vCard); returns how many rows. */
final class ExportFile {

	private ExportFile() {
	}

	/** {@code source} hands every row to the sink it is given, in order. */
	static long write(ExportRequest request, Consumer<Predicate<Map<String, Object>>> source, OutputStream out) {
		var count = new long[1];
		if (request.format() == ExportFormat.VCF) {
			var labels = new HashMap<String, String>();
			request.kind().columns().stream().filter(c -> c.name().startsWith(CustomerExportKind.CUSTOM))
					.forEach(c -> labels.put(c.name().substring(CustomerExportKind.CUSTOM.length()), c.label()));
			try (var file = new VcardFile(out, labels)) {
				source.accept(row -> {
					file.card(row);
					count[0]++;
					return true;
				});
			}
			return count[0];
		}
		var columns = request.columns();
		try (var table = TableFile.of(request.format(), request.kind().key(), columns, out)) {
			var cells = new Object[columns.size()];
			var cellList = java.util.Arrays.asList(cells);
			source.accept(row -> {
				for (int i = 0; i < cells.length; i++) {
					cells[i] = row.get(columns.get(i));
				}
				table.row(cellList);
				count[0]++;
				return true;
			});
		}
		return count[0];
	}

}
