package org.sencrm.timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.timeline.activity.Activities;
import org.sencrm.timeline.activity.Activity;
import org.sencrm.timeline.activity.ActivityType;
import org.sencrm.timeline.activity.RichText;
import org.sencrm.timeline.personaldata.TimelineErasure;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Timeline entries about a record of another module that is not (yet) a customer — a lead
 * before it is converted: log them as they happen, read them, and hand them to the customer the
 * record became, so they show on that customer's timeline from then on (they keep naming the
 * record). The caller checks that the user may change the record; this checks that they write at all.
 */
@Component
public class RecordTimeline {

	/** One entry as the record's page shows it: the body as plain text. */
	@Schema(name = "RecordTimelineEntry")
	public record Entry(UUID id, String type, String subject, String text, Instant occurredAt, String authorName) {
	}

	private static final int MAX_SUBJECT = 300;

	private final Activities activities;
	private final Access access;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final TimelineErasure erasure;

	RecordTimeline(Activities activities, Access access, JdbcClient jdbc, Clock clock, TimelineErasure erasure) {
		this.activities = activities;
		this.access = access;
		this.jdbc = jdbc;
		this.clock = clock;
		this.erasure = erasure;
	}

	/** Logs an entry about the record by the current user; returns its id. */
	@Transactional
	public UUID log(String recordType, UUID recordId, String type, String subject, String body, String source) {
		access.requireWrite();
		var problems = new ValidationException.Collector();
		var kind = ActivityType.of(type);
		if (kind.isEmpty()) {
			problems.add("type", "validation.activity-type");
		}
		var cleanSubject = subject == null || subject.isBlank() ? null : subject.strip();
		if (cleanSubject != null && cleanSubject.length() > MAX_SUBJECT) {
			problems.add("subject", "validation.too-long");
		}
		var cleanBody = RichText.sanitise(body);
		if (cleanSubject == null && cleanBody == null) {
			problems.add("body", "validation.required");
		}
		problems.throwIfAny();
		var author = access.currentUser();
		var id = Ids.next();
		activities.record(new Activity(id, kind.get().key(), null, null, recordType, recordId, cleanSubject, cleanBody,
				Instant.now(clock), author.id(), author.displayName(), null, null, null, null, null, List.of(), List.of(), source, null,
				null, null, null, null, List.of(), Instant.now(clock), 0), null);
		return id;
	}

	/** The record's entries, newest first. */
	@Transactional(readOnly = true)
	public List<Entry> of(String recordType, UUID recordId, int limit) {
		return jdbc.sql("""
				select a.id, a.type, a.subject, a.body, a.occurred_at, u.display_name
				from activities a left join users u on u.id = a.author_id
				where a.workspace_id = :ws and a.record_type = :type and a.record_id = :id
				order by a.occurred_at desc, a.id desc limit :limit""")
				.param("ws", WorkspaceContext.workspaceId()).param("type", recordType).param("id", recordId)
				.param("limit", Math.max(1, Math.min(limit, 200)))
				.query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("subject"),
						RichText.plain(rs.getString("body")), rs.getTimestamp("occurred_at").toInstant(), rs.getString("display_name")))
				.list();
	}

	/**
	 * Deletes the entries about these records for good — with their files and the outgoing emails
	 * they logged — when the person they were about has their personal data erased (a lead that was
	 * theirs). Returns the ids of the deleted entries, whose history the caller erases too.
	 */
	@Transactional
	public List<UUID> erase(String recordType, java.util.Collection<UUID> recordIds) {
		if (recordIds.isEmpty()) {
			return List.of();
		}
		var ids = jdbc.sql("select id from activities where workspace_id = :ws and record_type = :type and record_id = any(:ids)")
				.param("ws", WorkspaceContext.workspaceId()).param("type", recordType)
				.param("ids", recordIds.toArray(UUID[]::new)).query(UUID.class).list();
		erasure.deleteActivities(ids);
		return ids;
	}

	/**
	 * Puts the record's entries that belong to no customer yet on this person's (and
	 * organization's) timeline; returns how many.
	 */
	@Transactional
	public int attachToCustomer(String recordType, UUID recordId, UUID personId, UUID organizationId) {
		return jdbc.sql("""
				update activities set person_id = :person, organization_id = :organization
				where workspace_id = :ws and record_type = :type and record_id = :id
				  and person_id is null and organization_id is null""")
				.param("person", personId).param("organization", organizationId).param("ws", WorkspaceContext.workspaceId())
				.param("type", recordType).param("id", recordId).update();
	}
}
