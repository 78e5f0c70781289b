package org.sencrm.sales.document;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.sencrm.platform.ValidationException;

/** Fields every quote, order and contract has, read the same way: a status asked for, notes, dates. */
public final class DocumentFields {

	public static final int MAX_NOTES = 4000;

	private DocumentFields() {
	}

	/** The status asked for, or {@code otherwise} when none is. */
	public static String status(String requested, String otherwise) {
		return requested == null || requested.isBlank() ? otherwise : requested.strip();
	}

	/** Notes without surrounding blanks (none: null); longer than {@value #MAX_NOTES} characters is a problem on {@code notes}. */
	public static String notes(String notes, ValidationException.Collector problems) {
		if (notes == null || notes.isBlank()) {
			return null;
		}
		if (notes.strip().length() > MAX_NOTES) {
			problems.add("notes", "validation.too-long");
		}
		return notes.strip();
	}

	/** An ISO date (2026-12-31); blank is null, anything else a problem on {@code field}. */
	public static LocalDate date(String text, String field, ValidationException.Collector problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		} catch (DateTimeParseException e) {
			problems.add(field, "validation.date");
			return null;
		}
	}
}
