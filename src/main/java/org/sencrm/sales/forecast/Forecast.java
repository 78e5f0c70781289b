package org.sencrm.sales.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The sales forecast of one period in one currency (docs/decisions/0012): what is won already,
 * the open pipeline weighted by stage probability, commit (won plus open deals in stages of at
 * least {@link Forecasts#COMMIT_PROBABILITY}%), best case (won plus every open deal), and a
 * forecast from the trend of past bookings; per owner and per team, with quotas and attainment.
 */
public record Forecast(String period, String currency, Figures total, BigDecimal fromHistory, List<MonthlyBookings> history,
		List<Row> byOwner, List<Row> byTeam, long otherCurrencyDeals) {

	/** Amounts of one slice (the whole period, one owner or one team). */
	public record Figures(BigDecimal closedWon, BigDecimal weighted, BigDecimal commit, BigDecimal bestCase, long openDeals,
			long wonDeals, BigDecimal quota, BigDecimal attainmentPercent) {
	}

	/** One owner's or one team's figures; {@code id} is null for deals of no team. */
	public record Row(UUID id, String name, Figures figures) {
	}

	/** Closed-won amounts of one past month, the input of {@link #fromHistory}. */
	public record MonthlyBookings(YearMonth month, BigDecimal amount) {
	}
}
