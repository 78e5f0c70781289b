package org.sencrm.analytics;

import java.math.BigDecimal;

/**
 * How a workspace predicts and groups customer value (table {@code analytics_settings}; defaults
 * when the workspace has not changed them): the yearly discount rate (0.10 = 10 %), the horizon of
 * the predicted lifetime value in weeks, the margin percentage used where products have no cost
 * price, the models' time unit ({@code day}, {@code week}, {@code month}), the A and B value tiers'
 * shares of revenue in percent (C is the rest), and the thresholds of the lifecycle stages at risk
 * and churned: P(alive) below a probability, or, without a model, time since the last order above a
 * factor of the customer's usual time between orders.
 */
public record AnalyticsSettings(BigDecimal discountRatePerYear, int horizonWeeks, BigDecimal marginPercent,
		String timeUnit, BigDecimal tierAPercent, BigDecimal tierBPercent, double atRiskProbability,
		double churnedProbability, BigDecimal atRiskIntervalFactor, BigDecimal churnedIntervalFactor, int version) {

	public static final AnalyticsSettings DEFAULTS = new AnalyticsSettings(new BigDecimal("0.10"), 52,
			new BigDecimal("30"), "week", new BigDecimal("80"), new BigDecimal("15"), 0.5, 0.2, new BigDecimal("2"),
			new BigDecimal("4"), 0);
}
