package org.sencrm.timeline;

import java.time.Instant;
import java.util.UUID;

import org.sencrm.timeline.task.TaskDraft;
import org.sencrm.timeline.task.Tasks;
import org.springframework.stereotype.Component;

/**
 * Tasks that other modules hand to users (sales: "renew contract C-2026-0003"). Made as the
 * system in the caller's transaction and workspace, linked to the caller's record; they then
 * behave as any task (My tasks, reminders, the customer's panel).
 */
@Component
public class FollowUpTasks {

	/**
	 * @param assigneeId the user who should do it
	 * @param personId   the customer person it is about, or null
	 * @param organizationId the customer organization, or null
	 * @param recordType the calling module's record ("contract"), with {@code recordId}
	 */
	public record FollowUp(String title, String notes, Instant dueAt, UUID assigneeId, UUID personId, UUID organizationId,
			String priority, String recordType, UUID recordId) {
	}

	private final Tasks tasks;

	FollowUpTasks(Tasks tasks) {
		this.tasks = tasks;
	}

	/** Creates the task and returns its id. */
	public UUID create(FollowUp followUp) {
		return tasks.createForSystem(new TaskDraft(followUp.title(), followUp.notes(), followUp.dueAt(), followUp.assigneeId(),
				followUp.personId(), followUp.organizationId(), followUp.priority(), null), followUp.recordType(),
				followUp.recordId()).id();
	}
}
