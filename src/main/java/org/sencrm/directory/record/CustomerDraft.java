package org.sencrm.directory.record;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;

/**
 * The fields every customer draft carries (what a user, API client or import submits), checked
 * once for both kinds by {@link CommonFields#check}.
 */
public interface CustomerDraft {

	List<EmailAddress> emails();

	List<PhoneNumber> phones();

	List<Address> addresses();

	List<String> tags();

	UUID ownerId();

	UUID ownerTeamId();

	String lifecycleStage();

	Map<String, Object> customFields();

	String externalId();
}
