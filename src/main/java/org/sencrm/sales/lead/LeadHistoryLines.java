package org.sencrm.sales.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.History;
import org.sencrm.platform.PhoneNumbers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A lead's history as people read it: fields by their labels, owners and customers by their names, choices by their labels. */
@Component
class LeadHistoryLines {

	public record Line(String field, String from, String to) {
	}

	public record Change(String kind, String action, String actor, Instant at, List<Line> lines) {
	}

	private static final List<String> ORDER = List.of("status", "disqualifyReason", "familyName", "givenName", "email", "phone",
			"companyName", "taxCode", "jobTitle", "province", "message", "source", "campaign", "consent.email", "consent.email.method",
			"consent.sms", "consent.sms.method", "consent.phone", "consent.phone.method", "ownerId", "ownerTeamId", "linkedPersonId", "linkedOrganizationId", "convertedPersonId",
			"convertedOrganizationId", "convertedOpportunityId");

	private final MessageSource messages;
	private final UserDirectory users;
	private final Customers customers;

	LeadHistoryLines(MessageSource messages, UserDirectory users, Customers customers) {
		this.messages = messages;
		this.users = users;
		this.customers = customers;
	}

	List<Change> of(List<History.Entry> entries) {
		var changes = new ArrayList<Change>();
		for (var entry : entries) {
			var lines = new ArrayList<Line>();
			entry.changes().entrySet().stream()
					.sorted(Comparator.comparingInt(c -> ORDER.indexOf(c.getKey()) < 0 ? ORDER.size() : ORDER.indexOf(c.getKey())))
					.forEach(c -> lines.add(new Line(label(c.getKey()), value(c.getKey(), c.getValue().from()),
							value(c.getKey(), c.getValue().to()))));
			changes.add(new Change(entry.action(), message("history." + entry.action(), entry.action()),
					entry.actorName() == null ? message("history.system", "system") : entry.actorName(), entry.at(), lines));
		}
		return changes;
	}

	private String label(String field) {
		return field.startsWith("consent.") ? message("field." + field, field) : message("lead.field." + field, field);
	}

	private String value(String field, Object value) {
		if (value == null) {
			return "";
		}
		var text = String.valueOf(value);
		if (History.ERASED.equals(text)) {
			return message("history.erasedValue", text);
		}
		return switch (field) {
			case "status" -> message("lead.status." + text, text);
			case "source" -> message("lead.source." + text, text);
			case "phone" -> PhoneNumbers.display(text);
			case "ownerId" -> id(text) == null ? text : users.user(id(text)).map(UserDirectory.UserSummary::displayName).orElse(text);
			case "ownerTeamId" -> id(text) == null ? text : users.team(id(text)).map(UserDirectory.TeamSummary::name).orElse(text);
			case "linkedPersonId", "convertedPersonId" -> id(text) == null ? text
					: customers.person(id(text)).map(Customers.CustomerSummary::name).orElse(text);
			case "linkedOrganizationId", "convertedOrganizationId" -> id(text) == null ? text
					: customers.organization(id(text)).map(Customers.CustomerSummary::name).orElse(text);
			default -> field.startsWith("consent.") && field.endsWith(".method") ? message("consent.method." + text, text)
					: field.startsWith("consent.") ? message("consent.status." + text, text) : text;
		};
	}

	private static UUID id(String text) {
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
