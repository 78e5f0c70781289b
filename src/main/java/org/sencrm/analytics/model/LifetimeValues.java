package org.sencrm.analytics.model;

import java.util.Objects;

/**
 * Predicted lifetime value: the expected margin of a customer's purchases over a horizon, discounted at a
 * yearly rate — Σ over the weeks k of the horizon of (E[Y(k)] − E[Y(k − 1)]) × E[M] × margin share /
 * (1 + d)^k, where E[Y] comes from the BG/NBD model, E[M] from the Gamma-Gamma model and d is the weekly
 * rate equivalent to the yearly one ((1 + yearly)^(7 / 365.2425) − 1). The week is the period whatever
 * the model's unit, so the horizon (in weeks) and the discounting do not change with it.
 *
 * <p>A customer first seen less than {@code minimumHistoryWeeks} before the calibration end, or not at all,
 * gets the population prediction: E[X(t)] of a new customer and the population's mean spend, marked.
 */
public final class LifetimeValues {

	/**
	 * @param horizonWeeks how far ahead value counts
	 * @param discountRatePerYear e.g. 0.10 for 10 % a year
	 * @param marginShare the share of revenue that is margin, e.g. 0.3
	 * @param minimumHistoryWeeks below this age (first purchase to calibration end) a customer gets the population prediction
	 */
	public record Settings(int horizonWeeks, double discountRatePerYear, double marginShare, double minimumHistoryWeeks) {

		public Settings {
			if (horizonWeeks < 1 || !(discountRatePerYear >= 0) || !(marginShare >= 0 && marginShare <= 1) || !(minimumHistoryWeeks >= 0)) {
				throw new IllegalArgumentException("invalid lifetime value settings: " + horizonWeeks + " weeks, "
						+ discountRatePerYear + " a year, margin " + marginShare + ", minimum history " + minimumHistoryWeeks);
			}
		}
	}

	private final BgNbdModel purchases;
	private final GammaGammaModel spend;
	private final PeriodUnit unit;
	private final Settings settings;
	private final double[] discountFactors;
	private final double[] populationPurchases;
	/** The end of each week of the horizon in the model's unit (index 0: now). */
	private final double[] horizonTimes;

	public LifetimeValues(BgNbdModel purchases, GammaGammaModel spend, PeriodUnit unit, Settings settings) {
		this.purchases = Objects.requireNonNull(purchases);
		this.spend = Objects.requireNonNull(spend);
		this.unit = Objects.requireNonNull(unit);
		this.settings = Objects.requireNonNull(settings);
		double weeklyRate = Math.pow(1 + settings.discountRatePerYear(), 7 / 365.2425) - 1;
		discountFactors = new double[settings.horizonWeeks() + 1];
		populationPurchases = new double[settings.horizonWeeks() + 1];
		horizonTimes = new double[settings.horizonWeeks() + 1];
		for (int k = 1; k <= settings.horizonWeeks(); k++) {
			horizonTimes[k] = weeks(k);
			discountFactors[k] = Math.pow(1 + weeklyRate, -k);
			populationPurchases[k] = purchases.expectedPurchases(weeks(k));
		}
	}

	/** The prediction for a customer from their calibration summary. */
	public CustomerValue of(CustomerSummary customer) {
		if (customer.age() * unit.days() < settings.minimumHistoryWeeks() * 7) {
			return population(customer.customer());
		}
		double averageOrderValue = spend.expectedAverageOrderValue(customer);
		double[] expected = purchases.expectedPurchases(horizonTimes, customer);
		double before = 0;
		double value = 0;
		for (int k = 1; k <= settings.horizonWeeks(); k++) {
			value += (expected[k] - before) * discountFactors[k];
			before = expected[k];
		}
		return new CustomerValue(customer.customer(), purchases.probabilityAlive(customer), before, averageOrderValue,
				value * averageOrderValue * settings.marginShare(), false);
	}

	/** The population prediction: a new customer's expected purchases and the population's mean spend. */
	public CustomerValue population(String customer) {
		double averageOrderValue = spend.populationMean();
		double value = 0;
		for (int k = 1; k <= settings.horizonWeeks(); k++) {
			value += (populationPurchases[k] - populationPurchases[k - 1]) * discountFactors[k];
		}
		return new CustomerValue(customer, 1, populationPurchases[settings.horizonWeeks()], averageOrderValue,
				value * averageOrderValue * settings.marginShare(), true);
	}

	private double weeks(int k) {
		return k * 7 / unit.days();
	}
}
