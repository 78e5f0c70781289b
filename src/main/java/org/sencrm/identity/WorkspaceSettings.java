package org.sencrm.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Settings of a workspace other modules need: language, time zone, currency, and the order of
 * names it cannot recognise ({@code nameOrder}: {@code given_first} or {@code family_first}; each
 * person's name has its own order, detected from the name when it is recognised — decision 24).
 */
public record WorkspaceSettings(UUID id, String name, String defaultLanguage, String timeZone, String currency,
		String nameOrder) {

	public static final List<String> NAME_ORDERS = List.of("given_first", "family_first");

	/** The date it is now in the workspace's time zone: its "today" for due dates, validity and periods. */
	public LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ZoneId.of(timeZone)));
	}
}
