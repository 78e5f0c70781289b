package org.sencrm.directory.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;

/**
 * What every customer record — a person or an organization — has, whatever its kind: identity and
 * version, contact details, tags, owner and team, lifecycle stage, custom field values and the key
 * it has in another system. Shared code (lists, forms, history, import, export, duplicates, merge)
 * reads records through this; each kind adds only its own fields.
 */
public interface CustomerRecord {

	UUID id();

	/** The name people read: a person's full name in their own order, an organization's name. */
	String displayName();

	/** The folded name the list sorts by; the key of the list's cursor. */
	String sortKey();

	List<EmailAddress> emails();

	List<PhoneNumber> phones();

	List<Address> addresses();

	List<String> tags();

	UUID ownerId();

	UUID ownerTeamId();

	String lifecycleStage();

	Map<String, Object> customFields();

	/** The record's key in the system it came from (an import's source); null when it has none. */
	String externalId();

	Instant createdAt();

	Instant updatedAt();

	int version();

	/** Field values as the history shows them, one entry per field, empty ones left out. */
	Map<String, Object> historyValues();
}
