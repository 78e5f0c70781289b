package org.sencrm.sales.currency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One unit of {@code currency} is worth {@code rateToBase} units of {@code baseCurrency} (the
 * workspace's currency when the rate was entered) from {@code validFrom} until the next rate of
 * that currency.
 */
public record ExchangeRate(UUID id, String currency, String baseCurrency, BigDecimal rateToBase, LocalDate validFrom) {
}
