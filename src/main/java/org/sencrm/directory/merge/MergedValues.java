package org.sencrm.directory.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.record.CustomerRecord;
import org.sencrm.platform.SearchText;

/**
 * The values a merge's survivor takes: per chosen field the record it comes from; the emails,
 * phones, addresses and tags of all, each once (the survivor's first, only its primary stays
 * primary); custom fields by key as the fields.
 *
 * @param all      the survivor first, then the merged-away records
 * @param chosen   per field ({@code name}, …, {@code customFields.<key>}), the id of the record whose value survives
 * @param tags     the tag names of all
 * @param mergedIds the merged-away records
 */
record MergedValues<R extends CustomerRecord>(List<R> all, Map<String, UUID> chosen, List<String> tags, List<UUID> mergedIds) {

	static final String CUSTOM = "customFields.";

	R survivor() {
		return all.getFirst();
	}

	/** The record whose value of the field survives. */
	R from(String field) {
		var id = chosen.get(field);
		return all.stream().filter(r -> r.id().equals(id)).findFirst().orElse(survivor());
	}

	Map<String, Object> customFields() {
		var custom = new LinkedHashMap<String, Object>();
		chosen.forEach((field, id) -> {
			if (field.startsWith(CUSTOM)) {
				var key = field.substring(CUSTOM.length());
				var value = from(field).customFields().get(key);
				if (value != null) {
					custom.put(key, value);
				}
			}
		});
		return custom;
	}

	List<EmailAddress> emails() {
		return union(CustomerRecord::emails, e -> e.address().toLowerCase(Locale.ROOT),
				(e, primary) -> new EmailAddress(e.address(), e.label(), primary), EmailAddress::primary);
	}

	List<PhoneNumber> phones() {
		return union(CustomerRecord::phones, p -> p.number().toLowerCase(Locale.ROOT),
				(p, primary) -> new PhoneNumber(p.number(), p.label(), primary), PhoneNumber::primary);
	}

	/** Every address once, by its folded one-line form. */
	List<Address> addresses() {
		var seen = new LinkedHashSet<String>();
		var result = new ArrayList<Address>();
		for (var record : all) {
			for (var address : record.addresses()) {
				if (seen.add(SearchText.fold(address.oneLine()))) {
					result.add(address);
				}
			}
		}
		return result;
	}

	/** Every record's items, each once, the survivor's first; only the survivor's primary stays primary. */
	private <T> List<T> union(Function<CustomerRecord, List<T>> items, Function<T, String> key, BiFunction<T, Boolean, T> withPrimary,
			Predicate<T> isPrimary) {
		var seen = new LinkedHashSet<String>();
		var result = new ArrayList<T>();
		for (var record : all) {
			for (var item : items.apply(record)) {
				if (seen.add(key.apply(item))) {
					result.add(withPrimary.apply(item, record == survivor() && isPrimary.test(item)));
				}
			}
		}
		if (!result.isEmpty() && result.stream().noneMatch(isPrimary)) {
			result.set(0, withPrimary.apply(result.getFirst(), true));
		}
		return result;
	}
}
