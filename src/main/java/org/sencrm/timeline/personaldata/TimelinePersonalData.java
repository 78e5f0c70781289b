package org.sencrm.timeline.personaldata;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.sencrm.directory.PersonalData;
import org.sencrm.platform.History;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.timeline.activity.RichText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The timeline's part of a person's personal data (emails aside, see {@link EmailPersonalData}):
 * notes, calls, meetings, messages and visits on their timeline with their text and files' names,
 * meetings they attended elsewhere, and tasks about them. An erasure deletes the entries and tasks
 * about them — notes about a person are personal data, their text cannot be told apart from them —
 * takes them off the attendee lists of other meetings, blanks their names, emails and phones where
 * other entries and tasks quote them, and deletes the notifications that name them.
 */
@Component
class TimelinePersonalData implements PersonalData.Holder {

	record Entry(String type, Instant occurredAt, String subject, String text, String direction, Integer durationSeconds,
			String outcome, Instant endsAt, String place, String author, String source, List<String> files) {
	}

	record Attended(String type, Instant occurredAt, String subject, String place) {
	}

	record Task(String title, String notes, Instant dueAt, String priority, String status, String assignee,
			Instant completedAt, Instant createdAt) {
	}

	private final JdbcClient jdbc;
	private final TimelineErasure erasure;

	TimelinePersonalData(JdbcClient jdbc, TimelineErasure erasure) {
		this.jdbc = jdbc;
		this.erasure = erasure;
	}

	@Override
	public String section() {
		return "timeline";
	}

	@Override
	public Object export(PersonalData.Subject subject) {
		var ws = WorkspaceContext.workspaceId();
		var entries = jdbc.sql("""
				select a.type, a.occurred_at, a.subject, a.body, a.direction, a.duration_seconds, a.outcome, a.ends_at, a.place,
				  u.display_name as author, a.source,
				  array(select f.file_name from attachments f where f.workspace_id = a.workspace_id and f.activity_id = a.id
				        order by f.created_at) as files
				from activities a left join users u on u.id = a.author_id
				where a.workspace_id = :ws and a.person_id = :person and a.type <> 'email'
				order by a.occurred_at, a.id""")
				.param("ws", ws).param("person", subject.personId())
				.query((rs, n) -> new Entry(rs.getString("type"), instant(rs.getTimestamp("occurred_at")), rs.getString("subject"),
						RichText.plain(rs.getString("body")), rs.getString("direction"), rs.getObject("duration_seconds", Integer.class),
						rs.getString("outcome"), instant(rs.getTimestamp("ends_at")), rs.getString("place"), rs.getString("author"),
						rs.getString("source"), List.of((String[]) rs.getArray("files").getArray())))
				.list();
		var attended = jdbc.sql("""
				select a.type, a.occurred_at, a.subject, a.place from activity_attendees t
				  join activities a on a.workspace_id = t.workspace_id and a.id = t.activity_id
				where t.workspace_id = :ws and t.person_id = :person and a.person_id is distinct from :person
				order by a.occurred_at""")
				.param("ws", ws).param("person", subject.personId())
				.query((rs, n) -> new Attended(rs.getString("type"), instant(rs.getTimestamp("occurred_at")), rs.getString("subject"),
						rs.getString("place")))
				.list();
		var tasks = jdbc.sql("""
				select t.title, t.notes, t.due_at, t.priority, t.status, u.display_name as assignee, t.completed_at, t.created_at
				from tasks t left join users u on u.id = t.assignee_id
				where t.workspace_id = :ws and t.person_id = :person order by t.created_at, t.id""")
				.param("ws", ws).param("person", subject.personId())
				.query((rs, n) -> new Task(rs.getString("title"), rs.getString("notes"), instant(rs.getTimestamp("due_at")),
						rs.getString("priority"), rs.getString("status"), rs.getString("assignee"),
						instant(rs.getTimestamp("completed_at")), instant(rs.getTimestamp("created_at"))))
				.list();
		var section = new LinkedHashMap<String, Object>();
		section.put("activities", entries);
		section.put("attended", attended);
		section.put("tasks", tasks);
		return section;
	}

	@Override
	public int erase(PersonalData.Subject subject, PersonalData.Erasure erasure) {
		var ws = WorkspaceContext.workspaceId();
		var person = subject.personId();
		var personal = subject.identifying().toArray(String[]::new);
		var activities = jdbc.sql("select id from activities where workspace_id = :ws and person_id = :person and type <> 'email'")
				.param("ws", ws).param("person", person).query(UUID.class).list();
		erasure.historyOf(activities);
		var erased = this.erasure.deleteActivities(activities);
		erased += jdbc.sql("delete from activity_attendees where workspace_id = :ws and person_id = :person")
				.param("ws", ws).param("person", person).update();
		var tasks = jdbc.sql("delete from tasks where workspace_id = :ws and person_id = :person returning id")
				.param("ws", ws).param("person", person).query(UUID.class).list();
		erasure.historyOf(tasks);
		erased += tasks.size();
		erased += jdbc.sql("""
				update activities set subject = sen_redact(subject, :personal, :marker), body = sen_redact(body, :personal, :marker),
				  place = sen_redact(place, :personal, :marker), outcome = sen_redact(outcome, :personal, :marker)
				where workspace_id = :ws and (sen_mentions(subject, :personal) or sen_mentions(body, :personal)
				  or sen_mentions(place, :personal) or sen_mentions(outcome, :personal))""")
				.param("ws", ws).param("personal", personal).param("marker", History.ERASED).update();
		erased += jdbc.sql("""
				update tasks set title = sen_redact(title, :personal, :marker), notes = sen_redact(notes, :personal, :marker)
				where workspace_id = :ws and (sen_mentions(title, :personal) or sen_mentions(notes, :personal))""")
				.param("ws", ws).param("personal", personal).param("marker", History.ERASED).update();
		erased += jdbc.sql("""
				delete from notifications
				where workspace_id = :ws and (link = :link or sen_mentions(text, :personal))""")
				.param("ws", ws).param("link", "/persons/" + person).param("personal", personal).update();
		return erased;
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
