package org.sencrm.exchange;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A date as a file writes it: ISO ({@code 2024-05-17}, also with a time after it), or day first ({@code 17/5/2024}, {@code 17-5-2024}, {@code 17.5.2024}), as Vietnamese sheets do. */
public final class ImportDates {

	private static final List<DateTimeFormatter> FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu"));

	private ImportDates() {
	}

	/** The date, or null when the text is none of these. */
	public static LocalDate parse(String text) {
		var t = text.strip();
		if (t.length() > 10 && (t.charAt(10) == 'T' || t.charAt(10) == ' ') && Character.isDigit(t.charAt(0)) && t.charAt(4) == '-') {
			t = t.substring(0, 10);
		}
		for (var format : FORMATS) {
			try {
				return LocalDate.parse(t, format);
			} catch (DateTimeParseException e) {
				// the next format
			}
		}
		return null;
	}
}
