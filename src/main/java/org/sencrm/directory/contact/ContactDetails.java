package org.sencrm.directory.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.sencrm.platform.Email;
import org.sencrm.platform.PhoneNumbers;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.ValidationException;

/** Cleans and checks the emails, phones and addresses of a person or organization. */
public final class ContactDetails {

	private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

	private ContactDetails() {
	}

	public static List<EmailAddress> emails(List<EmailAddress> emails, ValidationException.Collector problems) {
		var clean = new ArrayList<EmailAddress>();
		if (emails == null) {
			return clean;
		}
		for (int i = 0; i < emails.size(); i++) {
			var email = emails.get(i);
			var parsed = Email.parse(email == null ? null : email.address());
			if (parsed.isEmpty()) {
				problems.add("emails[" + i + "].address", "validation.email");
				continue;
			}
			var address = parsed.get().value();
			if (clean.stream().anyMatch(e -> e.address().equals(address))) {
				continue;
			}
			clean.add(new EmailAddress(address, blankToNull(email.label()), email.primary()));
		}
		return onePrimary(clean, EmailAddress::primary, (e, p) -> new EmailAddress(e.address(), e.label(), p));
	}

	public static List<PhoneNumber> phones(List<PhoneNumber> phones, ValidationException.Collector problems) {
		var clean = new ArrayList<PhoneNumber>();
		if (phones == null) {
			return clean;
		}
		for (int i = 0; i < phones.size(); i++) {
			var phone = phones.get(i);
			var typed = phone == null ? null : phone.number();
			var e164 = PhoneNumbers.toE164(typed, PhoneNumbers.DEFAULT_REGION);
			if (e164.isEmpty()) {
				problems.add("phones[" + i + "].number", "validation.phone", typed == null ? "" : typed);
				continue;
			}
			if (clean.stream().anyMatch(p -> p.number().equals(e164.get()))) {
				continue;
			}
			clean.add(new PhoneNumber(e164.get(), blankToNull(phone.label()), phone.primary()));
		}
		return onePrimary(clean, PhoneNumber::primary, (p, primary) -> new PhoneNumber(p.number(), p.label(), primary));
	}

	public static List<Address> addresses(List<Address> addresses, ValidationException.Collector problems) {
		var clean = new ArrayList<Address>();
		if (addresses == null) {
			return clean;
		}
		for (int i = 0; i < addresses.size(); i++) {
			var a = addresses.get(i);
			if (a == null || (a.line1() == null || a.line1().isBlank()) && (a.city() == null || a.city().isBlank())
					&& (a.province() == null || a.province().isBlank())) {
				problems.add("addresses[" + i + "].line1", "validation.address");
				continue;
			}
			var country = a.country() == null || a.country().isBlank() ? "VN" : a.country().strip().toUpperCase(Locale.ROOT);
			if (!COUNTRY.matcher(country).matches()) {
				problems.add("addresses[" + i + "].country", "validation.country");
				continue;
			}
			clean.add(new Address(blankToNull(a.label()), blankToNull(a.line1()), blankToNull(a.line2()), blankToNull(a.ward()),
					blankToNull(a.district()), blankToNull(a.province()), blankToNull(a.city()), blankToNull(a.postalCode()), country));
		}
		return clean;
	}

	/** Words to find a customer by: emails, and phones as E.164 digits and national digits. */
	public static String searchWords(List<EmailAddress> emails, List<PhoneNumber> phones) {
		var words = new StringBuilder();
		emails.forEach(e -> words.append(' ').append(SearchText.fold(e.address())));
		phones.forEach(p -> words.append(' ').append(SearchText.digits(p.number())).append(' ')
				.append(PhoneNumbers.nationalDigits(p.number())));
		return words.toString();
	}

	public static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static <T> List<T> onePrimary(List<T> items, java.util.function.Predicate<T> isPrimary,
			java.util.function.BiFunction<T, Boolean, T> withPrimary) {
		if (items.isEmpty()) {
			return items;
		}
		int primary = 0;
		for (int i = 0; i < items.size(); i++) {
			if (isPrimary.test(items.get(i))) {
				primary = i;
				break;
			}
		}
		var result = new ArrayList<T>();
		for (int i = 0; i < items.size(); i++) {
			result.add(withPrimary.apply(items.get(i), i == primary));
		}
		return result;
	}
}
