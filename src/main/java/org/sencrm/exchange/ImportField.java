package org.sencrm.exchange;

import java.util.List;
import java.util.Map;

import org.sencrm.platform.ValidationException;

/**
 * A field a column can be mapped to: its key (as in the API, {@code email}, {@code customFields.size}),
 * the names a column may carry for it in Vietnamese and English (matched with accents, case, spaces
 * and punctuation ignored), whether a row needs it, and whether several columns may fill it.
 */
public record ImportField(String key, List<String> names, boolean required, boolean many) {

	public ImportField {
		names = List.copyOf(names);
	}

	/** The longest key in the source system a record keeps (V80). */
	public static final int MAX_EXTERNAL_ID = 200;

	/** A row's key in the source system ({@code externalId}), checked for every kind alike: too long is a problem on the row. */
	public static String externalId(Map<String, String> row, ValidationException.Collector problems) {
		var externalId = row.get("externalId");
		if (externalId != null && externalId.length() > MAX_EXTERNAL_ID) {
			problems.add("externalId", "validation.too-long");
		}
		return externalId;
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
