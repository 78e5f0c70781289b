package org.sencrm.directory.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.organization.Organization;
import org.sencrm.directory.organization.OrganizationFilter;
import org.sencrm.directory.organization.OrganizationService;
import org.sencrm.directory.person.Person;
import org.sencrm.directory.person.PersonFilter;
import org.sencrm.directory.person.PersonService;
import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.identity.Access;
import org.sencrm.platform.SpreadsheetCell;
import org.springframework.stereotype.Service;

/**
 * Exports the current list (its filters, all its pages) as CSV, in UTF-8 with a byte order
 * mark so Excel shows Vietnamese letters correctly. Custom fields become extra columns. A person's
 * {@code full_name} is written in the person's own name order, besides the parts and the order.
 * Only roles with the export right may (decision 20), and every cell goes out as a
 * {@link SpreadsheetCell}, so no value can become a formula in the spreadsheet that opens the file.
 */
@Service
public class CsvExport {

	private static final int PAGE = 500;

	private final PersonService persons;
	private final OrganizationService organizations;
	private final CustomFields customFields;
	private final Access access;

	CsvExport(PersonService persons, OrganizationService organizations, CustomFields customFields, Access access) {
		this.persons = persons;
		this.organizations = organizations;
		this.customFields = customFields;
		this.access = access;
	}

	public void persons(PersonFilter filter, Writer out) {
		access.requireExport();
		var custom = customFields.of("person");
		var header = new ArrayList<>(List.of("id", "full_name", "family_name", "middle_name", "given_name", "name_order", "emails",
				"phones", "addresses",
				"birthday", "tags", "status", "lifecycle_stage", "source", "owner_id", "created_at"));
		custom.forEach(d -> header.add("cf." + d.key()));
		try (var csv = printer(out, header)) {
			String cursor = null;
			do {
				var page = persons.list(filter.page(cursor, PAGE));
				for (Person p : page.items()) {
					var row = new ArrayList<Object>(List.of(p.id(), p.displayName(), n(p.familyName()), n(p.middleName()),
							n(p.givenName()), p.nameOrder().key(),
							join(p.emails().stream().map(EmailAddress::address).toList()),
							join(p.phones().stream().map(PhoneNumber::number).toList()),
							String.join(" | ", p.addresses().stream().map(Address::oneLine).toList()),
							p.birthday() == null ? "" : p.birthday(), join(p.tags()), p.status(), n(p.lifecycleStage()),
							n(p.source()), p.ownerId(), p.createdAt()));
					custom.forEach(d -> row.add(value(p.customFields().get(d.key()))));
					csv.printRecord(SpreadsheetCell.row(row));
				}
				cursor = page.nextCursor();
			} while (cursor != null);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void organizations(OrganizationFilter filter, Writer out) {
		access.requireExport();
		var custom = customFields.of("organization");
		var header = new ArrayList<>(List.of("id", "name", "kind", "relationship", "lifecycle_stage", "tax_code", "industry",
				"size", "website", "emails", "phones", "addresses", "tags", "owner_id", "created_at"));
		custom.forEach(d -> header.add("cf." + d.key()));
		try (var csv = printer(out, header)) {
			String cursor = null;
			do {
				var page = organizations.list(filter.page(cursor, PAGE));
				for (Organization o : page.items()) {
					var row = new ArrayList<Object>(List.of(o.id(), o.name(), o.kind(), o.relationship(), n(o.lifecycleStage()),
							n(o.taxCode()),
							n(o.industry()), n(o.size()), n(o.website()),
							join(o.emails().stream().map(EmailAddress::address).toList()),
							join(o.phones().stream().map(PhoneNumber::number).toList()),
							String.join(" | ", o.addresses().stream().map(Address::oneLine).toList()), join(o.tags()), o.ownerId(),
							o.createdAt()));
					custom.forEach(d -> row.add(value(o.customFields().get(d.key()))));
					csv.printRecord(SpreadsheetCell.row(row));
				}
				cursor = page.nextCursor();
			} while (cursor != null);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static CSVPrinter printer(Writer out, List<String> header) throws IOException {
		out.write('\uFEFF');
		return new CSVPrinter(out, CSVFormat.RFC4180.builder()
				.setHeader(SpreadsheetCell.row(header).stream().map(SpreadsheetCell::text).toArray(String[]::new)).get());
	}

	private static String n(String text) {
		return text == null ? "" : text;
	}

	private static String join(List<String> values) {
		return String.join("; ", values);
	}

	private static String value(Object value) {
		if (value == null) {
			return "";
		}
		return value instanceof List<?> list ? String.join("; ", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
	}
}
