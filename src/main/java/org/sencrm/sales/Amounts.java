package org.sencrm.sales;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import org.sencrm.platform.Currencies;
import org.sencrm.platform.ValidationException;

/**
 * Amounts of money in an ISO 4217 currency, checked the way the business counts them: never
 * negative, and with no more decimals than the currency has — none for VND (đồng have no minor
 * unit), two for USD and EUR, three for KWD. Stored as {@code numeric(19, 4)}, so at most 15
 * digits before the decimal point.
 */
public final class Amounts {

	private static final int MAX_INTEGER_DIGITS = 15;

	private Amounts() {
	}

	/** The currency code in upper case, or null (with a problem on {@code field}) when it is not an ISO 4217 currency. */
	public static String currency(String code, String field, ValidationException.Collector problems) {
		if (code == null || code.isBlank()) {
			problems.add(field, "validation.required");
			return null;
		}
		var upper = code.strip().toUpperCase(Locale.ROOT);
		try {
			if (upper.length() == 3 && Currency.getInstance(upper).getDefaultFractionDigits() >= 0) {
				return upper;
			}
		} catch (IllegalArgumentException e) {
			// not a currency: reported below
		}
		problems.add(field, "validation.currency");
		return null;
	}

	/**
	 * The amount with the currency's number of decimals (1500000 VND stays 1500000; 12.5 USD
	 * becomes 12.50), or null with a problem on {@code field}: negative, too large, or more decimals
	 * than the currency has. A null amount stays null (not estimated yet).
	 */
	public static BigDecimal amount(BigDecimal amount, String currency, String field, ValidationException.Collector problems) {
		if (amount == null) {
			return null;
		}
		if (amount.signum() < 0) {
			problems.add(field, "validation.amount-negative");
			return null;
		}
		var plain = amount.stripTrailingZeros();
		if (plain.precision() - plain.scale() > MAX_INTEGER_DIGITS) {
			problems.add(field, "validation.amount-too-large");
			return null;
		}
		if (currency == null) {
			return amount;
		}
		var digits = Currency.getInstance(currency).getDefaultFractionDigits();
		if (plain.scale() > digits) {
			problems.add(field, digits == 0 ? "validation.amount-no-decimals" : "validation.amount-decimals", currency, digits);
			return null;
		}
		return plain.setScale(digits);
	}

	/** A stored amount shown with its currency's decimals, rounded the one way money is ({@link Currencies}). */
	public static BigDecimal scaled(BigDecimal amount, String currency) {
		if (amount == null || currency == null) {
			return amount;
		}
		return Currencies.round(amount, currency);
	}
}
