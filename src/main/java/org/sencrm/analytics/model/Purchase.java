package org.sencrm.analytics.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One order as the models read it: whose, on which calendar day, for how much (in the workspace's
 * currency, already converted), and whether it was cancelled.
 */
public record Purchase(String customer, LocalDate date, double amount, boolean cancelled) {

	public Purchase {
		Objects.requireNonNull(customer, "customer");
		Objects.requireNonNull(date, "date");
		if (!Double.isFinite(amount) || amount < 0) {
			throw new IllegalArgumentException("amount must be a finite number ≥ 0: " + amount);
		}
	}

	public static Purchase of(String customer, LocalDate date, double amount) {
		return new Purchase(customer, date, amount, false);
	}
}
