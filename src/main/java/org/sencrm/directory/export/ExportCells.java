package org.sencrm.directory.export;

import java.math.BigDecimal;
import java.util.List;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;

/**
 * The text of a value in an exported cell, the same in CSV and Excel: lists joined with "; "
 * (addresses, which hold commas, with " | "), emails and phones by their address and E.164 number,
 * addresses on one line, dates and times in ISO 8601, amounts without exponent. What the import
 * reads back (decision 34). The formula guard ({@link org.sencrm.platform.SpreadsheetCell}) is
 * applied by the writers, after this.
 */
final class ExportCells {

	private ExportCells() {
	}

	static String text(Object value) {
		return switch (value) {
			case null -> "";
			case List<?> list when !list.isEmpty() && list.getFirst() instanceof Address -> String.join(" | ",
					list.stream().map(ExportCells::text).toList());
			case List<?> list -> String.join("; ", list.stream().map(ExportCells::text).toList());
			case EmailAddress email -> email.address();
			case PhoneNumber phone -> phone.number();
			case Address address -> address.oneLine();
			case BigDecimal amount -> amount.toPlainString();
			default -> String.valueOf(value);
		};
	}
}
