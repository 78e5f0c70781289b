package org.sencrm.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address in the one form Sen CRM accepts everywhere — sign-in logins, customers' and
 * leads' addresses, recipients of outgoing mail: {@code local@domain.tld} without spaces, at most
 * 254 characters (RFC 5321's limit for a path), stored in lower case (mailboxes are found without
 * regard to case in practice, and the search and duplicate checks compare the lower-case form).
 * Deliberately simple: whether a mailbox exists only sending can tell.
 *
 * @param value the address, stripped and in lower case
 */
public record Email(String value) {

	public static final int MAX_LENGTH = 254;
	private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	public Email {
		var clean = clean(value);
		if (clean == null) {
			throw new IllegalArgumentException("not an email address: " + value);
		}
		value = clean;
	}

	/** The address typed, cleaned, when it is one; empty for null, blank or malformed text. */
	public static Optional<Email> parse(String text) {
		var clean = clean(text);
		return clean == null ? Optional.empty() : Optional.of(new Email(clean));
	}

	/** Whether the text (spaces around it ignored, any case) is an email address. */
	public static boolean isValid(String text) {
		return clean(text) != null;
	}

	/** The part before the @. */
	public String localPart() {
		return value.substring(0, value.lastIndexOf('@'));
	}

	/** The part after the @. */
	public String domain() {
		return value.substring(value.lastIndexOf('@') + 1);
	}

	@Override
	public String toString() {
		return value;
	}

	private static String clean(String text) {
		if (text == null) {
			return null;
		}
		var clean = text.strip().toLowerCase(Locale.ROOT);
		return clean.length() <= MAX_LENGTH && SHAPE.matcher(clean).matches() ? clean : null;
	}
}
