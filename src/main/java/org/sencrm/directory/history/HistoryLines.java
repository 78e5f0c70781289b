package org.sencrm.directory.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.organization.OrganizationService;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.History;
import org.sencrm.platform.HistoryText;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.PhoneNumbers;
import org.sencrm.platform.web.Formats;
import org.springframework.stereotype.Component;

/**
 * A person's or organization's history as people read it ({@link HistoryText}): each field by its
 * label (custom fields by theirs), each value as the pages show it (owner and team names instead
 * of ids, choices by their label, dates and phones formatted).
 */
@Component
public class HistoryLines {

	/** Fields whose values are choices, and the message prefix of the choices' labels. */
	private static final Map<String, String> CHOICES = Map.of("status", "person.status.", "lifecycleStage", "lifecycle.stage.",
			"kind", "organization.kind.", "relationship", "organization.relationship.", "size", "organization.size.",
			"nameOrder", "nameorder.");

	/** The order fields are listed in, as on the forms. */
	private static final List<String> FIELD_ORDER = List.of("name", "familyName", "middleName", "givenName", "nameOrder", "kind",
			"relationship", "taxCode", "industry", "size", "website", "emails", "phones", "addresses", "birthday", "source",
			"status", "lifecycleStage", "tags", "externalId", "parentId", "ownerId", "ownerTeamId", "consent.email", "consent.email.method",
			"consent.sms", "consent.sms.method", "consent.phone", "consent.phone.method");

	private final HistoryText text;
	private final UserDirectory users;
	private final CustomFields customFields;
	private final Formats formats;
	private final OrganizationService organizations;

	HistoryLines(HistoryText text, UserDirectory users, CustomFields customFields, Formats formats, OrganizationService organizations) {
		this.text = text;
		this.users = users;
		this.customFields = customFields;
		this.formats = formats;
		this.organizations = organizations;
	}

	public List<HistoryText.Change> of(String entity, List<History.Entry> entries) {
		var labels = new HashMap<String, String>();
		customFields.of(entity).forEach(d -> labels.put("customFields." + d.key(), d.label()));
		return text.of(entries, FIELD_ORDER, new HistoryText.Reading() {
			@Override
			public String label(String field) {
				return labels.getOrDefault(field, text.message("field." + field, field));
			}

			@Override
			public String value(History.Entry entry, String field, Object value, boolean before) {
				return HistoryLines.this.value(field, value);
			}
		});
	}

	private String value(String field, Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof List<?> list) {
			return String.join("; ", list.stream().map(item -> value(field, item)).toList());
		}
		var shown = String.valueOf(value);
		if (History.ERASED.equals(shown)) {
			return text.message("history.erasedValue", shown);
		}
		return switch (field) {
			case "ownerId" -> users.user(uuid(shown)).map(UserDirectory.UserSummary::displayName).orElse(shown);
			case "ownerTeamId" -> users.team(uuid(shown)).map(UserDirectory.TeamSummary::name).orElse(shown);
			case "phones" -> PhoneNumbers.display(shown);
			case "birthday" -> formats.isoDate(shown);
			case "parentId" -> organizationName(shown);
			default -> field.startsWith("consent.") && field.endsWith(".method") ? text.message("consent.method." + shown, shown)
					: field.startsWith("consent.") ? text.message("consent.status." + shown, shown)
					: CHOICES.containsKey(field) ? text.message(CHOICES.get(field) + shown, shown) : shown;
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
}
