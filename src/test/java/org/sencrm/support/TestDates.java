package org.sencrm.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Dates relative to the day the tests run, in the test workspaces' time zone, so that no test
 * expires: a fixed "tomorrow" written into a test becomes "yesterday" one day later.
 */
public final class TestDates {

	/** The time zone of the workspaces the tests make (the product's default). */
	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private TestDates() {
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	public static LocalDate daysFromNow(int days) {
		return today().plusDays(days);
	}

	/** A local date-time as a {@code datetime-local} input takes it ({@code yyyy-MM-ddTHH:mm}). */
	public static String inputValue(LocalDateTime dateTime) {
		return dateTime.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
	}
}
