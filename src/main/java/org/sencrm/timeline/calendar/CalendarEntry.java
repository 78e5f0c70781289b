package org.sencrm.timeline.calendar;

import java.time.Instant;
import java.util.UUID;

/** A meeting or a task with a due time, as the calendar shows it. */
public record CalendarEntry(String kind, UUID id, String title, Instant start, Instant end, String place, UUID personId,
		UUID organizationId) {
}
