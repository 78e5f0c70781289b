package org.sencrm.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LifetimeValuesTest {

	static final BgNbdModel PURCHASES = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
	static final GammaGammaModel SPEND = new GammaGammaModel(6.25, 3.74, 15.44);
	static final CustomerSummary REGULAR = new CustomerSummary("an", 2, 213 / 7.0, 272 / 7.0, 22.345, null, null);

	@Test
	void withoutDiscountingTheValueIsExpectedPurchasesTimesSpendTimesMargin() {
		var values = new LifetimeValues(PURCHASES, SPEND, PeriodUnit.WEEK, new LifetimeValues.Settings(39, 0, 0.3, 0));

		var value = values.of(REGULAR);

		// E[Y(39) | 2, 30.43, 38.86] = 1.2261158061493217 and E[M | 2, 22.345] = 24.659612860892388 (mpmath)
		assertThat(value.expectedPurchases()).isCloseTo(1.2261158061493217, within(1e-12));
		assertThat(value.expectedAverageOrderValue()).isCloseTo(24.659612860892388, within(1e-12));
		assertThat(value.lifetimeValue()).isCloseTo(1.2261158061493217 * 24.659612860892388 * 0.3, within(1e-10));
		assertThat(value.probabilityAlive()).isCloseTo(0.72658972183549484, within(1e-14));
		assertThat(value.populationPrediction()).isFalse();
	}

	@Test
	void laterPurchasesAreDiscountedWeekByWeek() {
		var undiscounted = new LifetimeValues(PURCHASES, SPEND, PeriodUnit.WEEK, new LifetimeValues.Settings(52, 0, 1, 0)).of(REGULAR);
		var discounted = new LifetimeValues(PURCHASES, SPEND, PeriodUnit.WEEK, new LifetimeValues.Settings(52, 0.2, 1, 0)).of(REGULAR);

		double weekly = Math.pow(1.2, 7 / 365.2425) - 1;
		double expected = 0;
		for (int k = 1; k <= 52; k++) {
			expected += (PURCHASES.expectedPurchases(k, REGULAR) - PURCHASES.expectedPurchases(k - 1, REGULAR)) / Math.pow(1 + weekly, k);
		}
		assertThat(discounted.lifetimeValue()).isCloseTo(expected * discounted.expectedAverageOrderValue(), within(1e-10))
				.isLessThan(undiscounted.lifetimeValue()).isGreaterThan(undiscounted.lifetimeValue() / 1.2);
	}

	@Test
	void theUnitOfTheModelDoesNotChangeTheValue() {
		// the same customer base measured in days: α in days = 7 × α in weeks, the rest unchanged
		var inDays = new LifetimeValues(new BgNbdModel(0.243, 4.414 * 7, 0.793, 2.426), SPEND, PeriodUnit.DAY,
				new LifetimeValues.Settings(52, 0.1, 0.3, 0));
		var inWeeks = new LifetimeValues(PURCHASES, SPEND, PeriodUnit.WEEK, new LifetimeValues.Settings(52, 0.1, 0.3, 0));

		var customerInDays = new CustomerSummary("an", 2, 213, 272, 22.345, null, null);

		assertThat(inDays.of(customerInDays).lifetimeValue()).isCloseTo(inWeeks.of(REGULAR).lifetimeValue(), within(1e-9));
	}

	@Test
	void aCustomerWithTooLittleHistoryGetsThePopulationPredictionMarked() {
		var values = new LifetimeValues(PURCHASES, SPEND, PeriodUnit.WEEK, new LifetimeValues.Settings(39, 0, 1, 4));

		var newcomer = values.of(new CustomerSummary("new", 1, 1, 3, 500, null, null));

		assertThat(newcomer.populationPrediction()).isTrue();
		assertThat(newcomer.probabilityAlive()).isEqualTo(1);
		// E[X(39)] = 1.1967231933208168 (mpmath) and E[M] = pγ / (q − 1)
		assertThat(newcomer.expectedPurchases()).isCloseTo(1.1967231933208168, within(1e-12));
		assertThat(newcomer.expectedAverageOrderValue()).isCloseTo(6.25 * 15.44 / 2.74, within(1e-12));
		assertThat(newcomer.lifetimeValue()).isCloseTo(1.1967231933208168 * 6.25 * 15.44 / 2.74, within(1e-9));
		assertThat(values.of(REGULAR).populationPrediction()).isFalse();
	}
}
