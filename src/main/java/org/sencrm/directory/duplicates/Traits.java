package org.sencrm.directory.duplicates;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the finder compares of one record, already folded (lower case, no accents, "đ" as "d"):
 * for a person the family and given names, for an organization its name without the legal form
 * ({@code familyName} stays null). Empty lists and nulls mean "not known", which is neither a match
 * nor a mismatch.
 */
record Traits(UUID id, String familyName, String givenName, LocalDate birthday, List<String> emails, List<String> phones,
		String address, List<UUID> organizations, String taxCode, String website) {

	Traits {
		emails = emails == null ? List.of() : List.copyOf(emails);
		phones = phones == null ? List.of() : List.copyOf(phones);
		organizations = organizations == null ? List.of() : List.copyOf(organizations);
		familyName = blankToNull(familyName);
		givenName = blankToNull(givenName);
		address = blankToNull(address);
		taxCode = blankToNull(taxCode);
		website = blankToNull(website);
	}

	static Traits person(UUID id, String family, String given, LocalDate birthday, List<String> emails, List<String> phones,
			String address, List<UUID> organizations) {
		return new Traits(id, family, given, birthday, emails, phones, address, organizations, null, null);
	}

	static Traits organization(UUID id, String name, String taxCode, String website, List<String> emails, List<String> phones,
			String address) {
		return new Traits(id, null, name, null, emails, phones, address, List.of(), taxCode, website);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
