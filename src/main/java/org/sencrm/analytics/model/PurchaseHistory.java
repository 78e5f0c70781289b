package org.sencrm.analytics.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Customers' purchase days: orders on the same calendar day are one purchase (their amounts summed),
 * an order of zero value is a purchase, a cancelled order is none. From it come the summaries the
 * models are fitted on (up to a calibration end) and what happened after (the holdout).
 */
public final class PurchaseHistory {

	private final Map<String, NavigableMap<LocalDate, Double>> days;

	private PurchaseHistory(Map<String, NavigableMap<LocalDate, Double>> days) {
		this.days = days;
	}

	public static PurchaseHistory of(Iterable<Purchase> purchases) {
		var days = new LinkedHashMap<String, NavigableMap<LocalDate, Double>>();
		for (var purchase : purchases) {
			if (!purchase.cancelled()) {
				days.computeIfAbsent(purchase.customer(), c -> new TreeMap<>()).merge(purchase.date(), purchase.amount(), Double::sum);
			}
		}
		return new PurchaseHistory(days);
	}

	/** Customers with at least one purchase, in the order first seen. */
	public List<String> customers() {
		return List.copyOf(days.keySet());
	}

	/** A customer's purchase days and the amount bought on each, oldest first (empty when none). */
	public NavigableMap<LocalDate, Double> purchaseDays(String customer) {
		return Collections.unmodifiableNavigableMap(days.getOrDefault(customer, new TreeMap<>()));
	}

	/**
	 * The summary of every customer whose first purchase is on or before the calibration end, from their
	 * purchases up to and including that day.
	 */
	public List<CustomerSummary> summaries(LocalDate calibrationEnd, PeriodUnit unit) {
		var summaries = new ArrayList<CustomerSummary>(days.size());
		days.forEach((customer, purchases) -> {
			var calibration = purchases.headMap(calibrationEnd, true);
			if (calibration.isEmpty()) {
				return;
			}
			var first = calibration.firstKey();
			var last = calibration.lastKey();
			int frequency = calibration.size() - 1;
			double repeatSpend = 0;
			for (var day : calibration.tailMap(first, false).values()) {
				repeatSpend += day;
			}
			summaries.add(new CustomerSummary(customer, frequency,
					unit.fromDays(ChronoUnit.DAYS.between(first, last)),
					unit.fromDays(ChronoUnit.DAYS.between(first, calibrationEnd)),
					frequency == 0 ? 0 : repeatSpend / frequency, first, last));
		});
		return summaries;
	}

	/**
	 * The purchases (all of them repeat purchases) after the calibration end, up to and including the
	 * holdout end, of every customer who had bought by the calibration end (0 for those who did not buy again).
	 */
	public Map<String, Integer> holdoutPurchases(LocalDate calibrationEnd, LocalDate holdoutEnd) {
		if (holdoutEnd.isBefore(calibrationEnd)) {
			throw new IllegalArgumentException("holdout end " + holdoutEnd + " is before the calibration end " + calibrationEnd);
		}
		var counts = new HashMap<String, Integer>();
		days.forEach((customer, purchases) -> {
			if (!purchases.firstKey().isAfter(calibrationEnd)) {
				counts.put(customer, purchases.subMap(calibrationEnd, false, holdoutEnd, true).size());
			}
		});
		return counts;
	}
}
