package org.sencrm.sales.currency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.sencrm.sales.pricing.Money;

/**
 * The exchange rates valid on one day into the workspace's base currency: for each currency the
 * rate with the newest {@code validFrom} on or before {@code day} (decision 16).
 */
public record Rates(String baseCurrency, LocalDate day, Map<String, ExchangeRate> byCurrency) {

	/** The rate of a currency on the day; the base currency is 1 (without a rate record). */
	public Optional<BigDecimal> rate(String currency) {
		if (baseCurrency.equals(currency)) {
			return Optional.of(BigDecimal.ONE);
		}
		return Optional.ofNullable(byCurrency.get(currency)).map(ExchangeRate::rateToBase);
	}

	/** When the rate of a currency took effect; null for the base currency and currencies without a rate. */
	public LocalDate validFrom(String currency) {
		var rate = byCurrency.get(currency);
		return rate == null || baseCurrency.equals(currency) ? null : rate.validFrom();
	}

	/**
	 * {@code amount} × {@code rate}, rounded HALF_UP to the base currency's minor unit (VND: whole
	 * đồng, USD: cents). Null stays null.
	 */
	public BigDecimal toBase(BigDecimal amount, BigDecimal rate) {
		if (amount == null) {
			return null;
		}
		return Money.round(amount.multiply(rate), baseCurrency);
	}
}
