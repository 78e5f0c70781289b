package org.sencrm.sales.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.sencrm.platform.ValidationException;

/**
 * A forecast period: a month ({@code 2027-01}) or a quarter ({@code 2027-Q1}), from its first day
 * (inclusive) to the first day of the next period (exclusive), in the workspace's calendar.
 */
public record Period(String label, YearMonth firstMonth, int months) {

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");

	/** The period named by {@code text}, or a validation problem on {@code field}. */
	public static Period parse(String text, String field) {
		var value = text == null ? "" : text.strip();
		var quarter = QUARTER.matcher(value);
		if (quarter.matches()) {
			var first = YearMonth.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1);
			return new Period(value.toUpperCase(java.util.Locale.ROOT), first, 3);
		}
		var month = MONTH.matcher(value);
		if (month.matches() && Integer.parseInt(month.group(2)) >= 1 && Integer.parseInt(month.group(2)) <= 12) {
			return new Period(value, YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2))), 1);
		}
		throw new ValidationException(List.of(new ValidationException.FieldProblem(field, "validation.period")));
	}

	/** The quarter that contains {@code day}. */
	public static Period quarterOf(LocalDate day) {
		var quarter = (day.getMonthValue() - 1) / 3 + 1;
		return new Period(day.getYear() + "-Q" + quarter, YearMonth.of(day.getYear(), (quarter - 1) * 3 + 1), 3);
	}

	public boolean isQuarter() {
		return months == 3;
	}

	public LocalDate start() {
		return firstMonth.atDay(1);
	}

	/** The first day after the period. */
	public LocalDate end() {
		return firstMonth.plusMonths(months).atDay(1);
	}

	/** The last day of the period: the day whose exchange rates convert its amounts (decision 16). */
	public LocalDate lastDay() {
		return end().minusDays(1);
	}

	public List<YearMonth> monthList() {
		var list = new ArrayList<YearMonth>();
		for (int i = 0; i < months; i++) {
			list.add(firstMonth.plusMonths(i));
		}
		return list;
	}

	/** The period of the same length just before this one. */
	public Period previous() {
		var first = firstMonth.minusMonths(months);
		return isQuarter() ? quarterOf(first.atDay(1)) : new Period(first.toString(), first, 1);
	}

	/** The period of the same length just after this one. */
	public Period next() {
		var first = firstMonth.plusMonths(months);
		return isQuarter() ? quarterOf(first.atDay(1)) : new Period(first.toString(), first, 1);
	}
}
