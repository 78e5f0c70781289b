package org.sencrm.directory.listing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.platform.ValidationException;
import org.springframework.util.MultiValueMap;

/** Reads the request parameters every customer list shares: owner, custom field values ({@code cf.<key>}), page size. */
public final class ListParams {

	private ListParams() {
	}

	public static Map<String, String> customFields(MultiValueMap<String, String> params) {
		var custom = new HashMap<String, String>();
		params.forEach((key, values) -> {
			if (key.startsWith("cf.") && !values.isEmpty() && values.getFirst() != null && !values.getFirst().isBlank()) {
				custom.put(key.substring(3), values.getFirst());
			}
		});
		return custom;
	}

	public static UUID ownerId(MultiValueMap<String, String> params) {
		var owner = params.getFirst("ownerId");
		if (owner == null || owner.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(owner);
		} catch (IllegalArgumentException e) {
			throw invalid("ownerId", "error.invalid-value");
		}
	}

	public static int limit(MultiValueMap<String, String> params) {
		try {
			return params.getFirst("limit") == null ? 50 : Integer.parseInt(params.getFirst("limit"));
		} catch (NumberFormatException e) {
			throw invalid("limit", "validation.number");
		}
	}

	private static ValidationException invalid(String field, String code) {
		return new ValidationException(List.of(new ValidationException.FieldProblem(field, code)));
	}
}
