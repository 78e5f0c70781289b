package org.sencrm.exchange.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sencrm.platform.SpreadsheetCell;

/** A CSV file, streamed: delimiter (comma, semicolon or tab) and character set detected from its start. */
final class CsvFile implements TableFile {

	private static final int SAMPLE = 64 * 1024;

	private final CSVParser parser;
	private final Iterator<CSVRecord> records;
	private final List<String> header;
	private final Charset charset;
	private final CountedInput counted;
	private int number = 1;

	private CsvFile(CSVParser parser, Charset charset, CountedInput counted) {
		this.counted = counted;
		this.parser = parser;
		this.charset = charset;
		this.records = parser.iterator();
		// the header is read in the charset too
		this.header = records.hasNext() ? cells(records.next()) : List.of();
	}

	static CsvFile open(Path file, String encoding) throws IOException {
		var head = new byte[SAMPLE];
		int length;
		try (var in = Files.newInputStream(file)) {
			length = in.readNBytes(head, 0, SAMPLE);
		}
		var charset = Charsets.named(encoding);
		if (charset == null) {
			charset = Charsets.detect(head, length);
		}
		var text = new String(head, 0, length, charset);
		var delimiter = delimiter(text);
		var counted = new CountedInput(Files.newInputStream(file), Files.size(file));
		var in = new BufferedInputStream(counted, 64 * 1024);
		if (charset.equals(StandardCharsets.UTF_8) && length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb
				&& (head[2] & 0xff) == 0xbf) {
			in.skipNBytes(3);
		}
		var format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).setTrim(true).get();
		return new CsvFile(CSVParser.builder().setReader(new InputStreamReader(in, charset)).setFormat(format).get(), charset, counted);
	}

	/** The delimiter the first line uses most, outside quotes. */
	static char delimiter(String text) {
		int commas = 0, semicolons = 0, tabs = 0;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			} else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			} else if (!quoted) {
				switch (c) {
					case ',' -> commas++;
					case ';' -> semicolons++;
					case '\t' -> tabs++;
					default -> {
					}
				}
			}
		}
		if (tabs > commas && tabs > semicolons) {
			return '\t';
		}
		return semicolons > commas ? ';' : ',';
	}

	@Override
	public List<String> header() {
		return header;
	}

	@Override
	public Row next() {
		// empty lines are not rows to import, but a spreadsheet counts them, so they keep their numbers
		while (records.hasNext()) {
			number++;
			var cells = cells(records.next());
			if (cells.stream().anyMatch(c -> !c.isBlank())) {
				return new Row(number, cells);
			}
		}
		return null;
	}

	@Override
	public double shareRead() {
		return counted.share();
	}

	@Override
	public String encoding() {
		return charset.name().toLowerCase(java.util.Locale.ROOT);
	}

	@Override
	public void close() {
		try {
			parser.close();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private List<String> cells(CSVRecord record) {
		var cells = new ArrayList<String>(record.size());
		// Windows-1258 writes tones as combining marks after the letter; stored text is composed (NFC)
		boolean compose = charset.equals(Charsets.WINDOWS_1258);
		// a cell our export guarded against formulas ('=…, '+84…) comes back as it was (decision 36)
		record.forEach(cell -> cells.add(SpreadsheetCell.unguarded(
				compose ? java.text.Normalizer.normalize(cell, java.text.Normalizer.Form.NFC) : cell)));
		return cells;
	}
}
