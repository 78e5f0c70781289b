package org.sencrm.analytics.model;

import java.time.LocalDate;

/**
 * What the models know of a customer at the end of a calibration period (times in the period unit):
 * {@code frequency} x = purchase days − 1 (the repeat purchases), {@code recency} t_x = last − first
 * purchase, {@code age} T = calibration end − first purchase, {@code monetaryValue} = the mean amount of
 * the repeat purchases (0 when x = 0; the first purchase is left out, as in the literature).
 */
public record CustomerSummary(String customer, int frequency, double recency, double age, double monetaryValue,
		LocalDate firstPurchase, LocalDate lastPurchase) {

	public CustomerSummary {
		if (frequency < 0 || recency < 0 || age < recency || monetaryValue < 0) {
			throw new IllegalArgumentException("inconsistent summary for " + customer + ": x=" + frequency
					+ ", t_x=" + recency + ", T=" + age + ", m=" + monetaryValue);
		}
	}

	public boolean isRepeatCustomer() {
		return frequency > 0;
	}
}
