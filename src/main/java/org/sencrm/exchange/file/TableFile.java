package org.sencrm.exchange.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A file of rows read one at a time, never whole into memory: a header (the column names) and rows
 * numbered as a spreadsheet numbers them (the header is row 1; in a vCard file, the n-th card is row n).
 */
public interface TableFile extends Closeable {

	record Row(int number, List<String> cells) {

		public String cell(int index) {
			return index < cells.size() ? cells.get(index) : null;
		}
	}

	List<String> header();

	/** The next row, or null at the end. */
	Row next();

	/**
	 * The share of the file read so far, 0 to 1 (bytes read over its size), for the time left; -1 when
	 * the format does not tell (an Excel sheet is read from inside its zip).
	 */
	default double shareRead() {
		return -1;
	}

	/** The character set the file was read in (null for formats that carry their own). */
	default String encoding() {
		return null;
	}

	@Override
	void close();

	/**
	 * Opens a file of the given format ({@code csv}, {@code xlsx}, {@code vcf}); a CSV file in
	 * {@code encoding}, or in the detected one when that is null.
	 */
	static TableFile open(Path file, String format, String encoding) {
		try {
			return switch (format) {
				case "csv" -> CsvFile.open(file, encoding);
				case "xlsx" -> XlsxFile.open(file);
				case "vcf" -> VcardFile.open(file);
				default -> throw new IllegalArgumentException("Unknown format " + format);
			};
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The format of a file by its name, or null when it is none we read. */
	static String formatOf(String fileName) {
		var name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
		if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
			return "csv";
		}
		if (name.endsWith(".xlsx")) {
			return "xlsx";
		}
		if (name.endsWith(".vcf") || name.endsWith(".vcard")) {
			return "vcf";
		}
		return null;
	}
}
