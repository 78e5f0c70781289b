package org.sencrm.platform;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A record's history as people read it ({@code templates/fragments/history.html}), written once for
 * every kind of record: the entries newest first, each saying who did what and when in the reader's
 * language, and each changed field as a line with its label and old and new values, in the order the
 * record's form shows the fields (PostgreSQL's jsonb keeps keys in its own order). A value erased with
 * a person's personal data reads as such. What a field is called and how its value reads is the
 * kind's ({@link Reading}).
 */
@Component
public class HistoryText {

	/** One changed field: its label, the value before and after, as the page shows them. */
	public record Line(String field, String from, String to) {
	}

	/** One entry: {@code kind} is created, updated, deleted, erased…; {@code action} says it in the reader's language. */
	public record Change(String kind, String action, String actor, Instant at, List<Line> lines) {
	}

	/** How one kind of record reads its fields. */
	public interface Reading {

		/** The field's label in the reader's language. */
		String label(String field);

		/**
		 * A value of the field as the page shows it (never null; {@code value} is not null);
		 * {@code before} is true for the value before the change.
		 */
		String value(History.Entry entry, String field, Object value, boolean before);
	}

	private final MessageSource messages;

	HistoryText(MessageSource messages) {
		this.messages = messages;
	}

	/** The entries as lines; {@code order} lists the fields in form order, unknown ones come after. */
	public List<Change> of(List<History.Entry> entries, List<String> order, Reading reading) {
		Comparator<String> byPosition = Comparator.comparingInt(field -> order.indexOf(field) < 0 ? order.size() : order.indexOf(field));
		return entries.stream().map(entry -> new Change(entry.action(), message("history." + entry.action(), entry.action()),
				entry.actorName() == null ? message("history.system", "system") : entry.actorName(), entry.at(),
				entry.changes().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey(byPosition))
						.map(change -> new Line(reading.label(change.getKey()),
								value(reading, entry, change.getKey(), change.getValue().from(), true),
								value(reading, entry, change.getKey(), change.getValue().to(), false)))
						.toList()))
				.toList();
	}

	/** A message in the reader's language, or the fallback when the bundles have none. */
	public String message(String code, String fallback) {
		return messages.getMessage(code, null, fallback, LocaleContextHolder.getLocale());
	}

	private String value(Reading reading, History.Entry entry, String field, Object value, boolean before) {
		if (value == null) {
			return "";
		}
		if (History.ERASED.equals(String.valueOf(value))) {
			return message("history.erasedValue", History.ERASED);
		}
		return reading.value(entry, field, value, before);
	}
}
