package org.sencrm.directory;

import java.util.List;
import java.util.Locale;

import org.sencrm.platform.ValidationException;

/**
 * The words of marketing consent, shared by persons and leads: the channels it is asked for, its
 * statuses, and the fixed list of ways it is given or withdrawn. Who recorded a consent and when is
 * the server's to say (the signed-in user and the server's clock), never the client's. Decision 26.
 */
public final class Consents {

	public static final List<String> CHANNELS = List.of("email", "sms", "phone");
	/** {@code pending}: asked, waiting for the person to confirm (double opt-in); it counts as no consent. */
	public static final List<String> STATUSES = List.of("granted", "withdrawn", "pending");
	public static final String GRANTED = "granted";
	public static final String PENDING = "pending";
	public static final List<String> METHODS = List.of("web_form", "double_opt_in", "in_person", "phone", "email", "paper",
			"import", "api", "other");
	/** Recorded only when the person follows the confirmation link of a double opt-in, never by a user. */
	public static final String DOUBLE_OPT_IN = "double_opt_in";
	public static final int MAX_NOTE = 500;

	private Consents() {
	}

	/**
	 * Checks a consent a user or client records now: a known status, one of the methods (not the
	 * double opt-in, which only the confirmation link records) and a note of reasonable length.
	 * Problems name {@code consents.<channel>.status}, {@code .method} and {@code .note}.
	 */
	public static void check(String channel, String status, String method, String note,
			ValidationException.Collector problems) {
		var prefix = "consents." + channel;
		if (status == null || !STATUSES.contains(status)) {
			problems.add(prefix + ".status", "validation.choice");
		}
		if (method == null) {
			problems.add(prefix + ".method", "validation.consent-method");
		} else if (!METHODS.contains(method)) {
			problems.add(prefix + ".method", "validation.consent-method");
		} else if (DOUBLE_OPT_IN.equals(method)) {
			problems.add(prefix + ".method", "validation.consent-method-confirmed-only");
		}
		if (note != null && note.length() > MAX_NOTE) {
			problems.add(prefix + ".note", "validation.too-long");
		}
	}

	/** Blank is none; otherwise trimmed and in lower case, as the list spells the methods. */
	public static String cleanMethod(String method) {
		return method == null || method.isBlank() ? null : method.strip().toLowerCase(Locale.ROOT);
	}

	public static String cleanNote(String note) {
		return note == null || note.isBlank() ? null : note.strip();
	}
}
