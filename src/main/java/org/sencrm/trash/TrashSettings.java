package org.sencrm.trash;

import java.util.List;
import java.util.Map;

import org.sencrm.identity.Access;
import org.sencrm.platform.History;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many days a trash entry stays restorable before the nightly purge (30 until an administrator
 * changes it; 1 to 3650). Shown and changed on the workspace settings page and by the API.
 */
@Component("trashSettings")
public class TrashSettings {

	public static final int DEFAULT_RETENTION_DAYS = 30;
	static final int MAX_RETENTION_DAYS = 3650;

	private final JdbcClient jdbc;
	private final Access access;
	private final History history;

	TrashSettings(JdbcClient jdbc, Access access, History history) {
		this.jdbc = jdbc;
		this.access = access;
		this.history = history;
	}

	@Transactional(readOnly = true)
	public int retentionDays() {
		return jdbc.sql("select retention_days from trash_settings where workspace_id = :ws")
				.param("ws", WorkspaceContext.workspaceId()).query(Integer.class).optional().orElse(DEFAULT_RETENTION_DAYS);
	}

	/** Administrators: a new retention, which applies to the entries already in the trash too. */
	@Transactional
	public int changeRetention(Integer days) {
		access.requireAdmin();
		if (days == null || days < 1 || days > MAX_RETENTION_DAYS) {
			throw new ValidationException(List.of(
					new ValidationException.FieldProblem("retentionDays", "trash.retention-range", 1, MAX_RETENTION_DAYS)));
		}
		var before = retentionDays();
		jdbc.sql("""
				insert into trash_settings (workspace_id, retention_days) values (:ws, :days)
				on conflict (workspace_id) do update set retention_days = excluded.retention_days,
				  version = trash_settings.version + 1""")
				.param("ws", WorkspaceContext.workspaceId()).param("days", days).update();
		history.updated("trash_settings", WorkspaceContext.workspaceId(), Map.of("retentionDays", before),
				Map.of("retentionDays", days));
		return days;
	}
}
