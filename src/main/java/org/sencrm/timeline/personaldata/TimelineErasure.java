package org.sencrm.timeline.personaldata;

import java.util.Collection;
import java.util.UUID;

import org.sencrm.platform.WorkspaceContext;
import org.sencrm.timeline.activity.Attachments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removing timeline entries for good when a person's personal data is erased: each with its files,
 * its attendees and the outgoing emails it logged. Cascades are not relied on (the trash changes
 * them); every row that would name the entry goes explicitly.
 */
@Component
public class TimelineErasure {

	private final JdbcClient jdbc;
	private final Attachments attachments;

	TimelineErasure(JdbcClient jdbc, Attachments attachments) {
		this.jdbc = jdbc;
		this.attachments = attachments;
	}

	/** Deletes these activities and what hangs on them; returns how many activities were deleted. */
	public int deleteActivities(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		var ws = WorkspaceContext.workspaceId();
		var array = ids.toArray(UUID[]::new);
		jdbc.sql("delete from outgoing_emails where workspace_id = :ws and activity_id = any(:ids)")
				.param("ws", ws).param("ids", array).update();
		attachments.eraseOf(ids);
		jdbc.sql("delete from activity_attendees where workspace_id = :ws and activity_id = any(:ids)")
				.param("ws", ws).param("ids", array).update();
		return jdbc.sql("delete from activities where workspace_id = :ws and id = any(:ids)")
				.param("ws", ws).param("ids", array).update();
	}
}
