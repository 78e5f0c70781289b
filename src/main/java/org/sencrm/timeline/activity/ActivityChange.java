package org.sencrm.timeline.activity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What may be changed on a logged activity: its text, its time and its channel's own fields. The
 * channel, the customer, the author and an email's headers stay as they were logged.
 */
public record ActivityChange(String subject, String body, Instant occurredAt, String direction, Integer durationSeconds,
		String outcome, Instant endsAt, String place, List<UUID> attendeeUserIds, List<UUID> attendeePersonIds) {

	static ActivityChange of(Activity a) {
		return new ActivityChange(a.subject(), a.body(), a.occurredAt(), a.direction(), a.durationSeconds(), a.outcome(),
				a.endsAt(), a.place(), a.attendeeUserIds(), a.attendeePersonIds());
	}

	/** The values history keeps for an activity, so each change shows who changed what from what. */
	static Map<String, Object> historyValues(Activity a) {
		var values = new LinkedHashMap<String, Object>();
		values.put("type", a.type()); // never changes, so only a deletion lists it
		values.put("subject", a.subject());
		values.put("body", a.body());
		values.put("occurredAt", a.occurredAt() == null ? null : a.occurredAt().toString());
		values.put("direction", a.direction());
		values.put("durationSeconds", a.durationSeconds());
		values.put("outcome", a.outcome());
		values.put("endsAt", a.endsAt() == null ? null : a.endsAt().toString());
		values.put("place", a.place());
		values.put("attendeeUserIds", a.attendeeUserIds().stream().map(UUID::toString).sorted().toList());
		values.put("attendeePersonIds", a.attendeePersonIds().stream().map(UUID::toString).sorted().toList());
		return values;
	}
}
