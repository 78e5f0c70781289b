package org.sencrm.timeline.activity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.sencrm.platform.ValidationException;

/**
 * The form of the customer page that logs an activity, and the one that edits it in place. Times
 * are typed in the workspace's time zone ({@code datetime-local}); the body is plain text, kept as
 * paragraphs. {@code version} is set when editing.
 */
public record ActivityForm(String type, String subject, String body, String occurredAt, String direction,
		Integer durationMinutes, String outcome, String endsAt, String place, List<UUID> attendeeUserIds,
		List<UUID> attendeePersonIds, List<UUID> mentionUserIds, Integer version) {

	/** An empty form; on a person's page that person is already ticked as attending. */
	public static ActivityForm empty(String type, UUID attendingPerson) {
		return new ActivityForm(type, null, null, null, null, null, null, null, null, List.of(),
				attendingPerson == null ? List.of() : List.of(attendingPerson), List.of(), null);
	}

	/** The edit form of a logged activity, filled with what it holds. */
	public static ActivityForm of(Activity a, ZoneId zone) {
		return new ActivityForm(a.type(), a.subject(), text(a.body()), local(a.occurredAt(), zone), a.direction(),
				a.durationSeconds() == null ? null : a.durationSeconds() / 60, a.outcome(), local(a.endsAt(), zone), a.place(),
				a.attendeeUserIds(), a.attendeePersonIds(), List.of(), a.version());
	}

	public ActivityDraft toDraft(UUID personId, UUID organizationId, ZoneId zone) {
		var problems = new ValidationException.Collector();
		var occurred = time(occurredAt, zone, "occurredAt", problems);
		var ends = time(endsAt, zone, "endsAt", problems);
		problems.throwIfAny();
		return new ActivityDraft(type, personId, organizationId, subject, html(body), occurred, direction,
				durationMinutes == null ? null : durationMinutes * 60, outcome, ends, place, attendeeUserIds,
				attendeePersonIds, mentionUserIds);
	}

	/**
	 * The change this edit form asks for. The form shows minutes and plain text, so what the user
	 * left as shown keeps its stored precision: the seconds of a time or a duration, and the
	 * formatting of a body written through the API.
	 */
	public ActivityChange toChange(Activity current, ZoneId zone) {
		var problems = new ValidationException.Collector();
		var occurred = time(occurredAt, zone, "occurredAt", problems);
		var ends = time(endsAt, zone, "endsAt", problems);
		problems.throwIfAny();
		var sameBody = Objects.equals(plain(text(current.body())), plain(body));
		var sameDuration = current.durationSeconds() != null && Objects.equals(durationMinutes, current.durationSeconds() / 60);
		return new ActivityChange(subject, sameBody ? current.body() : html(body),
				sameMinute(occurred, current.occurredAt()) ? current.occurredAt() : occurred, direction,
				sameDuration ? current.durationSeconds() : durationMinutes == null ? null : durationMinutes * 60, outcome,
				sameMinute(ends, current.endsAt()) ? current.endsAt() : ends, place, attendeeUserIds, attendeePersonIds);
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

	/** A stored body as the plain text the form edits: paragraphs apart by an empty line, line breaks kept. */
	static String text(String html) {
		if (html == null) {
			return null;
		}
		var body = Jsoup.parseBodyFragment(html).body();
		body.select("br").forEach(br -> br.after(new TextNode("\n")));
		body.select("p, div, li, h1, h2, h3, h4, h5, h6, blockquote, pre, tr").forEach(block -> block.after(new TextNode("\n\n")));
		return body.wholeText().replaceAll("[ \\t]*\\n[ \\t]*", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}

	private static String plain(String text) {
		return text == null || text.isBlank() ? null : text.strip().replace("\r\n", "\n").replaceAll("[ \\t]*\\n[ \\t]*", "\n");
	}

	private static boolean sameMinute(Instant typed, Instant stored) {
		return typed != null && stored != null && typed.equals(stored.truncatedTo(ChronoUnit.MINUTES));
	}

	private static String local(Instant instant, ZoneId zone) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES).toString();
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
