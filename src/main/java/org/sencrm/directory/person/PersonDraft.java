package org.sencrm.directory.person;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.record.CustomerDraft;

/**
 * What a user or API client submits to create or change a person; checked by {@link PersonService}.
 * {@code nameOrder} is {@code family_first}, {@code given_first}, or null to detect it from the name.
 */
public record PersonDraft(String familyName, String middleName, String givenName, String nameOrder, List<EmailAddress> emails,
		List<PhoneNumber> phones, List<Address> addresses, String birthday, List<String> tags, UUID ownerId,
		UUID ownerTeamId, String source, String status, String lifecycleStage, Map<String, Consent> consents,
		Map<String, Object> customFields, String externalId) implements CustomerDraft {
}
