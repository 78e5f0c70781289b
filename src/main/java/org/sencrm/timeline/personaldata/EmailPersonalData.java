package org.sencrm.timeline.personaldata;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.sencrm.directory.PersonalData;
import org.sencrm.platform.History;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.timeline.activity.RichText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Emails to and from a person: those logged on their timeline (subject, text, addresses, the names
 * of the files — never the files' bytes — and whether it went out or waits in the outbox), and
 * incoming mail from their addresses still waiting for a person. An erasure deletes all of these
 * (with their files and outgoing copies), takes their addresses off other emails' recipient lists,
 * and blanks their names, emails and phones where other emails quote them.
 */
@Component
class EmailPersonalData implements PersonalData.Holder {

	record Email(Instant at, String direction, String from, List<String> to, String subject, String text, List<String> files,
			String status) {
	}

	record Waiting(Instant receivedAt, String from, String fromName, List<String> to, String subject, String text) {
	}

	private final JdbcClient jdbc;
	private final TimelineErasure erasure;

	EmailPersonalData(JdbcClient jdbc, TimelineErasure erasure) {
		this.jdbc = jdbc;
		this.erasure = erasure;
	}

	@Override
	public String section() {
		return "emails";
	}

	@Override
	public Object export(PersonalData.Subject subject) {
		var ws = WorkspaceContext.workspaceId();
		var logged = jdbc.sql("""
				select a.occurred_at, a.direction, a.email_from, a.email_to, a.subject, a.body,
				  array(select f.file_name from attachments f where f.workspace_id = a.workspace_id and f.activity_id = a.id
				        order by f.created_at) as files,
				  (select o.status from outgoing_emails o where o.workspace_id = a.workspace_id and o.activity_id = a.id limit 1) as status
				from activities a
				where a.workspace_id = :ws and a.person_id = :person and a.type = 'email'
				order by a.occurred_at, a.id""")
				.param("ws", ws).param("person", subject.personId())
				.query((rs, n) -> new Email(rs.getTimestamp("occurred_at").toInstant(), rs.getString("direction"),
						rs.getString("email_from"), strings(rs.getArray("email_to")), rs.getString("subject"),
						RichText.plain(rs.getString("body")), strings(rs.getArray("files")), rs.getString("status")))
				.list();
		var waiting = jdbc.sql("""
				select received_at, from_address, from_name, to_addresses, subject, body from unmatched_emails
				where workspace_id = :ws and (lower(from_address) = any(:emails)
				  or exists (select 1 from unnest(to_addresses) a where lower(a) = any(:emails)))
				order by received_at""")
				.param("ws", ws).param("emails", emails(subject))
				.query((rs, n) -> new Waiting(rs.getTimestamp("received_at").toInstant(), rs.getString("from_address"),
						rs.getString("from_name"), strings(rs.getArray("to_addresses")), rs.getString("subject"),
						RichText.plain(rs.getString("body"))))
				.list();
		var section = new LinkedHashMap<String, Object>();
		section.put("logged", logged);
		section.put("waitingForAPerson", waiting);
		return section;
	}

	@Override
	public int erase(PersonalData.Subject subject, PersonalData.Erasure erasure) {
		var ws = WorkspaceContext.workspaceId();
		var emails = emails(subject);
		var personal = subject.identifying().toArray(String[]::new);
		var logged = jdbc.sql("select id from activities where workspace_id = :ws and person_id = :person and type = 'email'")
				.param("ws", ws).param("person", subject.personId()).query(UUID.class).list();
		erasure.historyOf(logged);
		var erased = this.erasure.deleteActivities(logged);
		// copies of mail to them that went out from another timeline (or none)
		erased += jdbc.sql("""
				delete from outgoing_emails
				where workspace_id = :ws and exists (select 1 from unnest(to_addresses) a where lower(a) = any(:emails))""")
				.param("ws", ws).param("emails", emails).update();
		erased += jdbc.sql("delete from unmatched_emails where workspace_id = :ws and lower(from_address) = any(:emails)")
				.param("ws", ws).param("emails", emails).update();
		erased += jdbc.sql("""
				update unmatched_emails
				set to_addresses = array(select a from unnest(to_addresses) a where lower(a) <> all(:emails)),
				    from_name = sen_redact(from_name, :personal, :marker),
				    subject = sen_redact(subject, :personal, :marker), body = sen_redact(body, :personal, :marker)
				where workspace_id = :ws and (exists (select 1 from unnest(to_addresses) a where lower(a) = any(:emails))
				  or sen_mentions(from_name, :personal) or sen_mentions(subject, :personal) or sen_mentions(body, :personal))""")
				.param("ws", ws).param("emails", emails).param("personal", personal).param("marker", History.ERASED).update();
		// emails on other timelines that had them as a sender or a recipient too
		erased += jdbc.sql("""
				update activities
				set email_to = case when email_to is null then null
				                    else array(select a from unnest(email_to) a where lower(a) <> all(:emails)) end,
				    email_from = case when lower(email_from) = any(:emails) then null else email_from end
				where workspace_id = :ws and (lower(email_from) = any(:emails)
				  or exists (select 1 from unnest(email_to) a where lower(a) = any(:emails)))""")
				.param("ws", ws).param("emails", emails).update();
		erased += jdbc.sql("""
				update outgoing_emails set subject = sen_redact(subject, :personal, :marker),
				  body_html = sen_redact(body_html, :personal, :marker)
				where workspace_id = :ws and (sen_mentions(subject, :personal) or sen_mentions(body_html, :personal))""")
				.param("ws", ws).param("personal", personal).param("marker", History.ERASED).update();
		return erased;
	}

	private static String[] emails(PersonalData.Subject subject) {
		return subject.emails().stream().map(e -> e.toLowerCase(Locale.ROOT)).toArray(String[]::new);
	}

	private static List<String> strings(java.sql.Array array) throws java.sql.SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}
}
