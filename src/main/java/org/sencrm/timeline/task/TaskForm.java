package org.sencrm.timeline.task;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.sencrm.platform.ValidationException;

/** The "new task" form; the due time is typed in the workspace's time zone. */
public record TaskForm(String title, String dueAt, UUID assigneeId, String priority, Integer repeatEveryDays) {

	public static TaskForm empty() {
		return new TaskForm(null, null, null, "normal", null);
	}

	public TaskDraft toDraft(UUID personId, UUID organizationId, ZoneId zone) {
		java.time.Instant due = null;
		if (dueAt != null && !dueAt.isBlank()) {
			try {
				due = LocalDateTime.parse(dueAt).atZone(zone).toInstant();
			} catch (DateTimeParseException e) {
				throw new ValidationException(List.of(new ValidationException.FieldProblem("dueAt", "validation.date-time")));
			}
		}
		return new TaskDraft(title, null, due, assigneeId, personId, organizationId, priority, repeatEveryDays);
	}
}
