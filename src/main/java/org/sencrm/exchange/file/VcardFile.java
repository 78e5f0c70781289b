package org.sencrm.exchange.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.property.Address;

/**
 * A vCard file (3.0 or 4.0, a phone's or Gmail's contacts), read card by card with ez-vcard, as rows
 * of fixed columns whose English names the mapping recognises. The n-th card is row n.
 */
final class VcardFile implements TableFile {

	static final List<String> COLUMNS = List.of("Full name", "Family name", "Given name", "Middle name", "Email", "Email 2",
			"Email 3", "Phone", "Phone 2", "Phone 3", "Organization", "Job title", "Address", "Birthday", "Note",
			"Name order");

	private final VCardReader reader;
	private final CountedInput counted;
	private int number;

	private VcardFile(VCardReader reader, CountedInput counted) {
		this.reader = reader;
		this.counted = counted;
	}

	static VcardFile open(Path file) throws IOException {
		var counted = new CountedInput(java.nio.file.Files.newInputStream(file), java.nio.file.Files.size(file));
		return new VcardFile(new VCardReader(new java.io.BufferedInputStream(counted, 64 * 1024)), counted);
	}

	@Override
	public double shareRead() {
		return counted.share();
	}

	@Override
	public List<String> header() {
		return COLUMNS;
	}

	@Override
	public Row next() {
		try {
			var card = reader.readNext();
			if (card == null) {
				return null;
			}
			number++;
			return new Row(number, cells(card));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		try {
			reader.close();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<String> cells(VCard card) {
		var cells = new ArrayList<String>(COLUMNS.size());
		cells.add(card.getFormattedName() == null ? "" : blank(card.getFormattedName().getValue()));
		var name = card.getStructuredName();
		cells.add(name == null ? "" : blank(name.getFamily()));
		cells.add(name == null ? "" : blank(name.getGiven()));
		cells.add(name == null ? "" : String.join(" ", name.getAdditionalNames()));
		for (int i = 0; i < 3; i++) {
			cells.add(i < card.getEmails().size() ? blank(card.getEmails().get(i).getValue()) : "");
		}
		for (int i = 0; i < 3; i++) {
			if (i < card.getTelephoneNumbers().size()) {
				var phone = card.getTelephoneNumbers().get(i);
				cells.add(phone.getText() != null ? blank(phone.getText())
						: phone.getUri() == null ? "" : blank(phone.getUri().getNumber()));
			} else {
				cells.add("");
			}
		}
		var organization = card.getOrganization();
		cells.add(organization == null || organization.getValues().isEmpty() ? "" : blank(organization.getValues().getFirst()));
		cells.add(card.getTitles().isEmpty() ? "" : blank(card.getTitles().getFirst().getValue()));
		cells.add(card.getAddresses().isEmpty() ? "" : address(card.getAddresses().getFirst()));
		var birthday = card.getBirthday();
		cells.add(birthday == null || birthday.getDate() == null ? "" : birthday.getDate().toString());
		cells.add(card.getNotes().isEmpty() ? "" : blank(card.getNotes().getFirst().getValue()));
		// our own export's X-SEN-NAME-ORDER, so a card read back keeps its name order (decision 36)
		var order = card.getExtendedProperty("X-SEN-NAME-ORDER");
		cells.add(order == null ? "" : blank(order.getValue()));
		return cells;
	}

	private static String address(Address address) {
		var parts = new ArrayList<String>();
		for (var part : new String[] {address.getStreetAddress(), address.getExtendedAddress(), address.getLocality(),
				address.getRegion(), address.getPostalCode(), address.getCountry()}) {
			if (part != null && !part.isBlank()) {
				parts.add(part.strip());
			}
		}
		return String.join(", ", parts);
	}

	private static String blank(String text) {
		return text == null ? "" : text.strip();
	}
}
