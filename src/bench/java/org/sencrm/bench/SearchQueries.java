package org.sencrm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import org.sencrm.platform.PhoneNumbers;
import org.sencrm.platform.SearchText;

/**
 * The fixed set of searches the benchmark times: what people type into the search box. Those that
 * name one customer (a phone, an email, a tax code) carry the id that must come back.
 */
final class SearchQueries {

	record Query(String kind, String text, UUID expected) {
	}

	private SearchQueries() {
	}

	static List<Query> of(CustomerBase base, IntFunction<UUID> personIds, IntFunction<UUID> organizationIds) {
		var queries = new ArrayList<Query>();
		queries.add(new Query("full name", "nguyen van an", null));
		queries.add(new Query("full name, with accents", "Nguyễn Thị Thu Hà", null));
		var named = person(base, base.persons() * 37 / 100, p -> p.name().vietnamese() && p.name().middle() != null);
		queries.add(new Query("full name of a customer", SearchText.fold(named.name().family() + " " + named.name().middle()
				+ " " + named.name().given()), null));
		queries.add(new Query("family name", "tran", null));
		queries.add(new Query("family name", "nguyen", null));
		queries.add(new Query("family name, with accents", "Huỳnh", null));
		queries.add(new Query("prefix", "ngu", null));
		queries.add(new Query("prefix", "pham minh t", null));
		queries.add(new Query("prefix", "le thi h", null));
		queries.add(new Query("given name", "linh", null));
		queries.add(new Query("given name first", "thao nguyen", null));
		var typed = person(base, base.persons() / 2 + 17, p -> !p.phones().isEmpty());
		var national = PhoneNumbers.nationalDigits(PhoneNumbers.toE164(typed.phones().getFirst(), "VN").orElseThrow());
		queries.add(new Query("phone as typed", national.substring(0, 3) + " " + national.substring(3, 6) + " "
				+ national.substring(6), personIds.apply(typed.index())));
		var international = person(base, base.persons() / 5 + 3, p -> !p.phones().isEmpty());
		var e164 = PhoneNumbers.toE164(international.phones().getFirst(), "VN").orElseThrow();
		queries.add(new Query("phone, international", "+84 " + e164.substring(3, 5) + " " + e164.substring(5),
				personIds.apply(international.index())));
		var partial = person(base, base.persons() * 3 / 4 + 1, p -> !p.phones().isEmpty());
		var digits = SearchText.digits(PhoneNumbers.toE164(partial.phones().getFirst(), "VN").orElseThrow());
		queries.add(new Query("phone, last 7 digits", digits.substring(digits.length() - 7), personIds.apply(partial.index())));
		var mailed = person(base, base.persons() * 2 / 3 + 5, p -> !p.emails().isEmpty());
		queries.add(new Query("email", mailed.emails().getLast(), personIds.apply(mailed.index())));
		var local = person(base, base.persons() / 3 + 11,
				p -> !p.emails().isEmpty() && p.emails().getLast().matches(".*\\d@.*")); // a local part one could recognise
		var address = local.emails().getLast();
		queries.add(new Query("email, before the @", address.substring(0, address.indexOf('@')), personIds.apply(local.index())));
		queries.add(new Query("typo", "nguyen van ahn", null));
		queries.add(new Query("typo", "hoang thi huongg", null));
		queries.add(new Query("typo", "pham thi thu trnag", null));
		var organization = base.organization(base.organizations() / 2);
		queries.add(new Query("organization name", SearchText.fold(organization.name()), organizationIds.apply(organization.index())));
		var taxed = base.organization(base.organizations() / 3);
		queries.add(new Query("tax code", taxed.taxCode(), organizationIds.apply(taxed.index())));
		queries.add(new Query("foreign name", "john smith", null));
		queries.add(new Query("no match", "xqzv wplk", null));
		queries.add(new Query("two letters", "vu", null));
		return queries;
	}

	/** The first person from {@code start} on that fits; the customer base always has one within a few steps. */
	private static CustomerBase.GeneratedPerson person(CustomerBase base, int start,
			Predicate<CustomerBase.GeneratedPerson> fits) {
		for (int i = 0; i < 1000; i++) {
			var person = base.person((start + i) % base.persons());
			if (fits.test(person)) {
				return person;
			}
		}
		throw new IllegalStateException("No fitting person near " + start);
	}
}
