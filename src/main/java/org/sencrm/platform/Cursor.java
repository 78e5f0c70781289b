package org.sencrm.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * An opaque keyset-pagination cursor: the sort key and id of the last row of a page. The next
 * page starts strictly after it, so pages stay stable while rows are added, and no page needs
 * an OFFSET or a COUNT.
 */
public record Cursor(String key, UUID id) {

	public String encode() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "\n" + id).getBytes(StandardCharsets.UTF_8));
	}

	/** The decoded cursor, or null for none; a damaged cursor is a validation problem on {@code cursor}. */
	public static Cursor decode(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			var parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n", 2);
			return new Cursor(parts[0], UUID.fromString(parts[1]));
		} catch (RuntimeException e) {
			throw invalid();
		}
	}

	public java.time.Instant keyAsInstant() {
		try {
			return java.time.Instant.parse(key);
		} catch (java.time.format.DateTimeParseException e) {
			throw invalid();
		}
	}

	private static ValidationException invalid() {
		return new ValidationException(List.of(new ValidationException.FieldProblem("cursor", "validation.cursor")));
	}
}
