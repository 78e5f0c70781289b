package org.sencrm.directory.person;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a person list shows: text, tags (all must match), owner, status, lifecycle stage and
 * custom field values; sorted by name or newest first; one page after the cursor.
 */
public record PersonFilter(String q, List<String> tags, UUID ownerId, String status, String lifecycleStage,
		Map<String, String> customFields, String sort, String cursor, int limit) {

	public static final int MAX_LIMIT = 200;

	public PersonFilter {
		tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank()).toList();
		customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
		status = blankToNull(status);
		lifecycleStage = blankToNull(lifecycleStage);
		sort = "created".equals(sort) ? "created" : "name";
		limit = limit <= 0 ? 50 : Math.min(limit, MAX_LIMIT);
	}

	public static PersonFilter all() {
		return new PersonFilter(null, List.of(), null, null, null, Map.of(), "name", null, MAX_LIMIT);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	/**
	 * Reads a filter from request parameters: {@code q}, {@code tag} (repeatable), {@code ownerId},
	 * {@code status}, {@code lifecycleStage}, {@code cf.<key>}, {@code sort}, {@code cursor}, {@code limit}.
	 */
	public static PersonFilter of(org.springframework.util.MultiValueMap<String, String> params) {
		var custom = new java.util.HashMap<String, String>();
		params.forEach((key, values) -> {
			if (key.startsWith("cf.") && !values.isEmpty() && values.getFirst() != null && !values.getFirst().isBlank()) {
				custom.put(key.substring(3), values.getFirst());
			}
		});
		var owner = params.getFirst("ownerId");
		UUID ownerId = null;
		if (owner != null && !owner.isBlank()) {
			try {
				ownerId = UUID.fromString(owner);
			} catch (IllegalArgumentException e) {
				throw new org.sencrm.platform.ValidationException(List.of(
						new org.sencrm.platform.ValidationException.FieldProblem("ownerId", "error.invalid-value")));
			}
		}
		int limit;
		try {
			limit = params.getFirst("limit") == null ? 50 : Integer.parseInt(params.getFirst("limit"));
		} catch (NumberFormatException e) {
			throw new org.sencrm.platform.ValidationException(List.of(
					new org.sencrm.platform.ValidationException.FieldProblem("limit", "validation.number")));
		}
		return new PersonFilter(params.getFirst("q"), params.get("tag"), ownerId, params.getFirst("status"),
				params.getFirst("lifecycleStage"), custom, params.getFirst("sort"), params.getFirst("cursor"), limit);
	}

	/** The same filter for another page. */
	public PersonFilter page(String cursor, int limit) {
		return new PersonFilter(q, tags, ownerId, status, lifecycleStage, customFields, sort, cursor, limit);
	}
}
