package org.sencrm.directory.customfield;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * Reads custom field values from a submitted form, where each field is an input named
 * {@code cf.<key>}: several values for a multi-choice field, and for a yes/no field a hidden
 * "false" followed by the checkbox's "true", so an unticked box means no rather than nothing.
 * {@link CustomFields#validate} checks what comes out.
 */
public final class CustomFieldInputs {

	public static final String PREFIX = "cf.";

	private CustomFieldInputs() {
	}

	public static Map<String, Object> read(List<CustomFieldDefinition> definitions, MultiValueMap<String, String> params) {
		var values = new LinkedHashMap<String, Object>();
		for (var definition : definitions) {
			var given = params.get(PREFIX + definition.key());
			if (given == null || given.isEmpty()) {
				continue;
			}
			values.put(definition.key(), switch (definition.type()) {
				case "multi_choice" -> given.stream().filter(v -> v != null && !v.isBlank()).toList();
				case "boolean" -> given.contains("true");
				default -> given.getFirst();
			});
		}
		return values;
	}
}
