package org.sencrm.directory.exchange;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sencrm.directory.NameOrder;
import org.sencrm.directory.PersonName;
import org.sencrm.directory.contact.ContactDetails;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.exchange.ImportField;
import org.sencrm.exchange.ImportOwners;
import org.sencrm.exchange.ImportOptions.MatchKey;
import org.sencrm.identity.UserDirectory;
import org.sencrm.directory.person.Person;
import org.sencrm.directory.search.SearchTerms;
import org.sencrm.platform.TaxCode;
import org.sencrm.platform.ValidationException;
import org.springframework.stereotype.Component;

/**
 * Persons as an importable kind (decision 30): a row is a person — a full name or its parts, emails,
 * phones (as people type them, stored in E.164), an address, birthday, source, tags, custom fields,
 * the key in the source system. Checked and folded here while the file streams; written by
 * {@link PersonImportWrites} set-based.
 */
@Component
class PersonImportKind extends CustomerImportKind {

	static final Map<String, String> STAGING = stagingColumns0();
	private static final int MAX_NAME = 100;

	private final UserDirectory users;

	PersonImportKind(CustomFields customFields, UserDirectory users, ContactJson json, PersonImportWrites writes, ImportOwners owners) {
		super("person", customFields, json, writes, owners);
		this.users = users;
	}

	@Override
	public String type() {
		return "persons";
	}

	@Override
	protected List<ImportField> ownFields() {
		return List.of(
				ImportField.of("externalId", "Mã ngoài", "Mã khách hàng", "Mã KH", "External ID", "Customer ID", "ID"),
				ImportField.of("fullName", "Họ tên", "Họ và tên", "Tên đầy đủ", "Tên khách hàng", "Khách hàng", "Full name", "Name"),
				ImportField.of("familyName", "Họ", "Family name", "Last name", "Surname"),
				ImportField.of("middleName", "Tên đệm", "Tên lót", "Middle name"),
				ImportField.of("givenName", "Tên", "Given name", "First name"),
				// as the export writes it (family_first, given_first), so a name not recognised keeps its order (decision 36)
				ImportField.of("nameOrder", "Thứ tự tên", "Name order"),
				ImportField.of("email", "Email", "E-mail", "Thư điện tử", "Địa chỉ email", "Email address").asMany(),
				ImportField.of("phone", "Điện thoại", "Số điện thoại", "SĐT", "Di động", "Phone", "Mobile", "Phone number", "Tel").asMany(),
				ImportField.of("address", "Địa chỉ", "Address", "Street"),
				ImportField.of("ward", "Phường/Xã", "Phường", "Xã", "Ward"),
				ImportField.of("district", "Quận/Huyện", "Quận", "Huyện", "District"),
				ImportField.of("province", "Tỉnh/Thành phố", "Tỉnh", "Thành phố", "Province", "City", "State"),
				ImportField.of("birthday", "Ngày sinh", "Sinh nhật", "Birthday", "Date of birth", "Birth date"),
				ImportField.of("source", "Nguồn", "Source"),
				ImportField.of("tags", "Nhãn", "Thẻ", "Tags", "Tag").asMany(),
				ImportField.of("organization", "Công ty", "Tên công ty", "Tổ chức", "Đơn vị", "Nơi làm việc", "Company", "Organization",
						"Organisation"),
				ImportField.of("organizationTaxCode", "Mã số thuế công ty", "MST công ty", "MST", "Mã số thuế", "Company tax code",
						"Tax code"),
				ImportField.of("jobTitle", "Chức vụ", "Chức danh", "Job title", "Title", "Position"));
	}

	@Override
	public Set<MatchKey> matchKeys() {
		return Set.of(MatchKey.EXTERNAL_ID, MatchKey.EMAIL, MatchKey.PHONE);
	}

	@Override
	public Map<String, String> stagingColumns() {
		return STAGING;
	}

	private static Map<String, String> stagingColumns0() {
		var c = new LinkedHashMap<String, String>();
		for (var text : List.of("external_id", "family_name", "middle_name", "given_name", "name_order", "display_name")) {
			c.put(text, "text");
		}
		contactColumns(c);
		c.put("birthday", "date");
		c.put("source", "text");
		keyColumns(c);
		// the person's search terms, made here once (decision 41) and written by the import sorted by term
		c.put("terms", "text[]");
		// the organization the row names, for a contact role (PersonOrganizations)
		c.put("organization_name", "text");
		c.put("organization_key", "text");
		c.put("organization_tax_code", "text");
		c.put("organization_search_text", "text");
		c.put("job_title", "text");
		c.put("organization_id", "uuid");
		c.put("organization_new", "boolean");
		return java.util.Collections.unmodifiableMap(c);
	}

