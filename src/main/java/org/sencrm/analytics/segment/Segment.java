package org.sencrm.analytics.segment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A saved group of customers of one type: a rule evaluated whenever it is used, or a static list
 * whose members are added by hand ({@code rule} null).
 */
public record Segment(UUID id, String name, String type, boolean isStatic, JsonNode rule, UUID ownerId, Instant createdAt,
		Instant updatedAt, int version) {

	public static final String ENTITY = "segment";

	Map<String, Object> historyValues() {
		var values = new LinkedHashMap<String, Object>();
		values.put("name", name);
		values.put("type", type);
		values.put("static", isStatic);
		values.put("rule", rule == null ? null : rule.toString());
		return values;
	}
}
