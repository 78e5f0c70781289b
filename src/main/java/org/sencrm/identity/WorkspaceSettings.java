package org.sencrm.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Settings of a workspace other modules need: language, time zone, currency, how names are ordered. */
public record WorkspaceSettings(UUID id, String name, String defaultLanguage, String timeZone, String currency,
		String nameOrder) {

	/** Vietnamese order (family, middle, given) for this language? Workspaces may fix one order for all. */
	public boolean familyNameFirst(String language) {
		return switch (nameOrder) {
			case "family_first" -> true;
			case "given_first" -> false;
			default -> !"en".equals(language);
		};
	}

	/** The date it is now in the workspace's time zone: its "today" for due dates, validity and periods. */
	public LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ZoneId.of(timeZone)));
	}
}
