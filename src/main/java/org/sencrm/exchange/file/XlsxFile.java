package org.sencrm.exchange.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.sencrm.platform.SpreadsheetCell;

/**
 * The first sheet of an Excel workbook, streamed row by row (fastexcel-reader: the sheet's XML is
 * parsed as it is read, so a sheet of a million rows needs no more memory than its shared strings).
 * Numbers are written as they read (no exponent, no trailing zeros: a phone 84901234567 stays whole),
 * dates as ISO dates.
 */
final class XlsxFile implements TableFile {

	private final ReadableWorkbook workbook;
	private final Stream<org.dhatim.fastexcel.reader.Row> stream;
	private final Iterator<org.dhatim.fastexcel.reader.Row> rows;
	private final List<String> header;

	private XlsxFile(ReadableWorkbook workbook) throws IOException {
		this.workbook = workbook;
		this.stream = workbook.getFirstSheet().openStream();
		this.rows = stream.iterator();
		this.header = rows.hasNext() ? cells(rows.next()) : List.of();
	}

	static XlsxFile open(Path file) throws IOException {
		return new XlsxFile(new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false)));
	}

	@Override
	public List<String> header() {
		return header;
	}

	@Override
	public Row next() {
		while (rows.hasNext()) {
			var row = rows.next();
			var cells = cells(row);
			if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
				return new Row(row.getRowNum(), cells);
			}
		}
		return null;
	}

	@Override
	public void close() {
		try {
			stream.close();
			workbook.close();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<String> cells(org.dhatim.fastexcel.reader.Row row) {
		var cells = new ArrayList<String>(row.getCellCount());
		for (int i = 0; i < row.getCellCount(); i++) {
			cells.add(text(row.getCell(i)));
		}
		return cells;
	}

	private static String text(Cell cell) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return "";
		}
		if (cell.getType() == CellType.NUMBER) {
			if (isDate(cell.getDataFormatString())) {
				var date = cell.asDate();
				return date.getHour() == 0 && date.getMinute() == 0 && date.getSecond() == 0 ? date.toLocalDate().toString()
						: date.toString();
			}
			return ((BigDecimal) cell.getValue()).stripTrailingZeros().toPlainString();
		}
		var text = cell.getText();
		// a text cell our export guarded against formulas comes back as it was (decision 36)
		return text == null ? "" : SpreadsheetCell.unguarded(text.strip());
	}

	private static boolean isDate(String format) {
		if (format == null) {
			return false;
		}
		var f = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(java.util.Locale.ROOT);
		return f.contains("d") || f.contains("y") || (f.contains("m") && f.contains("h"));
	}
}
