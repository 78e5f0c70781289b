package org.sencrm.directory.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.organization.OrganizationService;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.History;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.PhoneNumbers;
import org.sencrm.platform.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A record's history as people read it: each field by its label, each value as the pages show
 * it (owner and team names instead of ids, choices by their label, dates and phones formatted).
 */
@Component
public class HistoryLines {

	public record Line(String field, String from, String to) {
	}

	/** One entry: {@code kind} is created, updated, deleted or erased; {@code action} says it in the reader's language. */
	public record Change(String kind, String action, String actor, Instant at, List<Line> lines) {
	}

	/** Fields whose values are choices, and the message prefix of the choices' labels. */
	private static final Map<String, String> CHOICES = Map.of("status", "person.status.", "lifecycleStage", "lifecycle.stage.",
			"kind", "organization.kind.", "relationship", "organization.relationship.", "size", "organization.size.",
			"nameOrder", "nameorder.");

	/**
	 * The order fields are listed in, as on the forms. PostgreSQL's jsonb keeps the changes'
	 * keys in its own order (shortest first), so the order is restored here.
	 */
	private static final List<String> FIELD_ORDER = List.of("name", "familyName", "middleName", "givenName", "nameOrder", "kind",
			"relationship", "taxCode", "industry", "size", "website", "emails", "phones", "addresses", "birthday", "source",
			"status", "lifecycleStage", "tags", "externalId", "parentId", "ownerId", "ownerTeamId", "consent.email", "consent.email.method",
			"consent.sms", "consent.sms.method", "consent.phone", "consent.phone.method");

	private final MessageSource messages;
	private final UserDirectory users;
	private final CustomFields customFields;
	private final Formats formats;
	private final OrganizationService organizations;

	HistoryLines(MessageSource messages, UserDirectory users, CustomFields customFields, Formats formats,
			OrganizationService organizations) {
		this.messages = messages;
		this.users = users;
		this.customFields = customFields;
		this.formats = formats;
		this.organizations = organizations;
	}

	public List<Change> of(String entity, List<History.Entry> entries) {
		var labels = new java.util.HashMap<String, String>();
		customFields.of(entity).forEach(d -> labels.put("customFields." + d.key(), d.label()));
		var changes = new ArrayList<Change>();
		for (var entry : entries) {
			var lines = new ArrayList<Line>();
			entry.changes().entrySet().stream().sorted(Comparator.comparingInt(change -> position(change.getKey())))
					.forEach(change -> lines.add(new Line(labels.getOrDefault(change.getKey(), message("field." + change.getKey(),
							change.getKey())), value(change.getKey(), change.getValue().from()),
							value(change.getKey(), change.getValue().to()))));
			changes.add(new Change(entry.action(), message("history." + entry.action(), entry.action()),
					entry.actorName() == null ? message("history.system", "system") : entry.actorName(), entry.at(), lines));
		}
		return changes;
	}

	/** Known fields in form order; custom fields after them. */
	private static int position(String field) {
		var index = FIELD_ORDER.indexOf(field);
		return index < 0 ? FIELD_ORDER.size() : index;
	}

	private String value(String field, Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof List<?> list) {
			return String.join("; ", list.stream().map(item -> value(field, item)).toList());
		}
		var text = String.valueOf(value);
		if (History.ERASED.equals(text)) {
			return message("history.erasedValue", text);
		}
		return switch (field) {
			case "ownerId" -> users.user(uuid(text)).map(UserDirectory.UserSummary::displayName).orElse(text);
			case "ownerTeamId" -> users.team(uuid(text)).map(UserDirectory.TeamSummary::name).orElse(text);
			case "phones" -> PhoneNumbers.display(text);
			case "birthday" -> formats.isoDate(text);
			case "parentId" -> organizationName(text);
			default -> field.startsWith("consent.") && field.endsWith(".method") ? message("consent.method." + text, text)
					: field.startsWith("consent.") ? message("consent.status." + text, text)
					: CHOICES.containsKey(field) ? message(CHOICES.get(field) + text, text) : text;
		};
	}

	/** The parent's current name; a parent deleted since shows as its id. */
	private String organizationName(String id) {
		var parent = uuid(id);
		if (parent == null) {
			return id;
		}
		try {
			return organizations.get(parent).name();
		} catch (NotFoundException e) {
			return id;
		}
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	private String message(String code, String fallback) {
		return messages.getMessage(code, null, fallback, LocaleContextHolder.getLocale());
	}
}
