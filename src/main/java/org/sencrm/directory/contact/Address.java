package org.sencrm.directory.contact;

/**
 * A postal address. Vietnamese addresses use ward, district and province; international ones
 * city, region (in {@code province}) and postal code. Country is an ISO 3166 code, VN by default.
 */
public record Address(String label, String line1, String line2, String ward, String district, String province,
		String city, String postalCode, String country) {

	public String oneLine() {
		var parts = new java.util.ArrayList<String>();
		for (var part : new String[] {line1, line2, ward, district, city, province, postalCode, country}) {
			if (part != null && !part.isBlank()) {
				parts.add(part.strip());
			}
		}
		return String.join(", ", parts);
	}
}
