package org.sencrm.sales.contract;

import java.util.Map;

import org.sencrm.identity.Access;
import org.sencrm.platform.History;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-workspace sales settings: how many days before a contract's renewal date its reminder task is made (default 30). */
@Service
public class SalesSettings {

	public static final int DEFAULT_RENEWAL_REMINDER_DAYS = 30;

	public record Settings(int renewalReminderDays) {
	}

	private final JdbcClient jdbc;
	private final Access access;
	private final History history;

	SalesSettings(JdbcClient jdbc, Access access, History history) {
		this.jdbc = jdbc;
		this.access = access;
		this.history = history;
	}

	@Transactional(readOnly = true)
	public Settings get() {
		return jdbc.sql("select renewal_reminder_days from sales_settings where workspace_id = :ws")
				.param("ws", WorkspaceContext.workspaceId()).query(Integer.class).optional()
				.map(Settings::new).orElse(new Settings(DEFAULT_RENEWAL_REMINDER_DAYS));
	}

	@Transactional
	public Settings update(Settings settings) {
		access.requireAdmin();
		if (settings.renewalReminderDays() < 1 || settings.renewalReminderDays() > 365) {
			throw new ValidationException(java.util.List.of(new ValidationException.FieldProblem("renewalReminderDays",
					"validation.sales.reminder-days")));
		}
		var before = get();
		jdbc.sql("""
				insert into sales_settings (workspace_id, renewal_reminder_days) values (:ws, :days)
				on conflict (workspace_id) do update set renewal_reminder_days = :days, version = sales_settings.version + 1""")
				.param("ws", WorkspaceContext.workspaceId()).param("days", settings.renewalReminderDays()).update();
		history.updated("sales_settings", WorkspaceContext.workspaceId(), Map.of("renewalReminderDays", before.renewalReminderDays()),
				Map.of("renewalReminderDays", settings.renewalReminderDays()));
		return get();
	}
}
