package org.sencrm.directory.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.ContactDetails;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.exchange.ImportCounts;
import org.sencrm.exchange.ImportField;
import org.sencrm.exchange.ImportKind;
import org.sencrm.exchange.ImportOwners;
import org.sencrm.exchange.ImportRun;
import org.sencrm.platform.ValidationException;

/**
 * What the person and organization import kinds share (decision 30, issue 10 §1): the contact cells
 * of a row — emails, phones (to E.164), an address in parts, tags, custom fields, the external id —
 * checked the same way and staged in the same columns; the custom fields as importable fields; the
 * set-based writes of {@link CustomerImportWrites}. Rows are independent, so the engine may check
 * them on every core.
 */
abstract class CustomerImportKind implements ImportKind {

	private final String entityType;
	private final CustomFields customFields;
	protected final ContactJson json;
	private final CustomerImportWrites<?> writes;
	private final ImportOwners owners;

	CustomerImportKind(String entityType, CustomFields customFields, ContactJson json, CustomerImportWrites<?> writes,
			ImportOwners owners) {
		this.entityType = entityType;
		this.owners = owners;
		this.customFields = customFields;
		this.json = json;
		this.writes = writes;
	}

	@Override
	public String entityType() {
		return entityType;
	}

	/** The kind's own fields, before the workspace's custom fields. */
	protected abstract List<ImportField> ownFields();

	@Override
	public List<ImportField> fields() {
		var fields = new ArrayList<>(ownFields());
		fields.add(ImportOwners.FIELD);
		customFields.of(entityType).forEach(d -> fields.add(ImportField.of("customFields." + d.key(), d.label())));
		return fields;
	}

	/** The custom fields' keys, read once per import before the first row. */
	protected List<String> customKeys() {
		return customFields.of(entityType).stream().map(d -> d.key()).toList();
	}

	/**
	 * The kind's stager with the owner column read first (a user's email or name; the importing user
	 * without it), resolved from what was read before the first row.
	 */
	protected Stager withOwners(Stager stager) {
		var owner = owners.resolver();
		return (row, problems) -> ImportOwners.withOwner(owner, row, problems, () -> stager.stage(row, problems));
	}

	/** The stager keeps nothing between rows and reads only what {@link #stager()} took before the first row. */
	@Override
	public boolean stagesInParallel() {
		return true;
	}

	@Override
	public ImportCounts apply(ImportRun run) {
		return writes.apply(run);
	}

	@Override
	public int undo(ImportRun run) {
		return writes.undo(run);
	}

	/** The staging columns of the contact cells, in the order {@link ContactCells#stage} fills them. */
	static void contactColumns(Map<String, String> columns) {
		columns.put("emails", "jsonb");
		columns.put("phones", "jsonb");
		columns.put("addresses", "jsonb");
	}

	/** The staging columns of tags, custom fields, the owner column and the match keys. */
	static void keyColumns(Map<String, String> columns) {
		columns.put("custom_fields", "jsonb");
		columns.put("tags", "jsonb");
		columns.put("owner_id", "uuid"); // the owner column (ImportOwners); the importing user without it
		columns.put("search_name", "text");
		columns.put("search_text", "text");
		columns.put("email_key", "text");
		columns.put("phone_key", "text");
	}

	/** A row's contact cells, checked: every problem goes to {@code problems} on the row's field (emails, then phones). */
	record ContactCells(List<EmailAddress> emails, List<PhoneNumber> phones, List<Address> addresses,
			Map<String, Object> custom, List<String> tags) {

		static ContactCells of(Map<String, String> row, List<String> customKeys, ValidationException.Collector problems) {
			var emails = Rows.onField("email", problems, own -> ContactDetails.emails(
					Rows.split(row.get("email")).stream().map(e -> new EmailAddress(e, null, false)).toList(), own));
			var phones = Rows.onField("phone", problems, own -> ContactDetails.phones(
					Rows.split(row.get("phone")).stream().map(p -> new PhoneNumber(p, null, false)).toList(), own));
			var addresses = new ArrayList<Address>();
			if (row.get("address") != null || row.get("ward") != null || row.get("district") != null || row.get("province") != null) {
				addresses.add(new Address(null, row.get("address"), null, row.get("ward"), row.get("district"), row.get("province"),
						null, null, "VN"));
			}
			var custom = new LinkedHashMap<String, Object>();
			customKeys.forEach(key -> {
				var value = row.get("customFields." + key);
				if (value != null) {
					custom.put(key, value);
				}
			});
			var tags = Rows.split(row.get("tags")).stream().filter(t -> t.length() <= 50).distinct().toList();
			return new ContactCells(emails, phones, addresses, custom, tags);
		}

		/** Emails, phones and addresses as staged. */
		void stageContact(Map<String, Object> values, ContactJson json) {
			values.put("emails", json.write(emails));
			values.put("phones", json.write(phones));
			values.put("addresses", json.write(addresses));
		}

		/** Custom fields, tags, the search columns and the match keys as staged. */
		void stageKeys(Map<String, Object> values, ContactJson json, String searchName, String searchText) {
			values.put("custom_fields", json.write(custom));
			values.put("tags", json.write(tags));
			values.put("search_name", searchName);
			values.put("search_text", searchText);
			values.put("email_key", emails.isEmpty() ? null : emails.getFirst().address());
			values.put("phone_key", phones.isEmpty() ? null : phones.getFirst().number());
		}
	}
}
