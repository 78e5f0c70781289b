package org.sencrm.timeline.notification;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** In-app notifications (the bell): mentions in notes and task reminders. */
@Service
public class Notifications {

	private final JdbcClient jdbc;
	private final Access access;

	Notifications(JdbcClient jdbc, Access access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	/** Adds a notification for a user of the current workspace (joins the caller's transaction). */
	public void notify(UUID userId, String kind, String text, String link) {
		jdbc.sql("insert into notifications (id, workspace_id, user_id, kind, text, link) values (:id, :ws, :user, :kind, :text, :link)")
				.param("id", Ids.next()).param("ws", WorkspaceContext.workspaceId()).param("user", userId).param("kind", kind)
				.param("text", text.length() > 300 ? text.substring(0, 297) + "..." : text).param("link", link)
				.update();
	}

	/** Adds the notification unless the user already has one of this kind for this link (a redelivered event). */
	public void notifyOnce(UUID userId, String kind, String text, String link) {
		var exists = jdbc.sql("select exists (select 1 from notifications where workspace_id = :ws and user_id = :user and kind = :kind and link = :link)")
				.param("ws", WorkspaceContext.workspaceId()).param("user", userId).param("kind", kind).param("link", link)
				.query(Boolean.class).single();
		if (!exists) {
			notify(userId, kind, text, link);
		}
	}

	@Transactional(readOnly = true)
	public List<Notification> mine(boolean unreadOnly) {
		return jdbc.sql("select * from notifications where workspace_id = :ws and user_id = :user"
				+ (unreadOnly ? " and read_at is null" : "") + " order by created_at desc limit 100")
				.param("ws", WorkspaceContext.workspaceId()).param("user", access.currentUser().id())
				.query((rs, n) -> new Notification(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("text"),
						rs.getString("link"), rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("read_at"))))
				.list();
	}

	@Transactional(readOnly = true)
	public long unreadCount() {
		return jdbc.sql("select count(*) from notifications where workspace_id = :ws and user_id = :user and read_at is null")
				.param("ws", WorkspaceContext.workspaceId()).param("user", access.currentUser().id()).query(Long.class).single();
	}

	@Transactional
	public void markAllRead() {
		jdbc.sql("update notifications set read_at = now() where workspace_id = :ws and user_id = :user and read_at is null")
				.param("ws", WorkspaceContext.workspaceId()).param("user", access.currentUser().id()).update();
	}

	private static java.time.Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
