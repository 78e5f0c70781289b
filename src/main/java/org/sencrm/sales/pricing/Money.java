package org.sencrm.sales.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * Amounts in a currency: how many decimals it has (VND none, USD two — the JDK's ISO 4217 table)
 * and rounding to them, half up, as Vietnamese invoices round each line.
 */
public final class Money {

	private Money() {
	}

	/** The ISO code in upper case, when it names a real currency. */
	public static Optional<String> currency(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		try {
			var currency = Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
			return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency.getCurrencyCode());
		} catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	public static int digits(String currency) {
		return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
	}

	public static BigDecimal round(BigDecimal amount, String currency) {
		return amount.setScale(digits(currency), RoundingMode.HALF_UP);
	}

	/** A unit price as stored (up to four decimals) without trailing zeros beyond the currency's decimals. */
	public static BigDecimal price(BigDecimal stored, String currency) {
		if (stored == null) {
			return null;
		}
		var plain = stored.stripTrailingZeros();
		return plain.setScale(Math.max(digits(currency), Math.max(plain.scale(), 0)), RoundingMode.UNNECESSARY);
	}

	/** A number without trailing zeros and never in exponent form (5E+5 is 500000). */
	public static BigDecimal plain(BigDecimal value) {
		if (value == null) {
			return null;
		}
		var stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	/** A stored amount shown with exactly the currency's decimals. */
	public static BigDecimal scaled(BigDecimal amount, String currency) {
		return amount == null ? null : round(amount, currency);
	}
}
