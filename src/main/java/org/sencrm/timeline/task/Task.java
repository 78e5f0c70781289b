package org.sencrm.timeline.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A to-do for a user, usually about a customer; may repeat every N days after it is done. */
public record Task(UUID id, String title, String notes, Instant dueAt, UUID assigneeId, String assigneeName, UUID personId,
		UUID organizationId, String priority, String status, Integer repeatEveryDays, Instant completedAt, UUID createdBy,
		Instant createdAt, int version) {

	public static final List<String> PRIORITIES = List.of("low", "normal", "high");

	public boolean overdue(Instant now) {
		return "open".equals(status) && dueAt != null && dueAt.isBefore(now);
	}
}
