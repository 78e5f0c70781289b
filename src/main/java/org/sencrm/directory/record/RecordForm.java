package org.sencrm.directory.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.platform.PhoneNumbers;

/**
 * What person and organization forms share: rows of emails, phones and addresses, tags typed
 * as one comma-separated line, owner, team, lifecycle stage, custom field values, external id and
 * the version the form was opened at. Mutable
 * JavaBeans because Spring binds form fields such as {@code emails[2].address} into them.
 *
 * <p>Rows left blank are dropped before the draft is checked ({@link #dropBlankRows()}), so
 * the row numbers in the service's field problems are the row numbers of the form shown again.
 */
public abstract class RecordForm {

	private List<EmailRow> emails = new ArrayList<>();
	private List<PhoneRow> phones = new ArrayList<>();
	private List<AddressRow> addresses = new ArrayList<>();
	private String tags = "";
	private UUID ownerId;
	private UUID ownerTeamId;
	private int version;
	private String lifecycleStage;
	private String externalId;
	private Map<String, Object> customFields = new LinkedHashMap<>();

	/** Fills the shared fields from a stored record, for its edit form. */
	protected void fillCommon(CustomerRecord record) {
		record.emails().forEach(e -> this.emails.add(EmailRow.of(e)));
		record.phones().forEach(p -> this.phones.add(PhoneRow.of(p)));
		record.addresses().forEach(a -> this.addresses.add(AddressRow.of(a)));
		this.tags = String.join(", ", record.tags());
		this.ownerId = record.ownerId();
		this.ownerTeamId = record.ownerTeamId();
		this.version = record.version();
		this.lifecycleStage = record.lifecycleStage();
		this.externalId = record.externalId();
		this.customFields = new LinkedHashMap<>(record.customFields());
	}

	public void dropBlankRows() {
		emails.removeIf(row -> row == null || blank(row.address) && blank(row.label));
		phones.removeIf(row -> row == null || blank(row.number) && blank(row.label));
		addresses.removeIf(row -> row == null || row.isBlank());
	}

	/** One empty row at the end of each group, to type a new email, phone or address into. */
	public void addSpareRows() {
		emails.add(new EmailRow());
		phones.add(new PhoneRow());
		addresses.add(new AddressRow());
	}

	protected List<EmailAddress> emailAddresses() {
		return emails.stream().map(r -> new EmailAddress(r.address, r.label, r.primary)).toList();
	}

	protected List<PhoneNumber> phoneNumbers() {
		return phones.stream().map(r -> new PhoneNumber(r.number, r.label, r.primary)).toList();
	}

	protected List<Address> postalAddresses() {
		return addresses.stream().map(AddressRow::toAddress).toList();
	}

	protected List<String> tagNames() {
		return tags == null ? List.of() : Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	public static class EmailRow {
		private String address;
		private String label;
		private boolean primary;

		static EmailRow of(EmailAddress email) {
			var row = new EmailRow();
			row.address = email.address();
			row.label = email.label();
			row.primary = email.primary();
			return row;
		}

		public String getAddress() { return address; }
		public void setAddress(String address) { this.address = address; }
		public String getLabel() { return label; }
		public void setLabel(String label) { this.label = label; }
		public boolean isPrimary() { return primary; }
		public void setPrimary(boolean primary) { this.primary = primary; }
	}

	public static class PhoneRow {
		private String number;
		private String label;
		private boolean primary;

		static PhoneRow of(PhoneNumber phone) {
			var row = new PhoneRow();
			row.number = PhoneNumbers.display(phone.number());
			row.label = phone.label();
			row.primary = phone.primary();
			return row;
		}

		public String getNumber() { return number; }
		public void setNumber(String number) { this.number = number; }
		public String getLabel() { return label; }
		public void setLabel(String label) { this.label = label; }
		public boolean isPrimary() { return primary; }
		public void setPrimary(boolean primary) { this.primary = primary; }
	}

	public static class AddressRow {
		private String label;
		private String line1;
		private String line2;
		private String ward;
		private String district;
		private String province;
		private String city;
		private String postalCode;
		private String country;

		static AddressRow of(Address a) {
			var row = new AddressRow();
			row.label = a.label();
			row.line1 = a.line1();
			row.line2 = a.line2();
			row.ward = a.ward();
			row.district = a.district();
			row.province = a.province();
			row.city = a.city();
			row.postalCode = a.postalCode();
			row.country = a.country();
			return row;
		}

		Address toAddress() {
			return new Address(label, line1, line2, ward, district, province, city, postalCode, country);
		}

		/** Blank when nothing but the country (pre-filled or not) was entered. */
		boolean isBlank() {
			return Stream.of(label, line1, line2, ward, district, province, city, postalCode)
					.allMatch(RecordForm::blank);
		}

		public String getLabel() { return label; }
		public void setLabel(String label) { this.label = label; }
		public String getLine1() { return line1; }
		public void setLine1(String line1) { this.line1 = line1; }
		public String getLine2() { return line2; }
		public void setLine2(String line2) { this.line2 = line2; }
		public String getWard() { return ward; }
		public void setWard(String ward) { this.ward = ward; }
		public String getDistrict() { return district; }
		public void setDistrict(String district) { this.district = district; }
		public String getProvince() { return province; }
		public void setProvince(String province) { this.province = province; }
		public String getCity() { return city; }
		public void setCity(String city) { this.city = city; }
		public String getPostalCode() { return postalCode; }
		public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
		public String getCountry() { return country; }
		public void setCountry(String country) { this.country = country; }
	}

	public List<EmailRow> getEmails() { return emails; }
	public void setEmails(List<EmailRow> emails) { this.emails = emails; }
	public List<PhoneRow> getPhones() { return phones; }
	public void setPhones(List<PhoneRow> phones) { this.phones = phones; }
	public List<AddressRow> getAddresses() { return addresses; }
	public void setAddresses(List<AddressRow> addresses) { this.addresses = addresses; }
	public String getTags() { return tags; }
	public void setTags(String tags) { this.tags = tags; }
	public UUID getOwnerId() { return ownerId; }
	public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
	public UUID getOwnerTeamId() { return ownerTeamId; }
	public void setOwnerTeamId(UUID ownerTeamId) { this.ownerTeamId = ownerTeamId; }
	public int getVersion() { return version; }
	public void setVersion(int version) { this.version = version; }
	public String getLifecycleStage() { return lifecycleStage; }
	public void setLifecycleStage(String lifecycleStage) { this.lifecycleStage = lifecycleStage; }
	public String getExternalId() { return externalId; }
	public void setExternalId(String externalId) { this.externalId = externalId; }
	public Map<String, Object> getCustomFields() { return customFields; }
	public void setCustomFields(Map<String, Object> customFields) { this.customFields = customFields; }
}