	@Override
	public Stager stager() {
		var unrecognised = NameOrder.forUnrecognised(users.workspace());
		var custom = customKeys();
		return withOwners((row, problems) -> stage(row, problems, unrecognised, custom));
	}

	private Map<String, Object> stage(Map<String, String> row, ValidationException.Collector problems, NameOrder unrecognised,
			List<String> customKeys) {
		var family = name(row.get("familyName"), "familyName", problems);
		var middle = name(row.get("middleName"), "middleName", problems);
		var given = name(row.get("givenName"), "givenName", problems);
		PersonName name;
		if (family == null && given == null && row.get("fullName") != null) {
			var split = PersonName.split(row.get("fullName").replace('\n', ' '), unrecognised);
			name = split;
			name(split.family(), "fullName", problems);
			name(split.given(), "fullName", problems);
		} else {
			var order = row.get("nameOrder") == null ? java.util.Optional.<NameOrder>empty() : NameOrder.of(row.get("nameOrder").strip());
			name = order.isPresent() ? new PersonName(family, middle, given, order.get())
					: PersonName.detected(family, middle, given, unrecognised);
		}
		if (name.family() == null && name.given() == null) {
			problems.add("fullName", "validation.name-required");
		}
		var cells = ContactCells.of(row, customKeys, problems);
		LocalDate birthday = null;
		if (row.get("birthday") != null) {
			birthday = org.sencrm.exchange.ImportDates.parse(row.get("birthday"));
			if (birthday == null) {
				problems.add("birthday", "validation.date");
			} else if (birthday.isBefore(LocalDate.of(1900, 1, 1)) || birthday.isAfter(LocalDate.now())) {
				problems.add("birthday", "validation.birthday");
			}
		}
		var source = row.get("source");
		if (source != null && source.length() > MAX_NAME) {
			problems.add("source", "validation.too-long");
		}
		var externalId = ImportField.externalId(row, problems);
		var organization = ContactDetails.blankToNull(row.get("organization") == null ? null : row.get("organization").replace('\n', ' '));
		if (organization != null && organization.length() > 200) {
			problems.add("organization", "validation.too-long");
		}
		var organizationTaxCode = TaxCode.checked(row.get("organizationTaxCode"), "organizationTaxCode", problems);
		var jobTitle = row.get("jobTitle");
		if (jobTitle != null && jobTitle.length() > MAX_NAME) {
			problems.add("jobTitle", "validation.too-long");
		}
		if (!problems.isEmpty()) {
			return Map.of();
		}
		var values = new LinkedHashMap<String, Object>();
		values.put("external_id", externalId);
		values.put("family_name", name.family());
		values.put("middle_name", name.middle());
		values.put("given_name", name.given());
		values.put("name_order", name.order().key());
		var person = person(name, cells.emails(), cells.phones());
		var sortName = person.sortName();
		values.put("display_name", sortName);
		cells.stageContact(values, json);
		values.put("birthday", birthday);
		values.put("source", source);
		// made once: the phones' national digits in it are a libphonenumber parse each
		var searchText = person.searchText();
		cells.stageKeys(values, json, sortName, searchText);
		values.put("terms", Rows.textArray(SearchTerms.of(sortName, searchText, true)));
		if (organization != null || organizationTaxCode != null) {
			values.put("organization_name", organization);
			values.put("organization_tax_code", organizationTaxCode);
			values.put("job_title", jobTitle);
			if (organization != null) {
				var named = OrganizationImportKind.organization(organization, organizationTaxCode, null, List.of(), List.of());
				values.put("organization_key", named.searchName());
				values.put("organization_search_text", named.searchText());
			}
		}
		return values;
	}

	private static String name(String value, String field, ValidationException.Collector problems) {
		var clean = ContactDetails.blankToNull(value);
		if (clean != null && clean.length() > MAX_NAME) {
			problems.add(field, "validation.too-long");
		}
		return clean;
	}


	/** The person as the directory folds it for sorting and search: one definition of search_name and search_text. */
	static Person person(PersonName name, List<EmailAddress> emails, List<PhoneNumber> phones) {
		return new Person(null, name.family(), name.middle(), name.given(), name.order(), emails, phones, List.of(), null,
				List.of(), null, null, null, "potential", null, Map.of(), Map.of(), null, null, null, 0);
	}
}
