package org.sencrm.timeline.task;

import java.time.Clock;
import java.util.UUID;

import org.sencrm.identity.AllWorkspaces;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.timeline.notification.Notifications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds assignees of tasks that fall due: once per task, through the in-app bell. Each task is
 * claimed by an update that sets {@code reminded_at}, so two app nodes never remind twice.
 */
@Component
public class Reminders {

	private final JdbcClient jdbc;
	private final AllWorkspaces workspaces;
	private final Notifications notifications;
	private final TransactionTemplate transactions;
	private final Clock clock;

	Reminders(JdbcClient jdbc, AllWorkspaces workspaces, Notifications notifications, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.workspaces = workspaces;
		this.notifications = notifications;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${sen.jobs.reminders-every:PT1M}", initialDelayString = "PT30S")
	public void remindAll() {
		for (var workspace : workspaces.ids()) {
			remind(workspace);
		}
	}

	/** Sends the reminders now due in one workspace; returns how many. */
	public int remind(UUID workspaceId) {
		return WorkspaceContext.callAsSystem(workspaceId, () -> transactions.execute(status -> {
			record Due(UUID id, UUID assignee, String title, UUID person, UUID organization) {
			}
			var due = jdbc.sql("""
					update tasks set reminded_at = :now
					where workspace_id = :ws and status = 'open' and reminded_at is null and due_at <= :now
					returning id, assignee_id, title, person_id, organization_id""")
					.param("ws", workspaceId).param("now", java.sql.Timestamp.from(clock.instant()))
					.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
							rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)))
					.list();
			for (var task : due) {
				var link = task.person() != null ? "/persons/" + task.person()
						: task.organization() != null ? "/organizations/" + task.organization() : "/tasks";
				notifications.notify(task.assignee(), "task-due", task.title(), link);
			}
			return due.size();
		}));
	}
}
