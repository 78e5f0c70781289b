package org.sencrm.directory.organization;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.record.CustomerDraft;

/** What a user or API client submits to create or change an organization; checked by {@link OrganizationService}. */
public record OrganizationDraft(String name, String kind, String relationship, String lifecycleStage, String taxCode,
		String industry, String size, String website, List<EmailAddress> emails, List<PhoneNumber> phones,
		List<Address> addresses, UUID parentId, List<String> tags, UUID ownerId, UUID ownerTeamId,
		Map<String, Object> customFields, String externalId) implements CustomerDraft {
}
