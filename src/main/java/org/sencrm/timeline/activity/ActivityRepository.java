package org.sencrm.timeline.activity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Activities and their attendees in PostgreSQL. */
@Repository
class ActivityRepository {

	static final String COLUMNS = """
			a.*, u.display_name as author_name,
			array(select user_id from activity_attendees t where t.activity_id = a.id and t.user_id is not null) as attendee_users,
			array(select person_id from activity_attendees t where t.activity_id = a.id and t.person_id is not null) as attendee_persons""";

	private final JdbcClient jdbc;

	ActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts an activity; false when an entry with the same source reference or Message-ID exists already. */
	boolean insert(Activity a, String sourceRef) {
		var params = new HashMap<String, Object>();
		params.put("id", a.id());
		params.put("ws", WorkspaceContext.workspaceId());
		params.put("type", a.type());
		params.put("person", a.personId());
		params.put("organization", a.organizationId());
		params.put("recordType", a.recordType());
		params.put("recordId", a.recordId());
		params.put("subject", a.subject());
		params.put("body", a.body());
		params.put("occurred", Timestamp.from(a.occurredAt()));
		params.put("author", a.authorId());
		params.put("direction", a.direction());
		params.put("duration", a.durationSeconds());
		params.put("outcome", a.outcome());
		params.put("ends", a.endsAt() == null ? null : Timestamp.from(a.endsAt()));
		params.put("place", a.place());
		params.put("source", a.source());
		params.put("sourceRef", sourceRef);
		params.put("messageId", a.messageId());
		params.put("inReplyTo", a.inReplyTo());
		params.put("threadId", a.threadId());
		params.put("from", a.emailFrom());
		params.put("to", a.emailTo() == null ? null : a.emailTo().toArray(String[]::new));
		var inserted = jdbc.sql("""
				insert into activities (id, workspace_id, type, person_id, organization_id, record_type, record_id, subject, body,
				  occurred_at, author_id, direction, duration_seconds, outcome, ends_at, place, source, source_ref, message_id,
				  in_reply_to, thread_id, email_from, email_to)
				values (:id, :ws, :type, :person, :organization, :recordType, :recordId, :subject, :body, :occurred, :author,
				  :direction, :duration, :outcome, :ends, :place, :source, :sourceRef, :messageId, :inReplyTo, :threadId, :from, :to)
				on conflict do nothing""")
				.params(params).update() == 1;
		if (inserted) {
			insertAttendees(a);
		}
		return inserted;
	}

	private void insertAttendees(Activity a) {
		for (var user : a.attendeeUserIds()) {
			jdbc.sql("insert into activity_attendees (activity_id, workspace_id, user_id) values (:a, :ws, :u)")
					.param("a", a.id()).param("ws", WorkspaceContext.workspaceId()).param("u", user).update();
		}
		for (var person : a.attendeePersonIds()) {
			jdbc.sql("insert into activity_attendees (activity_id, workspace_id, person_id) values (:a, :ws, :p)")
					.param("a", a.id()).param("ws", WorkspaceContext.workspaceId()).param("p", person).update();
		}
	}

	Optional<Activity> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from activities a left join users u on u.id = a.author_id"
				+ " where a.workspace_id = :ws and a.id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.query(ActivityRepository::activity).optional()
				.map(this::withAttachments);
	}

	/** Writes the changed text, time and channel fields if the version is still the stored one; false otherwise. */
	boolean update(Activity a, int expectedVersion) {
		var params = new HashMap<String, Object>();
		params.put("ws", WorkspaceContext.workspaceId());
		params.put("id", a.id());
		params.put("expected", expectedVersion);
		params.put("subject", a.subject());
		params.put("body", a.body());
		params.put("occurred", Timestamp.from(a.occurredAt()));
		params.put("direction", a.direction());
		params.put("duration", a.durationSeconds());
		params.put("outcome", a.outcome());
		params.put("ends", a.endsAt() == null ? null : Timestamp.from(a.endsAt()));
		params.put("place", a.place());
		var updated = jdbc.sql("""
				update activities set subject = :subject, body = :body, occurred_at = :occurred, direction = :direction,
				  duration_seconds = :duration, outcome = :outcome, ends_at = :ends, place = :place, version = version + 1
				where workspace_id = :ws and id = :id and version = :expected""")
				.params(params).update() == 1;
		if (updated) {
			jdbc.sql("delete from activity_attendees where workspace_id = :ws and activity_id = :a")
					.param("ws", WorkspaceContext.workspaceId()).param("a", a.id()).update();
			insertAttendees(a);
		}
		return updated;
	}

	/** The thread an email belongs to: the thread of the message it replies to, if logged. */
	Optional<String> threadOf(String messageId) {
		if (messageId == null) {
			return Optional.empty();
		}
		return jdbc.sql("select thread_id from activities where workspace_id = :ws and message_id = :m and thread_id is not null limit 1")
				.param("ws", WorkspaceContext.workspaceId()).param("m", messageId).query(String.class).optional();
	}

	private Activity withAttachments(Activity a) {
		var files = jdbc.sql("select id, file_name, content_type, size_bytes from attachments where workspace_id = :ws and activity_id = :id order by created_at")
				.param("ws", WorkspaceContext.workspaceId()).param("id", a.id())
				.query((rs, n) -> new Activity.AttachmentInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4)))
				.list();
		return files.isEmpty() ? a : new Activity(a.id(), a.type(), a.personId(), a.organizationId(), a.recordType(), a.recordId(),
				a.subject(), a.body(), a.occurredAt(), a.authorId(), a.authorName(), a.direction(), a.durationSeconds(), a.outcome(),
				a.endsAt(), a.place(), a.attendeeUserIds(), a.attendeePersonIds(), a.source(), a.messageId(), a.inReplyTo(),
				a.threadId(), a.emailFrom(), a.emailTo(), files, a.createdAt(), a.version());
	}

	static Activity activity(ResultSet rs, int row) throws SQLException {
		var ends = rs.getTimestamp("ends_at");
		var duration = rs.getObject("duration_seconds", Integer.class);
		return new Activity(rs.getObject("id", UUID.class), rs.getString("type"), rs.getObject("person_id", UUID.class),
				rs.getObject("organization_id", UUID.class), rs.getString("record_type"), rs.getObject("record_id", UUID.class),
				rs.getString("subject"), rs.getString("body"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getObject("author_id", UUID.class), rs.getString("author_name"), rs.getString("direction"), duration,
				rs.getString("outcome"), ends == null ? null : ends.toInstant(), rs.getString("place"),
				uuids(rs.getArray("attendee_users")), uuids(rs.getArray("attendee_persons")), rs.getString("source"),
				rs.getString("message_id"), rs.getString("in_reply_to"), rs.getString("thread_id"), rs.getString("email_from"),
				strings(rs.getArray("email_to")), List.of(), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}

	private static List<UUID> uuids(Array array) throws SQLException {
		return array == null ? List.of() : List.of((UUID[]) array.getArray());
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}
}
