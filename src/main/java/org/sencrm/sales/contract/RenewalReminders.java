package org.sencrm.sales.contract;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import org.sencrm.identity.AllWorkspaces;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.platform.web.Languages;
import org.sencrm.timeline.FollowUpTasks;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily contract round: active contracts whose renewal date is within the workspace's reminder
 * window (default 30 days) get a task for their owner, due on the renewal date; contracts past
 * their end become expired. Each contract is claimed by an update that sets
 * {@code renewal_reminded_at}, in the same transaction as its task, so no contract is reminded
 * twice, also with several app nodes. Changing the renewal date clears the mark.
 */
@Component
public class RenewalReminders {

	private final JdbcClient jdbc;
	private final AllWorkspaces workspaces;
	private final UserDirectory users;
	private final SalesSettings settings;
	private final FollowUpTasks tasks;
	private final MessageSource messages;
	private final TransactionTemplate transactions;
	private final Clock clock;

	RenewalReminders(JdbcClient jdbc, AllWorkspaces workspaces, UserDirectory users, SalesSettings settings,
			FollowUpTasks tasks, MessageSource messages, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.workspaces = workspaces;
		this.users = users;
		this.settings = settings;
		this.tasks = tasks;
		this.messages = messages;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(cron = "${sen.jobs.contract-renewals-cron:0 15 6 * * *}")
	public void runAll() {
		for (var workspace : workspaces.ids()) {
			run(workspace);
		}
	}

	/** One workspace's round; returns how many reminder tasks it made. */
	public int run(UUID workspaceId) {
		return WorkspaceContext.callAsSystem(workspaceId, () -> transactions.execute(status -> {
			var workspace = users.workspace();
			var zone = ZoneId.of(workspace.timeZone());
			var today = workspace.today(clock);
			jdbc.sql("""
					update contracts set status = 'expired', updated_at = now(), version = version + 1
					where workspace_id = :ws and status = 'active' and end_date < :today""")
					.param("ws", workspaceId).param("today", today).update();
			record Due(UUID id, String number, String title, LocalDate renewalDate, UUID owner, UUID person, UUID organization,
					String customer) {
			}
			var due = jdbc.sql("""
					update contracts set renewal_reminded_at = now()
					where workspace_id = :ws and status = 'active' and renewal_reminded_at is null
					  and renewal_date <= :horizon
					returning id, number, title, renewal_date, owner_id, person_id, organization_id, customer_name""")
					.param("ws", workspaceId).param("horizon", today.plusDays(settings.get().renewalReminderDays()))
					.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
							rs.getObject(4, LocalDate.class), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
							rs.getObject(7, UUID.class), rs.getString(8)))
					.list();
			var language = workspace.defaultLanguage();
			var locale = Languages.supported(language) ? Locale.forLanguageTag(language) : Languages.SUPPORTED.getFirst();
			for (var contract : due) {
				var title = messages.getMessage("contract.reminder.title", new Object[] {contract.number(), contract.title()}, locale);
				var notes = messages.getMessage("contract.reminder.notes",
						new Object[] {contract.customer() == null ? "—" : contract.customer(), contract.renewalDate().toString()}, locale);
				var dueAt = contract.renewalDate().atTime(LocalTime.of(9, 0)).atZone(zone).toInstant();
				var taskId = tasks.create(new FollowUpTasks.FollowUp(title, notes, dueAt, contract.owner(), contract.person(),
						contract.organization(), "high", "contract", contract.id()));
				jdbc.sql("update contracts set renewal_task_id = :task where workspace_id = :ws and id = :id")
						.param("task", taskId).param("ws", workspaceId).param("id", contract.id()).update();
			}
			return due.size();
		}));
	}
}
