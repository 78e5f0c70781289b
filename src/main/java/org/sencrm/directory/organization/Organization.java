package org.sencrm.directory.organization;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.ContactDetails;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.record.CustomerRecord;
import org.sencrm.platform.SearchText;

/** An organization: a business customer, partner, supplier, government body or institution. */
public record Organization(UUID id, String name, String kind, String relationship, String lifecycleStage, String taxCode,
		String industry, String size, String website, List<EmailAddress> emails, List<PhoneNumber> phones,
		List<Address> addresses, UUID parentId, List<String> tags, UUID ownerId, UUID ownerTeamId, Map<String, Object> customFields,
		String externalId, Instant createdAt, Instant updatedAt, int version) implements CustomerRecord {

	/** Commercial organizations are OEMs (build our product into theirs), users, or distributors. */
	public static final List<String> KINDS = List.of("commercial_oem", "commercial_user", "commercial_distributor",
			"government", "institutional", "other");
	public static final List<String> RELATIONSHIPS = List.of("customer", "partner", "supplier", "internal");
	/** Size by headcount, as Vietnamese SME law counts it: micro ≤10, small ≤100, medium ≤200, large above. */
	public static final List<String> SIZES = List.of("micro", "small", "medium", "large");

	/** The name the search box matches first ({@code search_name}): folded, so "Đại Phát" is "dai phat". */
	public String searchName() {
		return SearchText.fold(name);
	}

	@Override
	public String displayName() {
		return name;
	}

	@Override
	public String sortKey() {
		return searchName();
	}

	/** Everything an organization is found by ({@code search_text}): name, tax code, website, emails, phone digits. */
	public String searchText() {
		return searchName() + " " + (taxCode == null ? "" : SearchText.digits(taxCode) + " ")
				+ (website == null ? "" : SearchText.fold(website)) + ContactDetails.searchWords(emails, phones);
	}

	public OrganizationDraft toDraft() {
		return new OrganizationDraft(name, kind, relationship, lifecycleStage, taxCode, industry, size, website, emails, phones, addresses,
				parentId, tags, ownerId, ownerTeamId, customFields, externalId);
	}

	/** The same organization with these tag names. */
	public Organization withTags(List<String> tagNames) {
		return new Organization(id, name, kind, relationship, lifecycleStage, taxCode, industry, size, website, emails, phones, addresses,
				parentId, tagNames, ownerId, ownerTeamId, customFields, externalId, createdAt, updatedAt, version);
	}

	@Override
	public Map<String, Object> historyValues() {
		var values = new LinkedHashMap<String, Object>();
		values.put("name", name);
		values.put("kind", kind);
		values.put("relationship", relationship);
		values.put("lifecycleStage", lifecycleStage);
		values.put("taxCode", taxCode);
		values.put("industry", industry);
		values.put("size", size);
		values.put("website", website);
		values.put("emails", emails.stream().map(EmailAddress::address).toList());
		values.put("phones", phones.stream().map(PhoneNumber::number).toList());
		values.put("addresses", addresses.stream().map(Address::oneLine).toList());
		values.put("parentId", parentId == null ? null : parentId.toString());
		values.put("tags", tags);
		values.put("ownerId", ownerId == null ? null : ownerId.toString());
		values.put("ownerTeamId", ownerTeamId == null ? null : ownerTeamId.toString());
		customFields.forEach((key, value) -> values.put("customFields." + key, String.valueOf(value)));
		values.put("externalId", externalId);
		values.values().removeIf(v -> v == null || v instanceof List<?> l && l.isEmpty());
		return values;
	}
}
