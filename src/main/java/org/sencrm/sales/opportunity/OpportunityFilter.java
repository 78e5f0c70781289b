package org.sencrm.sales.opportunity;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.sencrm.platform.ValidationException;
import org.springframework.util.MultiValueMap;

/**
 * What an opportunity list or board shows: owner, owning team, pipeline, stage, month of the close
 * date ({@code 2027-03}), status, customer; pages of {@code limit} by cursor, ordered by close date.
 */
public record OpportunityFilter(UUID ownerId, UUID teamId, UUID pipelineId, UUID stageId, YearMonth closeMonth, String status,
		UUID personId, UUID organizationId, String cursor, int limit) {

	public static final int MAX_LIMIT = 200;

	public OpportunityFilter {
		status = status == null || status.isBlank() ? null : status;
		limit = limit <= 0 ? 50 : Math.min(limit, MAX_LIMIT);
	}

	public static OpportunityFilter none() {
		return new OpportunityFilter(null, null, null, null, null, null, null, null, null, 50);
	}

	/** Reads {@code ownerId, teamId, pipelineId, stageId, closeMonth, status, personId, organizationId, cursor, limit}. */
	public static OpportunityFilter of(MultiValueMap<String, String> params) {
		var problems = new ValidationException.Collector();
		var filter = new OpportunityFilter(id(params, "ownerId", problems), id(params, "teamId", problems),
				id(params, "pipelineId", problems), id(params, "stageId", problems), month(params, problems),
				status(params, problems), id(params, "personId", problems), id(params, "organizationId", problems),
				blankToNull(params.getFirst("cursor")), limit(params, problems));
		problems.throwIfAny();
		return filter;
	}

	public OpportunityFilter page(String cursor) {
		return new OpportunityFilter(ownerId, teamId, pipelineId, stageId, closeMonth, status, personId, organizationId, cursor,
				limit);
	}

	private static UUID id(MultiValueMap<String, String> params, String name, ValidationException.Collector problems) {
		var text = blankToNull(params.getFirst(name));
		if (text == null) {
			return null;
		}
		try {
			return UUID.fromString(text);
		} catch (IllegalArgumentException e) {
			problems.add(name, "error.invalid-value");
			return null;
		}
	}

	private static YearMonth month(MultiValueMap<String, String> params, ValidationException.Collector problems) {
		var text = blankToNull(params.getFirst("closeMonth"));
		if (text == null) {
			return null;
		}
		try {
			return YearMonth.parse(text);
		} catch (DateTimeParseException e) {
			problems.add("closeMonth", "validation.month");
			return null;
		}
	}

	private static String status(MultiValueMap<String, String> params, ValidationException.Collector problems) {
		var text = blankToNull(params.getFirst("status"));
		if (text != null && !Opportunity.STATUSES.contains(text)) {
			problems.add("status", "validation.choice");
			return null;
		}
		return text;
	}

	private static int limit(MultiValueMap<String, String> params, ValidationException.Collector problems) {
		var text = blankToNull(params.getFirst("limit"));
		try {
			return text == null ? 50 : Integer.parseInt(text);
		} catch (NumberFormatException e) {
			problems.add("limit", "validation.number");
			return 50;
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** The filter's values as query parameters, for links that keep it (next page, board ↔ list). */
	public List<String[]> parameters() {
		var list = new java.util.ArrayList<String[]>();
		add(list, "pipelineId", pipelineId);
		add(list, "stageId", stageId);
		add(list, "ownerId", ownerId);
		add(list, "teamId", teamId);
		add(list, "closeMonth", closeMonth);
		add(list, "status", status);
		add(list, "personId", personId);
		add(list, "organizationId", organizationId);
		return list;
	}

	private static void add(List<String[]> list, String name, Object value) {
		if (value != null) {
			list.add(new String[] {name, value.toString()});
		}
	}
}
