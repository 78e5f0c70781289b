package org.sencrm.sales.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.sencrm.sales.currency.Rates;
import org.sencrm.sales.pricing.Money;

/**
 * The sales forecast of one period in one currency (docs/decisions/0012, 0016): what is won already,
 * the open pipeline weighted by stage probability, commit, best case (both by the deals' forecast
 * categories, else their stages' probability), and a forecast from the trend of past bookings; per
 * owner and per team, with quotas and attainment. {@code inBaseCurrency} adds every currency up in
 * the workspace's currency at the rates valid on the period's last day.
 */
public record Forecast(String period, String currency, Figures total, BigDecimal fromHistory, List<MonthlyBookings> history,
		List<Row> byOwner, List<Row> byTeam, long otherCurrencyDeals, InBaseCurrency inBaseCurrency) {

	/**
	 * Amounts of one slice (the whole period, one owner or one team). {@code openDeals} are the
	 * open deals counted; {@code omittedDeals} the open ones their owners left out of the forecast.
	 */
	public record Figures(BigDecimal closedWon, BigDecimal weighted, BigDecimal commit, BigDecimal bestCase, long openDeals,
			long wonDeals, long omittedDeals, BigDecimal quota, BigDecimal attainmentPercent) {

		static Figures zero(String currency) {
			var zero = BigDecimal.ZERO.setScale(Money.digits(currency));
			return new Figures(zero, zero, zero, zero, 0, 0, 0, null, null);
		}

		/** These figures and {@code other}'s added up (same currency); a quota when either has one. */
		Figures plus(Figures other) {
			var quota = quota() == null ? other.quota() : other.quota() == null ? quota() : quota().add(other.quota());
			return new Figures(closedWon.add(other.closedWon), weighted.add(other.weighted), commit.add(other.commit),
					bestCase.add(other.bestCase), openDeals + other.openDeals, wonDeals + other.wonDeals,
					omittedDeals + other.omittedDeals, null, null).withQuota(quota);
		}

		/** With a quota, and the attainment: closed won / quota in percent, one decimal (none for no quota). */
		Figures withQuota(BigDecimal quota) {
			var attainment = quota == null || quota.signum() == 0 ? null
					: closedWon.multiply(BigDecimal.valueOf(100)).divide(quota, 1, RoundingMode.HALF_UP);
			return new Figures(closedWon, weighted, commit, bestCase, openDeals, wonDeals, omittedDeals, quota, attainment);
		}

		/** Every amount converted at {@code rate} into the base currency of {@code rates}; attainment from the converted amounts. */
		Figures converted(Rates rates, BigDecimal rate) {
			return new Figures(rates.toBase(closedWon, rate), rates.toBase(weighted, rate), rates.toBase(commit, rate),
					rates.toBase(bestCase, rate), openDeals, wonDeals, omittedDeals, null, null)
					.withQuota(rates.toBase(quota, rate));
		}

		/** Whether anything counts here: a deal that is not lost, or a quota. */
		boolean anything() {
			return openDeals + wonDeals + omittedDeals > 0 || quota != null;
		}
	}

	/** One owner's or one team's figures; {@code id} is null for deals of no team. */
	public record Row(UUID id, String name, Figures figures) {
	}

	/** Closed-won amounts of one past month, the input of {@link #fromHistory}. */
	public record MonthlyBookings(YearMonth month, BigDecimal amount) {
	}

	/**
	 * The forecast of every currency in the workspace's base {@code currency}, at the rates valid on
	 * {@code rateDate} (the period's last day): the total and each owner's figures against their
	 * quotas (quotas in other currencies converted too). {@code byCurrency} keeps each currency's
	 * own figures with its rate; currencies without a rate are in {@code notConverted} and in no
	 * converted figure.
	 */
	public record InBaseCurrency(String currency, LocalDate rateDate, Figures total, List<Row> byOwner,
			List<CurrencyFigures> byCurrency, List<String> notConverted) {
	}

	/** One currency's figures, its rate on the rate date (1 for the base) and the figures converted (null without a rate). */
	public record CurrencyFigures(String currency, Figures figures, BigDecimal rateToBase, LocalDate rateValidFrom, Figures inBase) {
	}
}
