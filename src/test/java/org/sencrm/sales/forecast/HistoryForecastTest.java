package org.sencrm.sales.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The forecast from past bookings (decision 0012), on numbers small enough to check by hand. */
class HistoryForecastTest {

	@Test
	void aRisingLineGoesOnRising() {
		var history = months("20000000", "30000000", "40000000");
		// 20, 30, 40 million from October: January to March 50 + 60 + 70 million.
		assertThat(Forecasts.fromHistory(history, Period.parse("2020-Q1", "period"), "VND")).isEqualByComparingTo("180000000");
	}

	@Test
	void theLineNeverForecastsLessThanNothing() {
		var history = months("90000000", "40000000", "10000000");
		// Falling about 40 M a month: January −18.3 M, February −58.3 M, March −98.3 M: nothing, not less.
		assertThat(Forecasts.fromHistory(history, Period.parse("2020-Q1", "period"), "VND")).isEqualByComparingTo("0");
	}

	@Test
	void fewerThanThreeMonthsGiveTheirAverageAndNoneGiveNothing() {
		assertThat(Forecasts.fromHistory(months("10.00", "20.01"), Period.parse("2020-Q1", "period"), "USD"))
				.isEqualByComparingTo("45.02");
		assertThat(Forecasts.fromHistory(List.of(), Period.parse("2020-01", "period"), "VND")).isNull();
	}

	@Test
	void periodsAreMonthsOrQuarters() {
		var q4 = Period.parse("2019-q4", "period");
		assertThat(q4.start()).hasToString("2019-10-01");
		assertThat(q4.end()).hasToString("2020-01-01");
		assertThat(q4.next().label()).isEqualTo("2020-Q1");
		assertThat(Period.parse("2020-02", "period").previous().label()).isEqualTo("2020-01");
	}

	private static List<Forecast.MonthlyBookings> months(String... amounts) {
		var first = YearMonth.of(2019, 10);
		return java.util.stream.IntStream.range(0, amounts.length)
				.mapToObj(i -> new Forecast.MonthlyBookings(first.plusMonths(i), new BigDecimal(amounts[i]))).toList();
	}
}
