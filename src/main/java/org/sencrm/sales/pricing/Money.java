package org.sencrm.sales.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import org.sencrm.platform.Currencies;

/**
 * Amounts in a currency as sales prices and lines show them; the currency's decimals and the one
 * money rounding are {@link Currencies}' (half up to the minor unit: VND none, USD two).
 */
public final class Money {

	private Money() {
	}

	/** The ISO code in upper case, when it names a real currency. */
	public static Optional<String> currency(String code) {
		return Currencies.code(code);
	}

	public static int digits(String currency) {
		return Currencies.digits(currency);
	}

	public static BigDecimal round(BigDecimal amount, String currency) {
		return Currencies.round(amount, currency);
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
