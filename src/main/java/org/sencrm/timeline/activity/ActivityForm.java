package org.sencrm.timeline.activity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.jsoup.nodes.Entities;
import org.sencrm.platform.ValidationException;

/**
 * The "log an activity" form of the customer page. Times are typed in the workspace's time zone
 * ({@code datetime-local}); the body is plain text, kept as paragraphs.
 */
public record ActivityForm(String type, String subject, String body, String occurredAt, String direction,
		Integer durationMinutes, String outcome, String endsAt, String place, List<UUID> attendeeUserIds,
		List<UUID> mentionUserIds) {

	public static ActivityForm empty(String type) {
		return new ActivityForm(type, null, null, null, null, null, null, null, null, List.of(), List.of());
	}

	public ActivityDraft toDraft(UUID personId, UUID organizationId, ZoneId zone) {
		var problems = new ValidationException.Collector();
		var occurred = time(occurredAt, zone, "occurredAt", problems);
		var ends = time(endsAt, zone, "endsAt", problems);
		problems.throwIfAny();
		return new ActivityDraft(type, personId, organizationId, subject, html(body), occurred, direction,
				durationMinutes == null ? null : durationMinutes * 60, outcome, ends, place, attendeeUserIds, List.of(),
				mentionUserIds);
	}

	/** Plain text as HTML paragraphs, escaped. */
	static String html(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		var html = new StringBuilder();
		for (var paragraph : text.strip().split("\\R\\s*\\R")) {
			html.append("<p>").append(Entities.escape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>");
		}
		return html.toString();
	}

	static Instant time(String text, ZoneId zone, String field, ValidationException.Collector problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text).atZone(zone).toInstant();
		} catch (DateTimeParseException e) {
			problems.add(field, "validation.date-time");
			return null;
		}
	}
}
