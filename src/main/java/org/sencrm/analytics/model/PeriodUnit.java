package org.sencrm.analytics.model;

/**
 * The unit time is measured in by the models: frequencies are counts, but recency, age and horizons are
 * in these units (fractional: a purchase 10 days after the first is 1.43 weeks after it). A month is a
 * twelfth of a mean Gregorian year (30.436875 days), so the unit has one length whatever the calendar.
 */
public enum PeriodUnit {
	DAY(1.0), WEEK(7.0), MONTH(365.2425 / 12.0);

	private final double days;

	PeriodUnit(double days) {
		this.days = days;
	}

	/** The length of one unit in days. */
	public double days() {
		return days;
	}

	/** A number of days in this unit. */
	public double fromDays(long days) {
		return days / this.days;
	}

	/** How many units make a (mean Gregorian) year: 365.2425 days, 52.18 weeks, 12 months. */
	public double perYear() {
		return 365.2425 / days;
	}
}
