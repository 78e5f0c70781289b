package org.sencrm.analytics.model;

/**
 * What the models predict for one customer over a horizon: P(alive) at the calibration end, the expected
 * number of purchases in the horizon, the expected amount of each, and the predicted lifetime value (the
 * discounted expected margin). {@code populationPrediction} marks a customer with too little history of
 * their own: their numbers are those of a new customer of the population.
 */
public record CustomerValue(String customer, double probabilityAlive, double expectedPurchases,
		double expectedAverageOrderValue, double lifetimeValue, boolean populationPrediction) {
}
