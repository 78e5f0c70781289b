package org.sencrm.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/** Phone numbers in E.164, read with libphonenumber; numbers without a country code are Vietnamese by default. */
public final class PhoneNumbers {

	public static final String DEFAULT_REGION = "VN";
	private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
	/**
	 * The national digits of numbers just normalised: a saved record's search words ask for them
	 * right after, and parsing a number again was a tenth of a create's and an import's checking.
	 */
	private static final Cache<String, String> NATIONAL_DIGITS = Caffeine.newBuilder().maximumSize(100_000).build();

	private PhoneNumbers() {
	}

	/** The E.164 form of a valid number, or empty when the text is not a valid phone number. */
	public static java.util.Optional<String> toE164(String text, String region) {
		if (text == null || text.isBlank()) {
			return java.util.Optional.empty();
		}
		try {
			var number = util.parse(text, region == null ? DEFAULT_REGION : region);
			if (!util.isValidNumber(number)) {
				return java.util.Optional.empty();
			}
			var e164 = util.format(number, PhoneNumberFormat.E164);
			NATIONAL_DIGITS.put(e164, SearchText.digits(util.format(number, PhoneNumberFormat.NATIONAL)));
			return java.util.Optional.of(e164);
		} catch (NumberParseException e) {
			return java.util.Optional.empty();
		}
	}

	/** National digits of an E.164 number ("+84901234567" gives "0901234567"), for search by the local form. */
	public static String nationalDigits(String e164) {
		var known = NATIONAL_DIGITS.getIfPresent(e164);
		if (known != null) {
			return known;
		}
		try {
			var number = util.parse(e164, DEFAULT_REGION);
			return SearchText.digits(util.format(number, PhoneNumberFormat.NATIONAL));
		} catch (NumberParseException e) {
			return SearchText.digits(e164);
		}
	}

	/** A readable international form for display ("+84 90 123 45 67"). */
	public static String display(String e164) {
		try {
			return util.format(util.parse(e164, DEFAULT_REGION), PhoneNumberFormat.INTERNATIONAL);
		} catch (NumberParseException e) {
			return e164;
		}
	}
}
