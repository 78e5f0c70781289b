package org.sencrm.exchange;

import java.util.List;

/**
 * A field a column can be mapped to: its key (as in the API, {@code email}, {@code customFields.size}),
 * the names a column may carry for it in Vietnamese and English (matched with accents, case, spaces
 * and punctuation ignored), whether a row needs it, and whether several columns may fill it.
 */
public record ImportField(String key, List<String> names, boolean required, boolean many) {

	public ImportField {
		names = List.copyOf(names);
	}

	public static ImportField of(String key, String... names) {
		return new ImportField(key, List.of(names), false, false);
	}

	public ImportField asRequired() {
		return new ImportField(key, names, true, many);
	}

	/** A field several columns may fill (emails, phones, tags). */
	public ImportField asMany() {
		return new ImportField(key, names, required, true);
	}
}
