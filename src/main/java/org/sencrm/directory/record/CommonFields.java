package org.sencrm.directory.record;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;

/**
 * The checked values of the fields every customer record has (see {@link CustomerDraft}): cleaned
 * contact details, tag names, owner and team, lifecycle stage, custom field values, external id.
 * Made by {@link CustomerRecords#commonFields}; each kind builds its record from these and its own.
 */
public record CommonFields(List<EmailAddress> emails, List<PhoneNumber> phones, List<Address> addresses, List<String> tags,
		UUID ownerId, UUID ownerTeamId, String lifecycleStage, Map<String, Object> customFields, String externalId) {
}
