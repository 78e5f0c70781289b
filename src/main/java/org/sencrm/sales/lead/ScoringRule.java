package org.sencrm.sales.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sencrm.platform.SearchText;

/**
 * One rule of lead scoring: when it holds for a lead, the lead gets its points (negative points
 * lower the score). Kinds: a field is filled in; a field equals a value (accents and case aside);
 * the source is one of ours; the lead has at least N logged touches; the last touch was within N days.
 */
public record ScoringRule(UUID id, String kind, String field, String value, int points, int position, int version) {

	public static final String FIELD_PRESENT = "field_present";
	public static final String FIELD_EQUALS = "field_equals";
	public static final String SOURCE_EQUALS = "source_equals";
	public static final String ACTIVITY_COUNT = "activity_count_at_least";
	public static final String ACTIVITY_WITHIN_DAYS = "activity_within_days";
	public static final List<String> KINDS = List.of(FIELD_PRESENT, FIELD_EQUALS, SOURCE_EQUALS, ACTIVITY_COUNT, ACTIVITY_WITHIN_DAYS);
	/** Fields rules may look at: the lead's own, its campaign, and consent per channel (granted or withdrawn). */
	public static final List<String> FIELDS = java.util.stream.Stream.concat(Lead.FIELDS.stream(),
			java.util.stream.Stream.of("campaign", "consent.email", "consent.sms", "consent.phone")).toList();

	public boolean holdsFor(Lead lead, Instant now) {
		return switch (kind) {
			case FIELD_PRESENT -> lead.field(field) != null;
			case FIELD_EQUALS -> lead.field(field) != null && SearchText.fold(lead.field(field)).equals(SearchText.fold(value));
			case SOURCE_EQUALS -> value != null && value.equals(lead.source());
			case ACTIVITY_COUNT -> lead.activityCount() >= number();
			case ACTIVITY_WITHIN_DAYS -> lead.lastActivityAt() != null
					&& !lead.lastActivityAt().isBefore(now.minus(Duration.ofDays(number())));
			default -> false;
		};
	}

	/** The lead's score: the sum of the points of every rule that holds. */
	public static int score(Lead lead, List<ScoringRule> rules, Instant now) {
		return rules.stream().filter(r -> r.holdsFor(lead, now)).mapToInt(ScoringRule::points).sum();
	}

	/** Whether the rule looks at the clock, so that its answer changes while the lead stays the same. */
	public boolean timeBased() {
		return kind.equals(ACTIVITY_WITHIN_DAYS);
	}

	public boolean numeric() {
		return kind.equals(ACTIVITY_COUNT) || kind.equals(ACTIVITY_WITHIN_DAYS);
	}

	private int number() {
		try {
			return Integer.parseInt(value);
		} catch (NumberFormatException e) {
			return Integer.MAX_VALUE;
		}
	}
}
