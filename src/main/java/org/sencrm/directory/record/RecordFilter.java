package org.sencrm.directory.record;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.listing.ListParams;
import org.springframework.util.MultiValueMap;

/**
 * What every customer list filters by: text, tags (all must match), owner, external id (exact),
 * lifecycle stage and custom field values; sorted by name or newest first; one page after the
 * cursor. A kind's filter holds one of these and adds its own columns.
 */
public record RecordFilter(String q, List<String> tags, UUID ownerId, String externalId, String lifecycleStage,
		Map<String, String> customFields, String sort, String cursor, int limit) {

	public static final int MAX_LIMIT = 200;

	public RecordFilter {
		tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank()).toList();
		customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
		externalId = blankToNull(externalId);
		lifecycleStage = blankToNull(lifecycleStage);
		sort = "created".equals(sort) ? "created" : "name";
		limit = limit <= 0 ? 50 : Math.min(limit, MAX_LIMIT);
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
	 * {@code ownerId}, {@code externalId}, {@code lifecycleStage}, {@code cf.<key>}, {@code sort},
	 * {@code cursor}, {@code limit}.
	 */
	public static RecordFilter of(MultiValueMap<String, String> params) {
		return new RecordFilter(params.getFirst("q"), params.get("tag"), ListParams.ownerId(params), params.getFirst("externalId"),
				params.getFirst("lifecycleStage"), ListParams.customFields(params), params.getFirst("sort"), params.getFirst("cursor"),
				ListParams.limit(params));
	}

	/** The same filter for another page. */
	public RecordFilter page(String cursor, int limit) {
		return new RecordFilter(q, tags, ownerId, externalId, lifecycleStage, customFields, sort, cursor, limit);
	}

	public static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
