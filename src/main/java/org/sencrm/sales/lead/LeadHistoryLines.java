package org.sencrm.sales.lead;

import java.util.List;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.History;
import org.sencrm.platform.HistoryText;
import org.sencrm.platform.PhoneNumbers;
import org.springframework.stereotype.Component;

/** A lead's history as people read it: fields by their labels, owners and customers by their names, choices by their labels. */
@Component
class LeadHistoryLines {

	private static final List<String> ORDER = List.of("status", "disqualifyReason", "familyName", "givenName", "email", "phone",
			"companyName", "taxCode", "jobTitle", "province", "message", "source", "campaign", "consent.email", "consent.email.method",
			"consent.sms", "consent.sms.method", "consent.phone", "consent.phone.method", "ownerId", "ownerTeamId", "linkedPersonId", "linkedOrganizationId", "convertedPersonId",
			"convertedOrganizationId", "convertedOpportunityId");

	private final HistoryText text;
	private final UserDirectory users;
	private final Customers customers;

	LeadHistoryLines(HistoryText text, UserDirectory users, Customers customers) {
		this.text = text;
		this.users = users;
		this.customers = customers;
	}

	List<HistoryText.Change> of(List<History.Entry> entries) {
		return text.of(entries, ORDER, new HistoryText.Reading() {
			@Override
			public String label(String field) {
				return LeadHistoryLines.this.label(field);
			}

			@Override
			public String value(History.Entry entry, String field, Object value, boolean before) {
				return LeadHistoryLines.this.value(field, String.valueOf(value));
			}
		});
	}

	private String label(String field) {
		return field.startsWith("consent.") ? message("field." + field, field) : message("lead.field." + field, field);
	}

	private String value(String field, String text) {
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
		return text.message(code, fallback);
	}
}
