package org.sencrm.timeline.email;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.timeline.activity.Activities;
import org.sencrm.timeline.activity.Activity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs incoming mail on the timelines of the persons it concerns (sender and recipients),
 * threaded by Message-ID and In-Reply-To/References. A message is logged at most once per
 * person (unique Message-ID), so reading a mailbox again never duplicates. Mail from unknown
 * addresses waits in a list until a user creates or links a person.
 */
@Service
public class IncomingEmails {

	private final JdbcClient jdbc;
	private final Customers customers;
	private final Activities activities;
	private final Access access;
	private final Clock clock;

	IncomingEmails(JdbcClient jdbc, Customers customers, Activities activities, Access access, Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.activities = activities;
		this.access = access;
		this.clock = clock;
	}

	/** Logs one message in the caller's transaction; returns how many timelines it was added to. */
	int log(IncomingEmail email) {
		var matches = customers.personsByEmail(email.allAddresses());
		if (matches.isEmpty()) {
			jdbc.sql("""
					insert into unmatched_emails (id, workspace_id, message_id, from_address, from_name, to_addresses, subject, body,
					  received_at, in_reply_to)
					values (:id, :ws, :messageId, :from, :fromName, :to, :subject, :body, :received, :inReplyTo)
					on conflict (workspace_id, message_id) do nothing""")
					.param("id", Ids.next()).param("ws", WorkspaceContext.workspaceId()).param("messageId", email.messageId())
					.param("from", email.fromAddress()).param("fromName", email.fromName())
					.param("to", email.to().toArray(String[]::new)).param("subject", email.subject()).param("body", email.bodyHtml())
					.param("received", java.sql.Timestamp.from(email.receivedAt())).param("inReplyTo", email.inReplyTo())
					.update();
			return 0;
		}
		var thread = thread(email);
		var fromPersons = matches.getOrDefault(email.fromAddress(), List.of());
		int logged = 0;
		for (var person : matches.values().stream().flatMap(List::stream).distinct().toList()) {
			var direction = fromPersons.contains(person) ? "inbound" : "outbound";
			if (activities.record(activity(email, person, direction, thread), null)) {
				logged++;
			}
		}
		return logged;
	}

	@Transactional(readOnly = true)
	public List<UnmatchedEmail> unmatched() {
		return jdbc.sql("select * from unmatched_emails where workspace_id = :ws and resolved_at is null order by received_at desc limit 200")
				.param("ws", WorkspaceContext.workspaceId()).query(IncomingEmails::unmatchedEmail).list();
	}

	/** Links an unknown sender to a person (adding the address to the person) and logs the message on their timeline. */
	@Transactional
	public void link(UUID unmatchedId, UUID personId) {
		access.requireWrite();
		var email = unmatchedEmail(unmatchedId);
		customers.addEmail(personId, email.fromAddress());
		resolve(email);
	}

	/** Creates a person from an unknown sender and logs the message on their timeline. */
	@Transactional
	public UUID createPerson(UUID unmatchedId) {
		access.requireWrite();
		var email = unmatchedEmail(unmatchedId);
		var person = customers.createPersonFromEmail(email.fromName(), email.fromAddress(), "email");
		resolve(email);
		return person;
	}

	private void resolve(UnmatchedEmail email) {
		log(new IncomingEmail(email.messageId(), null, List.of(), email.fromAddress(), email.fromName(), email.to(), email.subject(),
				email.body(), email.receivedAt()));
		jdbc.sql("update unmatched_emails set resolved_at = now() where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", email.id()).update();
	}

	/** One waiting email by id, however many others wait (the list shows the newest 200). */
	private UnmatchedEmail unmatchedEmail(UUID id) {
		return jdbc.sql("select * from unmatched_emails where workspace_id = :ws and id = :id and resolved_at is null")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).query(IncomingEmails::unmatchedEmail).optional()
				.orElseThrow(() -> new NotFoundException("entity.email"));
	}

	private static UnmatchedEmail unmatchedEmail(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new UnmatchedEmail(rs.getObject("id", UUID.class), rs.getString("message_id"), rs.getString("from_address"),
				rs.getString("from_name"), List.of((String[]) rs.getArray("to_addresses").getArray()), rs.getString("subject"),
				rs.getString("body"), rs.getTimestamp("received_at").toInstant());
	}

	private String thread(IncomingEmail email) {
		if (email.inReplyTo() != null) {
			var thread = activities.threadOf(email.inReplyTo());
			if (thread.isPresent()) {
				return thread.get();
			}
		}
		for (var reference : email.references()) {
			var thread = activities.threadOf(reference);
			if (thread.isPresent()) {
				return thread.get();
			}
		}
		return email.inReplyTo() != null ? email.inReplyTo() : email.messageId();
	}

	private Activity activity(IncomingEmail email, UUID person, String direction, String thread) {
		return new Activity(Ids.next(), "email", person, null, null, null, email.subject(), email.bodyHtml(), email.receivedAt(),
				null, null, direction, null, null, null, null, List.of(), List.of(), "imap", email.messageId(), email.inReplyTo(),
				thread, email.fromAddress(), email.to(), List.of(), Instant.now(clock), 0);
	}
}
