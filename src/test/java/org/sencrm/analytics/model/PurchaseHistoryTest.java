package org.sencrm.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PurchaseHistoryTest {

	static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
	static final LocalDate CALIBRATION_END = LocalDate.of(2026, 3, 1);

	@Test
	void ordersOnTheSameDayAreOnePurchaseWithTheirAmountsSummed() {
		var history = PurchaseHistory.of(List.of(
				Purchase.of("ann", JAN_1, 10),
				Purchase.of("ann", JAN_1.plusDays(14), 20),
				Purchase.of("ann", JAN_1.plusDays(14), 40),
				Purchase.of("ann", JAN_1.plusDays(28), 30)));

		var ann = history.summaries(CALIBRATION_END, PeriodUnit.WEEK).getFirst();

		assertThat(ann.frequency()).isEqualTo(2);
		assertThat(ann.recency()).isEqualTo(4.0);
		assertThat(ann.age()).isCloseTo(59 / 7.0, within(1e-12));
		// the repeat purchases only: (20 + 40 + 30) / 2
		assertThat(ann.monetaryValue()).isEqualTo(45.0);
		assertThat(ann.firstPurchase()).isEqualTo(JAN_1);
		assertThat(ann.lastPurchase()).isEqualTo(JAN_1.plusDays(28));
	}

	@Test
	void ordersOfZeroValueCountAndCancelledOrdersDoNot() {
		var history = PurchaseHistory.of(List.of(
				new Purchase("bao", JAN_1, 10, true),
				Purchase.of("bao", JAN_1.plusDays(7), 0),
				Purchase.of("bao", JAN_1.plusDays(21), 0),
				new Purchase("bao", JAN_1.plusDays(35), 99, true)));

		var bao = history.summaries(CALIBRATION_END, PeriodUnit.WEEK).getFirst();

		assertThat(bao.firstPurchase()).isEqualTo(JAN_1.plusDays(7));
		assertThat(bao.frequency()).isEqualTo(1);
		assertThat(bao.recency()).isEqualTo(2.0);
		assertThat(bao.monetaryValue()).isZero();
	}

	@Test
	void aCustomerWithOnePurchaseHasNoFrequencyRecencyOrMonetaryValue() {
		var history = PurchaseHistory.of(List.of(Purchase.of("chi", JAN_1, 55)));

		var chi = history.summaries(CALIBRATION_END, PeriodUnit.DAY).getFirst();

		assertThat(chi.frequency()).isZero();
		assertThat(chi.recency()).isZero();
		assertThat(chi.age()).isEqualTo(59.0);
		assertThat(chi.monetaryValue()).isZero();
	}

	@Test
	void timeIsMeasuredInTheChosenUnit() {
		var history = PurchaseHistory.of(List.of(Purchase.of("dung", JAN_1, 1), Purchase.of("dung", JAN_1.plusDays(30), 1)));

		assertThat(history.summaries(CALIBRATION_END, PeriodUnit.DAY).getFirst().recency()).isEqualTo(30.0);
		assertThat(history.summaries(CALIBRATION_END, PeriodUnit.WEEK).getFirst().recency()).isCloseTo(30 / 7.0, within(1e-12));
		assertThat(history.summaries(CALIBRATION_END, PeriodUnit.MONTH).getFirst().recency()).isCloseTo(30 / 30.436875, within(1e-12));
	}

	@Test
	void calibrationStopsAtItsEndAndTheHoldoutCountsWhatCameAfter() {
		var history = PurchaseHistory.of(List.of(
				Purchase.of("em", JAN_1, 5),
				Purchase.of("em", CALIBRATION_END, 5),
				Purchase.of("em", CALIBRATION_END.plusDays(1), 5),
				Purchase.of("em", CALIBRATION_END.plusDays(1), 7),
				Purchase.of("em", CALIBRATION_END.plusDays(10), 5),
				Purchase.of("em", CALIBRATION_END.plusDays(40), 5),
				Purchase.of("gia", CALIBRATION_END.plusDays(2), 5),
				Purchase.of("hoa", JAN_1, 5)));

		var summaries = history.summaries(CALIBRATION_END, PeriodUnit.WEEK);
		var holdout = history.holdoutPurchases(CALIBRATION_END, CALIBRATION_END.plusDays(10));

		assertThat(summaries).extracting(CustomerSummary::customer).containsExactly("em", "hoa");
		assertThat(summaries.getFirst().frequency()).isEqualTo(1);
		assertThat(holdout).containsOnlyKeys("em", "hoa").containsEntry("em", 2).containsEntry("hoa", 0);
	}
}
