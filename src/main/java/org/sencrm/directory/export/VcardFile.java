package org.sencrm.directory.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Email;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Uid;
import org.sencrm.directory.NameOrder;
import org.sencrm.directory.PersonName;
import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;

/**
 * Persons as vCard 4.0 (RFC 6350), one card each, written as they are read (ez-vcard). FN is the
 * full name in the person's own order ({@link PersonName#display()}), N its parts, and
 * {@code X-SEN-NAME-ORDER} the order itself, so a card read back keeps "Nguyễn Thị Yến" family first
 * and "Anna Lindqvist" given first. Emails and phones keep their labels as TYPE and the primary one
 * PREF=1; addresses their parts; the organizations the person has a role at are ORG; tags are
 * CATEGORIES; custom fields ({@code customFields.<key>}) are one NOTE ("label: value" lines).
 */
final class VcardFile implements AutoCloseable {

	/** The columns a card is made of. */
	static final List<String> COLUMNS = List.of("id", "familyName", "middleName", "givenName", "nameOrder", "emails", "phones",
			"addresses", "organizations", "birthday", "tags");

	private final VCardWriter writer;
	private final Map<String, String> customFieldLabels;

	VcardFile(OutputStream out, Map<String, String> customFieldLabels) {
		this.writer = new VCardWriter(out, VCardVersion.V4_0);
		this.writer.setAddProdId(false);
		this.customFieldLabels = customFieldLabels;
	}

	void card(Map<String, Object> row) {
		var card = new VCard();
		var id = row.get("id");
		if (id != null) {
			card.setUid(new Uid("urn:uuid:" + id));
		}
		var order = row.get("nameOrder") == null ? NameOrder.FAMILY_FIRST : NameOrder.stored(String.valueOf(row.get("nameOrder")));
		var family = (String) row.get("familyName");
		var middle = (String) row.get("middleName");
		var given = (String) row.get("givenName");
		var name = new StructuredName();
		name.setFamily(family);
		name.setGiven(given);
		if (middle != null && !middle.isBlank()) {
			name.getAdditionalNames().add(middle);
		}
		card.setStructuredName(name);
		card.setFormattedName(new PersonName(family, middle, given, order).display());
		card.addExtendedProperty("X-SEN-NAME-ORDER", order.key());
		for (var email : list(row.get("emails"), EmailAddress.class)) {
			var property = new Email(email.address());
			type(email.label()).ifPresent(type -> property.getTypes().add(EmailType.get(type)));
			if (email.primary()) {
				property.setPref(1);
			}
			card.addEmail(property);
		}
		for (var phone : list(row.get("phones"), PhoneNumber.class)) {
			var property = new Telephone(phone.number());
			type(phone.label()).ifPresent(type -> property.getTypes().add(TelephoneType.get(type)));
			if (phone.primary()) {
				property.setPref(1);
			}
			card.addTelephoneNumber(property);
		}
		for (var address : list(row.get("addresses"), Address.class)) {
			card.addAddress(address(address));
		}
		var organizations = list(row.get("organizations"), String.class);
		for (var organization : organizations) {
			var property = new Organization();
			property.getValues().add(organization);
			card.addOrganization(property);
		}
		if (row.get("birthday") instanceof LocalDate birthday) {
			card.setBirthday(birthday);
		}
		var tags = list(row.get("tags"), String.class);
		if (!tags.isEmpty()) {
			card.setCategories(tags.toArray(String[]::new));
		}
		var note = new StringBuilder();
		row.forEach((column, value) -> {
			if (column.startsWith(CustomerExportKind.CUSTOM) && value != null && !ExportCells.text(value).isEmpty()) {
				var key = column.substring(CustomerExportKind.CUSTOM.length());
				note.append(note.isEmpty() ? "" : "\n").append(customFieldLabels.getOrDefault(key, key)).append(": ")
						.append(ExportCells.text(value));
			}
		});
		if (!note.isEmpty()) {
			card.addNote(note.toString());
		}
		try {
			writer.write(card);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static ezvcard.property.Address address(Address address) {
		var property = new ezvcard.property.Address();
		property.setStreetAddress(join(address.line1(), address.line2(), address.ward()));
		property.setLocality(join(address.district(), address.city()));
		property.setRegion(address.province());
		property.setPostalCode(address.postalCode());
		property.setCountry(address.country());
		property.setLabel(address.oneLine());
		type(address.label()).ifPresent(type -> property.getTypes().add(AddressType.get(type)));
		return property;
	}

	/** A label that names a vCard type (home, work, cell…) becomes that TYPE; other labels are left out. */
	private static java.util.Optional<String> type(String label) {
		if (label == null) {
			return java.util.Optional.empty();
		}
		var text = label.strip().toLowerCase(Locale.ROOT);
		return switch (text) {
			case "home", "nhà", "nha" -> java.util.Optional.of("home");
			case "work", "công ty", "cong ty", "cơ quan", "office" -> java.util.Optional.of("work");
			case "mobile", "cell", "di động", "di dong" -> java.util.Optional.of("cell");
			default -> java.util.Optional.empty();
		};
	}

	private static String join(String... parts) {
		var present = new ArrayList<String>();
		for (var part : parts) {
			if (part != null && !part.isBlank()) {
				present.add(part.strip());
			}
		}
		return present.isEmpty() ? null : String.join(", ", present);
	}

	@SuppressWarnings("unchecked")
	private static <T> List<T> list(Object value, Class<T> type) {
		if (value instanceof List<?> list) {
			return (List<T>) list.stream().filter(type::isInstance).toList();
		}
		return List.of();
	}

	@Override
	public void close() {
		try {
			writer.flush();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String uid(UUID id) {
		return "urn:uuid:" + id;
	}
}
