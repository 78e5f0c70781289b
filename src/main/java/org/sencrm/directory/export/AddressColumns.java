package org.sencrm.directory.export;

import java.util.List;
import java.util.Map;

import org.sencrm.directory.contact.Address;

/**
 * The first address of a customer in the columns the import reads ({@code address} for the street
 * lines, {@code ward}, {@code district}, {@code province}, {@code city}, {@code postalCode},
 * {@code country}); the others are in {@code addresses}, one line each.
 */
final class AddressColumns {

	private AddressColumns() {
	}

	static void put(Map<String, Object> row, List<Address> addresses) {
		var first = addresses.isEmpty() ? null : addresses.getFirst();
		row.put("address", first == null ? null : street(first));
		row.put("ward", first == null ? null : first.ward());
		row.put("district", first == null ? null : first.district());
		row.put("province", first == null ? null : first.province());
		row.put("city", first == null ? null : first.city());
		row.put("postalCode", first == null ? null : first.postalCode());
		row.put("country", first == null ? null : first.country());
	}

	private static String street(Address address) {
		if (address.line2() == null || address.line2().isBlank()) {
			return address.line1();
		}
		return address.line1() == null ? address.line2() : address.line1() + ", " + address.line2();
	}
}
