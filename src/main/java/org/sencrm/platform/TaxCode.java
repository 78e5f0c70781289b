package org.sencrm.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An organization's tax code as Sen CRM stores it, spaces dropped and letters in upper case.
 * Vietnamese (mã số thuế): 10 digits for the enterprise, or those 10, a dash and 3 digits for a
 * branch or dependent unit ({@code 0101234567-001}). A foreign code starts with its country's two
 * letters (an EU VAT number such as {@code DE123456789}) followed by 2–28 letters or digits.
 *
 * @param value the code, compact and in upper case
 */
public record TaxCode(String value) {

	private static final Pattern VIETNAMESE = Pattern.compile("^\\d{10}(-\\d{3})?$");
	private static final Pattern FOREIGN = Pattern.compile("^[A-Z]{2}[A-Z0-9]{2,28}$");

	public TaxCode {
		var clean = clean(value);
		if (clean == null) {
			throw new IllegalArgumentException("not a tax code: " + value);
		}
		value = clean;
	}

	/** The code typed, made compact, when it is one; empty for null, blank or malformed text. */
	public static Optional<TaxCode> parse(String text) {
		var clean = clean(text);
		return clean == null ? Optional.empty() : Optional.of(new TaxCode(clean));
	}

	/**
	 * Checks a typed tax code: the compact code, null when none was typed, or null with the problem
	 * {@code validation.tax-code} on {@code field}.
	 */
	public static String checked(String text, String field, ValidationException.Collector problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		var code = parse(text);
		if (code.isEmpty()) {
			problems.add(field, "validation.tax-code");
			return null;
		}
		return code.get().value();
	}

	/** A Vietnamese mã số thuế (of an enterprise or of one of its branches). */
	public boolean isVietnamese() {
		return VIETNAMESE.matcher(value).matches();
	}

	/** A Vietnamese branch's code ({@code 0101234567-001}). */
	public boolean isBranch() {
		return isVietnamese() && value.length() == 14;
	}

	@Override
	public String toString() {
		return value;
	}

	private static String clean(String text) {
		if (text == null) {
			return null;
		}
		var compact = text.replace(" ", "").strip().toUpperCase(Locale.ROOT);
		return VIETNAMESE.matcher(compact).matches() || FOREIGN.matcher(compact).matches() ? compact : null;
	}
}
