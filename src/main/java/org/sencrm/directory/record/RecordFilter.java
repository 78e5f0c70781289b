package org.sencrm.directory.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.listing.ListParams;
import org.sencrm.platform.ValidationException;
import org.springframework.util.MultiValueMap;

/**
 * What every customer list filters by: text, tags (all must match), owner, external id (exact),
 * lifecycle stage and custom field values; the data-quality filters (has an email / a phone / an
 * owner who can still sign in, values today's checks would refuse, untouched since a day, in an
 * open duplicate group); sorted by name or newest first; one page after the cursor. A kind's filter
 * holds one of these and adds its own columns.
 *
 * @param hasEmail         true: with at least one email; false: without; null: either
 * @param hasPhone         as {@code hasEmail}, for phones
 * @param hasOwner         true: owned by an active user; false: by nobody or by a deactivated user
 * @param invalid          {@code email}: an email {@code platform.Email} refuses; {@code phone}: a phone not in E.164;
 *                         {@code any}: either (values left from old data)
 * @param updatedBefore    last changed before this instant
 * @param inDuplicateGroup true: in a group of the last duplicate scan; false: in none
 * @param segment          in this named set of customers ({@code directory.CustomerSets}: analytics' segments)
 */
public record RecordFilter(String q, List<String> tags, UUID ownerId, String externalId, String lifecycleStage,
		Map<String, String> customFields, Boolean hasEmail, Boolean hasPhone, Boolean hasOwner, String invalid, Instant updatedBefore,
		Boolean inDuplicateGroup, String sort, String cursor, int limit, UUID segment) {

	public static final int MAX_LIMIT = 200;
	/** The values of {@code invalid}. */
	public static final List<String> INVALID = List.of("email", "phone", "any");

	public RecordFilter {
		tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank()).toList();
		customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
		externalId = blankToNull(externalId);
		lifecycleStage = blankToNull(lifecycleStage);
		invalid = invalid != null && INVALID.contains(invalid) ? invalid : null;
		sort = "created".equals(sort) ? "created" : "name";
		limit = limit <= 0 ? 50 : Math.min(limit, MAX_LIMIT);
	}

	/** The filter without the data-quality filters. */
	public RecordFilter(String q, List<String> tags, UUID ownerId, String externalId, String lifecycleStage,
			Map<String, String> customFields, String sort, String cursor, int limit) {
		this(q, tags, ownerId, externalId, lifecycleStage, customFields, null, null, null, null, null, null, sort, cursor, limit, null);
	}

	/** Everything, by name, the largest page. */
	public static RecordFilter all() {
		return new RecordFilter(null, List.of(), null, null, null, Map.of(), "name", null, MAX_LIMIT);
	}

	/** What a picker shows for typed text: the first matches by name. */
	public static RecordFilter search(String q, int limit) {
		return new RecordFilter(q, List.of(), null, null, null, Map.of(), "name", null, limit);
	}

	/** The newest records first. */
	public static RecordFilter newest(int limit) {
		return new RecordFilter(null, List.of(), null, null, null, Map.of(), "created", null, limit);
	}

	/**
	 * Reads the shared filters from request parameters: {@code q}, {@code tag} (repeatable),
	 * {@code ownerId}, {@code externalId}, {@code lifecycleStage}, {@code cf.<key>}, {@code hasEmail},
	 * {@code hasPhone}, {@code hasOwner} ({@code true|false}), {@code invalid} ({@code email|phone|any}),
	 * {@code updatedBefore} (a day, {@code 2025-12-03}, meaning its start in UTC, or an instant),
	 * {@code inDuplicateGroup} ({@code true|false}), {@code segment} (a segment's id), {@code sort}, {@code cursor}, {@code limit}.
	 * A value these cannot read is a 422 naming the parameter.
	 */
	public static RecordFilter of(MultiValueMap<String, String> params) {
		var problems = new ValidationException.Collector();
		var invalid = blankToNull(params.getFirst("invalid"));
		if (invalid != null && !INVALID.contains(invalid)) {
			problems.add("invalid", "error.invalid-value");
		}
		var filter = new RecordFilter(params.getFirst("q"), params.get("tag"), ListParams.ownerId(params), params.getFirst("externalId"),
				params.getFirst("lifecycleStage"), ListParams.customFields(params), flag(params, "hasEmail", problems),
				flag(params, "hasPhone", problems), flag(params, "hasOwner", problems), invalid,
				instant(params.getFirst("updatedBefore"), problems), flag(params, "inDuplicateGroup", problems), params.getFirst("sort"),
				params.getFirst("cursor"), ListParams.limit(params), segment(params.getFirst("segment"), problems));
		problems.throwIfAny();
		return filter;
	}

	/** The same filter for another page. */
	public RecordFilter page(String cursor, int limit) {
		return new RecordFilter(q, tags, ownerId, externalId, lifecycleStage, customFields, hasEmail, hasPhone, hasOwner, invalid,
				updatedBefore, inDuplicateGroup, sort, cursor, limit, segment);
	}

	/** Whether any data-quality filter is set (the list shows them open). */
	public boolean qualityFiltered() {
		return hasEmail != null || hasPhone != null || hasOwner != null || invalid != null || updatedBefore != null
				|| inDuplicateGroup != null;
	}

	/** {@code updatedBefore} as the day a date input shows, or null. */
	public LocalDate updatedBeforeDay() {
		return updatedBefore == null ? null : LocalDate.ofInstant(updatedBefore, ZoneOffset.UTC);
	}

	public static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	private static Boolean flag(MultiValueMap<String, String> params, String name, ValidationException.Collector problems) {
		var value = blankToNull(params.getFirst(name));
		if (value == null) {
			return null;
		}
		return switch (value) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> {
				problems.add(name, "error.invalid-value");
				yield null;
			}
		};
	}

	private static UUID segment(String text, ValidationException.Collector problems) {
		var value = blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value);
		} catch (IllegalArgumentException e) {
			problems.add("segment", "error.invalid-value");
			return null;
		}
	}

	private static Instant instant(String text, ValidationException.Collector problems) {
		var value = blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
		} catch (DateTimeParseException e) {
			problems.add("updatedBefore", "error.invalid-value");
			return null;
		}
	}
}
