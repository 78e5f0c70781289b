package org.sencrm.directory.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.NameOrder;
import org.sencrm.directory.PersonName;
import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.ContactDetails;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.record.CustomerRecord;
import org.sencrm.platform.SearchText;

/** A person (consumer or contact) as stored. */
public record Person(UUID id, String familyName, String middleName, String givenName, NameOrder nameOrder,
		List<EmailAddress> emails,
		List<PhoneNumber> phones, List<Address> addresses, LocalDate birthday, List<String> tags, UUID ownerId,
		UUID ownerTeamId, String source, String status, String lifecycleStage, Map<String, Consent> consents,
		Map<String, Object> customFields, String externalId, Instant createdAt, Instant updatedAt, int version)
		implements CustomerRecord {

	public static final List<String> STATUSES = List.of("potential", "existing");

	public PersonName name() {
		return new PersonName(familyName, middleName, givenName, nameOrder);
	}

	/** The full name in the person's own order, whoever reads it in whichever language. */
	@Override
	public String displayName() {
		return name().display();
	}

	/**
	 * The name the list sorts by and the search box matches first: family name first whatever the
	 * person's order, folded, so "Đặng" sorts with "Dang" ({@code display_name} and {@code search_name}).
	 */
	public String sortName() {
		return SearchText.fold(new PersonName(familyName, middleName, givenName, NameOrder.FAMILY_FIRST).display());
	}

	@Override
	public String sortKey() {
		return sortName();
	}

	/** Everything a person is found by ({@code search_text}): the name in both orders, emails, phone digits. */
	public String searchText() {
		return sortName() + " " + SearchText.fold(new PersonName(familyName, middleName, givenName, NameOrder.GIVEN_FIRST).display())
				+ ContactDetails.searchWords(emails, phones);
	}

	public String primaryEmail() {
		return emails.stream().filter(EmailAddress::primary).map(EmailAddress::address).findFirst().orElse(null);
	}

	public String primaryPhone() {
		return phones.stream().filter(PhoneNumber::primary).map(PhoneNumber::number).findFirst().orElse(null);
	}

	/** The same person with these tag names. */
	public Person withTags(List<String> tagNames) {
		return new Person(id, familyName, middleName, givenName, nameOrder, emails, phones, addresses, birthday, tagNames, ownerId,
				ownerTeamId, source, status, lifecycleStage, consents, customFields, externalId, createdAt, updatedAt, version);
	}

	public PersonDraft toDraft() {
		return new PersonDraft(familyName, middleName, givenName, nameOrder.key(), emails, phones, addresses,
				birthday == null ? null : birthday.toString(), tags, ownerId, ownerTeamId, source, status, lifecycleStage,
				consents, customFields, externalId);
	}

	@Override
	public Map<String, Object> historyValues() {
		var values = new LinkedHashMap<String, Object>();
		values.put("familyName", familyName);
		values.put("middleName", middleName);
		values.put("givenName", givenName);
		values.put("nameOrder", nameOrder.key());
		values.put("emails", emails.stream().map(EmailAddress::address).toList());
		values.put("phones", phones.stream().map(PhoneNumber::number).toList());
		values.put("addresses", addresses.stream().map(Address::oneLine).toList());
		values.put("birthday", birthday == null ? null : birthday.toString());
		values.put("tags", tags);
		values.put("ownerId", ownerId == null ? null : ownerId.toString());
		values.put("ownerTeamId", ownerTeamId == null ? null : ownerTeamId.toString());
		values.put("source", source);
		values.put("status", status);
		values.put("lifecycleStage", lifecycleStage);
		consents.forEach((channel, consent) -> {
			values.put("consent." + channel, consent.status());
			values.put("consent." + channel + ".method", consent.method());
		});
		customFields.forEach((key, value) -> values.put("customFields." + key, String.valueOf(value)));
		values.put("externalId", externalId);
		values.values().removeIf(v -> v == null || v instanceof List<?> l && l.isEmpty());
		return values;
	}
}
