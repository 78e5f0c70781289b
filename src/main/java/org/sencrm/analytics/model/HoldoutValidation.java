package org.sencrm.analytics.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How well a model fitted on a calibration period predicted the holdout period after it, as the BG/NBD
 * paper checks it: by number of calibration repeat purchases (its Figure 4) and the cumulative repeat
 * purchases week by week (its Figure 2). Plain data, for the API and the charts.
 */
public final class HoldoutValidation {

	/** The last group holds every customer with this many calibration repeat purchases or more. */
	public static final int LAST_GROUP = 7;

	/**
	 * The customers with {@code repeatPurchases} calibration repeat purchases ({@code orMore}: that many or
	 * more) and their mean number of holdout purchases, actual and predicted.
	 */
	public record RepeatPurchaseGroup(int repeatPurchases, boolean orMore, int customers, double actual, double predicted) {
	}

	/**
	 * Repeat purchases of the customers acquired up to the calibration end, from the first day of their
	 * cohort (time 0) to time 7 × {@code week} days, i.e. on days up to and including {@code end} — the
	 * convention of the summaries, where a purchase on the calibration end day is inside the calibration
	 * and T counts the days to it. {@code holdout}: the week ends after the calibration end.
	 */
	public record WeeklyTotal(int week, LocalDate end, boolean holdout, double actual, double predicted) {
	}

	private HoldoutValidation() {
	}

	/**
	 * Mean holdout purchases per number of calibration repeat purchases (0, 1, …, 7+): actual, and predicted by
	 * E[Y(t) | x, t_x, T] with t the holdout's length in the model's unit.
	 */
	public static List<RepeatPurchaseGroup> byRepeatPurchases(BgNbdModel model, List<CustomerSummary> calibration,
			Map<String, Integer> holdoutPurchases, double holdoutLength) {
		int[] customers = new int[LAST_GROUP + 1];
		double[] actual = new double[LAST_GROUP + 1];
		double[] predicted = new double[LAST_GROUP + 1];
		for (var customer : calibration) {
			int group = Math.min(customer.frequency(), LAST_GROUP);
			customers[group]++;
			actual[group] += holdoutPurchases.getOrDefault(customer.customer(), 0);
			predicted[group] += model.expectedPurchases(holdoutLength, customer);
		}
		var groups = new ArrayList<RepeatPurchaseGroup>();
		for (int x = 0; x <= LAST_GROUP; x++) {
			int n = customers[x];
			groups.add(new RepeatPurchaseGroup(x, x == LAST_GROUP, n, n == 0 ? 0 : actual[x] / n, n == 0 ? 0 : predicted[x] / n));
		}
		return groups;
	}

	/**
	 * Cumulative repeat purchases week by week from the day the first customer bought to the holdout end, of
	 * the customers who bought by the calibration end: actual, and predicted as Σ E[X(t − sᵢ)] over the
	 * customers, sᵢ being the day of their first purchase (the unconditional expectation, as in the paper).
	 * The last week may be shorter (it ends at the holdout end).
	 */
	public static List<WeeklyTotal> cumulativeByWeek(BgNbdModel model, PurchaseHistory history, LocalDate calibrationEnd,
			LocalDate holdoutEnd, PeriodUnit unit) {
		LocalDate start = null;
		for (var customer : history.customers()) {
			var days = history.purchaseDays(customer);
			if (!days.firstKey().isAfter(calibrationEnd) && (start == null || days.firstKey().isBefore(start))) {
				start = days.firstKey();
			}
		}
		if (start == null) {
			return List.of();
		}
		int totalDays = (int) ChronoUnit.DAYS.between(start, holdoutEnd);
		int[] firstPurchasesOnDay = new int[totalDays + 1];
		int[] repeatPurchasesOnDay = new int[totalDays + 1];
		for (var customer : history.customers()) {
			var days = history.purchaseDays(customer);
			if (days.firstKey().isAfter(calibrationEnd)) {
				continue;
			}
			firstPurchasesOnDay[(int) ChronoUnit.DAYS.between(start, days.firstKey())]++;
			for (var day : days.subMap(days.firstKey(), false, holdoutEnd, true).keySet()) {
				repeatPurchasesOnDay[(int) ChronoUnit.DAYS.between(start, day)]++;
			}
		}
		// E[X(t)] depends on the days since the first purchase only: once per day count
		double[] expectedAfterDays = new double[totalDays + 1];
		for (int d = 1; d <= totalDays; d++) {
			expectedAfterDays[d] = model.expectedPurchases(unit.fromDays(d));
		}
		var totals = new ArrayList<WeeklyTotal>();
		double actual = 0;
		int counted = -1;
		int calibrationDays = (int) ChronoUnit.DAYS.between(start, calibrationEnd);
		for (int week = 1; counted < totalDays; week++) {
			int end = Math.min(7 * week, totalDays);
			for (int d = counted + 1; d <= end; d++) {
				actual += repeatPurchasesOnDay[d];
			}
			counted = end;
			double predicted = 0;
			for (int s = 0; s < end; s++) {
				predicted += firstPurchasesOnDay[s] * expectedAfterDays[end - s];
			}
			totals.add(new WeeklyTotal(week, start.plusDays(end), end > calibrationDays, actual, predicted));
		}
		return totals;
	}
}
