package org.sencrm.timeline.activity;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.platform.Cursor;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the timeline: a customer's activities newest first, filtered by channel and author,
 * one keyset page at a time; and the summary strip of the customer 360 page.
 */
@Service
public class TimelineEntries {

	public record Page(List<Activity> items, String nextCursor) {
	}

	/** First and last touchpoint, and touchpoints per channel in the last 90 days. */
	public record Summary(Instant firstContact, Instant lastContact, Map<String, Long> last90DaysByChannel) {
	}

	public static final int MAX_LIMIT = 100;

	private final JdbcClient jdbc;
	private final Customers customers;
	private final Clock clock;

	TimelineEntries(JdbcClient jdbc, Customers customers, Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page ofPerson(UUID personId, List<String> types, UUID authorId, String cursor, int limit) {
		customers.person(personId).orElseThrow(() -> new NotFoundException("entity.person"));
		return page("a.person_id = :customer", personId, types, authorId, cursor, limit);
	}

	/** An organization's own activities and those of its contacts. */
	@Transactional(readOnly = true)
	public Page ofOrganization(UUID organizationId, List<String> types, UUID authorId, String cursor, int limit) {
		customers.organization(organizationId).orElseThrow(() -> new NotFoundException("entity.organization"));
		return page("(a.organization_id = :customer or a.person_id in (select person_id from contact_roles r"
				+ " where r.workspace_id = :ws and r.organization_id = :customer))", organizationId, types, authorId, cursor, limit);
	}

	/**
	 * One statement: first and last contact from the ends of the person's timeline index, and the
	 * per-channel counts of the last 90 days from an index-only range scan (the index carries the
	 * channel, V21).
	 */
	@Transactional(readOnly = true)
	public Summary summaryOfPerson(UUID personId) {
		customers.person(personId).orElseThrow(() -> new NotFoundException("entity.person"));
		var counts = new LinkedHashMap<String, Long>();
		for (var type : ActivityType.values()) {
			counts.put(type.key(), 0L);
		}
		var bounds = new Instant[2];
		jdbc.sql("""
				select null as type, 0 as n,
				  (select min(occurred_at) from activities where workspace_id = :ws and person_id = :p) as first_contact,
				  (select max(occurred_at) from activities where workspace_id = :ws and person_id = :p) as last_contact
				union all
				select type, count(*), null, null from activities
				where workspace_id = :ws and person_id = :p and occurred_at >= :since group by type""")
				.param("ws", WorkspaceContext.workspaceId()).param("p", personId)
				.param("since", Timestamp.from(Instant.now(clock).minus(Duration.ofDays(90))))
				.query(rs -> {
					if (rs.getString("type") == null) {
						bounds[0] = instant(rs.getTimestamp("first_contact"));
						bounds[1] = instant(rs.getTimestamp("last_contact"));
					} else {
						counts.put(rs.getString("type"), rs.getLong("n"));
					}
				});
		return new Summary(bounds[0], bounds[1], counts);
	}

	private Page page(String customerCondition, UUID customerId, List<String> types, UUID authorId, String cursorText, int limit) {
		var size = limit <= 0 ? 25 : Math.min(limit, MAX_LIMIT);
		var where = new StringBuilder(" where a.workspace_id = :ws and ").append(customerCondition);
		var params = new HashMap<String, Object>();
		params.put("ws", WorkspaceContext.workspaceId());
		params.put("customer", customerId);
		var channels = types == null ? List.<String>of() : types.stream().filter(t -> ActivityType.of(t).isPresent()).toList();
		if (!channels.isEmpty()) {
			where.append(" and a.type = any(:types)");
			params.put("types", channels.toArray(String[]::new));
		}
		if (authorId != null) {
			where.append(" and a.author_id = :author");
			params.put("author", authorId);
		}
		var cursor = Cursor.decode(cursorText);
		if (cursor != null) {
			where.append(" and (a.occurred_at, a.id) < (:afterTime, :afterId)");
			params.put("afterTime", Timestamp.from(cursor.keyAsInstant()));
			params.put("afterId", cursor.id());
		}
		params.put("limit", size + 1);
		var rows = jdbc.sql("select " + ActivityRepository.COLUMNS + " from activities a left join users u on u.id = a.author_id"
				+ where + " order by a.occurred_at desc, a.id desc limit :limit")
				.params(params).query(ActivityRepository::activity).list();
		var more = rows.size() > size;
		var items = withAttachments(more ? rows.subList(0, size) : rows);
		var next = more ? new Cursor(items.getLast().occurredAt().toString(), items.getLast().id()).encode() : null;
		return new Page(items, next);
	}

	/** The files of a page of entries, in one query. */
	private List<Activity> withAttachments(List<Activity> entries) {
		if (entries.isEmpty()) {
			return new ArrayList<>();
		}
		var files = new HashMap<UUID, List<Activity.AttachmentInfo>>();
		jdbc.sql("""
				select activity_id, id, file_name, content_type, size_bytes from attachments
				where workspace_id = :ws and activity_id = any(:ids) order by created_at""")
				.param("ws", WorkspaceContext.workspaceId()).param("ids", entries.stream().map(Activity::id).toArray(UUID[]::new))
				.query((rs, n) -> files.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
						.add(new Activity.AttachmentInfo(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getLong(5))))
				.list();
		var result = new ArrayList<Activity>();
		for (var entry : entries) {
			result.add(files.containsKey(entry.id()) ? entry.withAttachments(files.get(entry.id())) : entry);
		}
		return result;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
