package org.sencrm.timeline.task;

import java.time.Instant;
import java.util.UUID;

/** What a user or API client submits to create or change a task. */
public record TaskDraft(String title, String notes, Instant dueAt, UUID assigneeId, UUID personId, UUID organizationId,
		String priority, Integer repeatEveryDays) {
}
