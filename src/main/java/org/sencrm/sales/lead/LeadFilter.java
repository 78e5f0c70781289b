package org.sencrm.sales.lead;

import java.util.UUID;

import org.sencrm.platform.ValidationException;
import org.springframework.util.MultiValueMap;

/**
 * What the lead list shows: by status, owner ({@code unassigned} for none), source and lowest
 * score; best score first or newest first; one keyset page at a time.
 */
public record LeadFilter(String status, UUID ownerId, boolean unassigned, String source, Integer minScore, String sort,
		String cursor, int limit) {

	public static final int MAX_LIMIT = 100;

	static LeadFilter of(MultiValueMap<String, String> params) {
		var problems = new ValidationException.Collector();
		var status = blank(params.getFirst("status"));
		if (status != null && !Lead.STATUSES.contains(status) && !status.equals("open")) {
			problems.add("status", "validation.choice");
		}
		var owner = blank(params.getFirst("ownerId"));
		UUID ownerId = null;
		if (owner != null && !owner.equals("unassigned")) {
			try {
				ownerId = UUID.fromString(owner);
			} catch (IllegalArgumentException e) {
				problems.add("ownerId", "error.invalid-value");
			}
		}
		var source = blank(params.getFirst("source"));
		if (source != null && !Lead.SOURCES.contains(source)) {
			problems.add("source", "validation.choice");
		}
		Integer minScore = null;
		var min = blank(params.getFirst("minScore"));
		if (min != null) {
			try {
				minScore = Integer.parseInt(min);
			} catch (NumberFormatException e) {
				problems.add("minScore", "validation.number");
			}
		}
		var sort = "created".equals(params.getFirst("sort")) ? "created" : "score";
		int limit = 50;
		var limitText = blank(params.getFirst("limit"));
		if (limitText != null) {
			try {
				limit = Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(limitText)));
			} catch (NumberFormatException e) {
				problems.add("limit", "validation.number");
			}
		}
		problems.throwIfAny();
		return new LeadFilter(status, ownerId, "unassigned".equals(owner), source, minScore, sort, blank(params.getFirst("cursor")),
				limit);
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
