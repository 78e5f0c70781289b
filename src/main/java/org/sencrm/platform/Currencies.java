package org.sencrm.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * Currencies by their ISO 4217 code and the one way Sen CRM rounds money: to the currency's minor
 * unit — none for VND (đồng have no minor unit), two for USD and EUR, three for KWD (the JDK's ISO
 * 4217 table) — half up, as Vietnamese invoices round each line and total (0.5 đồng becomes 1).
 * Half-even (banker's rounding) was used for showing stored amounts and disagreed on exact halves;
 * decision 28 says why half up is the rule.
 */
public final class Currencies {

	/** The one rounding mode for money. */
	public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

	private Currencies() {
	}

	/** The ISO code in upper case, when it names a real currency (not a fund or metal code without decimals). */
	public static Optional<String> code(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			var currency = Currency.getInstance(text.strip().toUpperCase(Locale.ROOT));
			return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency.getCurrencyCode());
		} catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** How many decimals the currency has: 0 for VND, 2 for USD. */
	public static int digits(String currency) {
		return Math.max(Currency.getInstance(currency.strip()).getDefaultFractionDigits(), 0);
	}

	/** The amount rounded half up to the currency's minor unit; null stays null. */
	public static BigDecimal round(BigDecimal amount, String currency) {
		return amount == null ? null : amount.setScale(digits(currency), ROUNDING);
	}
}
