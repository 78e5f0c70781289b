package org.sencrm.directory.exchange;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sencrm.directory.contact.ContactDetails;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.organization.Organization;
import org.sencrm.directory.organization.OrganizationService;
import org.sencrm.exchange.ImportField;
import org.sencrm.exchange.ImportOwners;
import org.sencrm.exchange.ImportOptions.MatchKey;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.TaxCode;
import org.sencrm.platform.ValidationException;
import org.springframework.stereotype.Component;

/**
 * Organizations as an importable kind (decisions 30, 35): a row is an organization — its name, tax
 * code, kind, relationship, industry, website, emails, phones (stored in E.164), an address in parts,
 * tags, custom fields and the key in the source system — checked as the organization form checks it,
 * and matched by external id, tax code, email or phone. Written by {@link OrganizationImportWrites}.
 */
@Component
class OrganizationImportKind extends CustomerImportKind {

	static final Map<String, String> STAGING = staging();
	private static final int MAX_TEXT = 200;
	/** Kinds and relationships as sheets write them (folded), besides their own keys. */
	private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("oem", "commercial_oem"),
			Map.entry("nha san xuat", "commercial_oem"), Map.entry("doanh nghiep", "commercial_user"),
			Map.entry("cong ty", "commercial_user"), Map.entry("commercial", "commercial_user"),
			Map.entry("nha phan phoi", "commercial_distributor"), Map.entry("dai ly", "commercial_distributor"),
			Map.entry("distributor", "commercial_distributor"), Map.entry("co quan nha nuoc", "government"),
			Map.entry("nha nuoc", "government"), Map.entry("chinh phu", "government"), Map.entry("to chuc", "institutional"),
			Map.entry("truong hoc", "institutional"), Map.entry("benh vien", "institutional"), Map.entry("khac", "other"));
	private static final Map<String, String> RELATIONSHIPS = Map.of("khach hang", "customer", "doi tac", "partner",
			"nha cung cap", "supplier", "noi bo", "internal");

	OrganizationImportKind(CustomFields customFields, ContactJson json, OrganizationImportWrites writes, ImportOwners owners) {
		super("organization", customFields, json, writes, owners);
	}

	@Override
	public String type() {
		return "organizations";
	}

	@Override
	protected List<ImportField> ownFields() {
		return List.of(
				ImportField.of("externalId", "Mã ngoài", "Mã khách hàng", "Mã KH", "External ID", "Customer ID", "ID"),
				ImportField.of("name", "Tên tổ chức", "Tên công ty", "Tên doanh nghiệp", "Công ty", "Tên", "Organization",
						"Company", "Company name", "Name").asRequired(),
				ImportField.of("taxCode", "Mã số thuế", "MST", "Tax code", "Tax ID", "VAT number"),
				ImportField.of("kind", "Loại tổ chức", "Loại hình", "Kind", "Type"),
				ImportField.of("relationship", "Quan hệ", "Relationship"),
				ImportField.of("industry", "Ngành", "Ngành nghề", "Lĩnh vực", "Industry"),
				ImportField.of("website", "Trang web", "Website", "Web"),
				ImportField.of("email", "Email", "E-mail", "Thư điện tử", "Email address").asMany(),
				ImportField.of("phone", "Điện thoại", "Số điện thoại", "SĐT", "Phone", "Phone number", "Tel").asMany(),
				ImportField.of("address", "Địa chỉ", "Address", "Street"),
				ImportField.of("ward", "Phường/Xã", "Phường", "Xã", "Ward"),
				ImportField.of("district", "Quận/Huyện", "Quận", "Huyện", "District"),
				ImportField.of("province", "Tỉnh/Thành phố", "Tỉnh", "Thành phố", "Province", "City", "State"),
				ImportField.of("tags", "Nhãn", "Thẻ", "Tags", "Tag").asMany());
	}

	@Override
	public Set<MatchKey> matchKeys() {
		return Set.of(MatchKey.EXTERNAL_ID, MatchKey.TAX_CODE, MatchKey.EMAIL, MatchKey.PHONE);
	}

	@Override
	public Map<String, String> stagingColumns() {
		return STAGING;
	}

	private static Map<String, String> staging() {
		var c = new LinkedHashMap<String, String>();
		for (var text : List.of("external_id", "name", "tax_code", "kind", "relationship", "industry", "website")) {
			c.put(text, "text");
		}
		contactColumns(c);
		keyColumns(c);
		return Collections.unmodifiableMap(c);
	}

	@Override
	public Stager stager() {
		var custom = customKeys();
		return withOwners((row, problems) -> stage(row, problems, custom));
	}

	private Map<String, Object> stage(Map<String, String> row, ValidationException.Collector problems, List<String> customKeys) {
		var name = ContactDetails.blankToNull(row.get("name") == null ? null : row.get("name").replace('\n', ' '));
		if (name == null) {
			problems.add("name", "validation.required");
		} else if (name.length() > MAX_TEXT) {
			problems.add("name", "validation.too-long");
		}
		var taxCode = TaxCode.checked(row.get("taxCode"), "taxCode", problems);
		var kind = choice(row.get("kind"), Organization.KINDS, KINDS, "kind", problems);
		var relationship = choice(row.get("relationship"), Organization.RELATIONSHIPS, RELATIONSHIPS, "relationship", problems);
		var industry = row.get("industry");
		if (industry != null && industry.length() > MAX_TEXT) {
			problems.add("industry", "validation.too-long");
		}
		var website = OrganizationService.website(row.get("website"), problems);
		var cells = ContactCells.of(row, customKeys, problems);
		var externalId = ImportField.externalId(row, problems);
		if (!problems.isEmpty()) {
			return Map.of();
		}
		var values = new HashMap<String, Object>();
		values.put("external_id", externalId);
		values.put("name", name);
		values.put("tax_code", taxCode);
		values.put("kind", kind);
		values.put("relationship", relationship);
		values.put("industry", industry);
		values.put("website", website);
		cells.stageContact(values, json);
		var organization = organization(name, taxCode, website, cells.emails(), cells.phones());
		cells.stageKeys(values, json, organization.searchName(), organization.searchText());
		return values;
	}

	/** A choice as its key or as a sheet writes it in Vietnamese; null when the cell is empty (the default is the table's). */
	private static String choice(String cell, List<String> keys, Map<String, String> words, String field,
			ValidationException.Collector problems) {
		if (cell == null) {
			return null;
		}
		var folded = SearchText.fold(cell);
		var key = keys.contains(cell.strip()) ? cell.strip() : words.get(folded);
		if (key == null) {
			key = keys.stream().filter(k -> k.replace('_', ' ').equals(folded)).findFirst().orElse(null);
		}
		if (key == null) {
			problems.add(field, "validation.choice");
		}
		return key;
	}

	/** The organization as the directory folds it for sorting and search: one definition of search_name and search_text. */
	static Organization organization(String name, String taxCode, String website, List<EmailAddress> emails, List<PhoneNumber> phones) {
		return new Organization(null, name, null, null, null, taxCode, null, null, website, emails, phones, List.of(), null, List.of(),
				null, null, Map.of(), null, null, null, 0);
	}
}
