package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.sencrm.sales.pricing.Money;

/** The two sales helpers that rounded differently (half up for lines, half even for showing amounts) round one way now. */
class MoneyRoundingTest {

	@Test
	void linesAndShownAmountsRoundAnExactHalfUp() {
		var half = new BigDecimal("0.125");

		assertThat(Money.round(half, "USD")).isEqualTo(new BigDecimal("0.13"));
		assertThat(Amounts.scaled(half, "USD")).isEqualTo(new BigDecimal("0.13"));
		assertThat(Money.round(new BigDecimal("2.5"), "VND")).isEqualTo(Amounts.scaled(new BigDecimal("2.5"), "VND"));
	}
}
