package org.sencrm.trash;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Cursor;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.History;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The trash of a workspace: listing what the user may restore (their own deletions; managers and
 * administrators everything), restoring a whole unit, and purging an entry for good (administrators
 * now, the nightly job after the retention), leaving tombstones without personal data.
 * Public so that undoing a merge (directory) restores its records as the Trash page does.
 */
@Service
public class TrashEntries {

	static final int MAX_LIMIT = 200;

	/** An entry's row. */
	record Row(UUID id, String type, UUID recordId, Map<String, Integer> contents, UUID deletedBy, Instant deletedAt) {
	}

	@Schema(name = "TrashPage")
	record Page(List<TrashEntry> items, String nextCursor) {
	}

	private final JdbcClient jdbc;
	private final Kinds kinds;
	private final Units units;
	private final Access access;
	private final UserDirectory users;
	private final History history;
	private final TrashSettings settings;
	private final JsonMapper json;
	private final MessageSource messages;

	private final org.springframework.context.ApplicationEventPublisher events;

	TrashEntries(JdbcClient jdbc, Kinds kinds, Units units, Access access, UserDirectory users, History history,
			TrashSettings settings, JsonMapper json, MessageSource messages, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.messages = messages;
		this.jdbc = jdbc;
		this.kinds = kinds;
		this.units = units;
		this.access = access;
		this.users = users;
		this.history = history;
		this.settings = settings;
		this.json = json;
	}

	/** Newest first, one type or all; a user who does not edit everything sees only their own deletions. */
	@Transactional(readOnly = true)
	public Page list(String type, String cursorText, int limit) {
		if (type != null && !type.isBlank() && kinds.find(type).isEmpty()) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("type", "validation.choice")));
		}
		var cursor = Cursor.decode(cursorText);
		var size = Math.max(1, Math.min(limit, MAX_LIMIT));
		var sql = new StringBuilder("select * from trash where workspace_id = :ws");
		var params = new LinkedHashMap<String, Object>();
		params.put("ws", WorkspaceContext.workspaceId());
		if (!seesAll()) {
			sql.append(" and deleted_by = :me");
			params.put("me", access.currentUser().id());
		}
		if (type != null && !type.isBlank()) {
			sql.append(" and entity_type = :type");
			params.put("type", type);
		}
		if (cursor != null) {
			sql.append(" and (deleted_at, id) < (:key, :after)");
			params.put("key", Timestamp.from(cursor.keyAsInstant()));
			params.put("after", cursor.id());
		}
		sql.append(" order by deleted_at desc, id desc limit :limit");
		params.put("limit", size + 1);
		var rows = jdbc.sql(sql.toString()).params(params).query(this::row).list();
		var items = rows.stream().limit(size).toList();
		var next = rows.size() > size ? new Cursor(items.getLast().deletedAt().toString(), items.getLast().id()).encode() : null;
		return new Page(entries(items), next);
	}

	@Transactional(readOnly = true)
	public TrashEntry get(UUID id) {
		return entries(List.of(visible(id, false))).getFirst();
	}

	/**
	 * Brings the whole unit back; returns the entry as it was. Refused (409) while a record it hangs on
	 * is in the trash in another entry — that one is named, to be restored first — and when a unique
	 * value of a record (a product's SKU) has been taken since.
	 */
	@Transactional
	public TrashEntry restore(UUID id) {
		access.requireWrite();
		var row = visible(id, true);
		units.showTrashed();
		var entry = entries(List.of(row)).getFirst();
		var parent = units.trashedParent(id);
		if (parent.isPresent()) {
			var kind = kinds.get(parent.get().type());
			var label = units.labels(kind, List.of(parent.get().id())).get(parent.get().id());
			var typeName = messages.getMessage("trash.type." + kind.type(), null, kind.type(), LocaleContextHolder.getLocale());
			throw new TrashParentException(parent.get(), typeName, label);
		}
		Map<String, List<UUID>> back;
		try {
			back = units.bringBack(id);
		} catch (DuplicateKeyException taken) {
			throw new DomainException("trash.restore-conflict", entry.label());
		}
		back.forEach((type, ids) -> ids.forEach(recordId -> history.restored(type, recordId, Map.of())));
		events.publishEvent(new TrashRestored(back));
		jdbc.sql("delete from trash where workspace_id = :ws and id = :id").param("ws", WorkspaceContext.workspaceId())
				.param("id", id).update();
		return entry;
	}

	/** Administrators: removes the entry (and entries that hang on it) for good, now. */
	@Transactional
	public void purgeNow(UUID id, Instant now) {
		access.requireAdmin();
		var row = visible(id, true);
		purge(row, now, new HashSet<>());
	}

	/** The oldest entry deleted before {@code cutoff}, apart from {@code skipped}. */
	@Transactional(readOnly = true)
	public Optional<UUID> nextDue(Instant cutoff, Set<UUID> skipped) {
		return jdbc.sql("""
				select id from trash where workspace_id = :ws and deleted_at < :cutoff and not (id = any(:skipped))
				order by deleted_at, id limit 1""")
				.param("ws", WorkspaceContext.workspaceId()).param("cutoff", Timestamp.from(cutoff))
				.param("skipped", skipped.toArray(UUID[]::new)).query(UUID.class).optional();
	}

	/**
	 * Claims the entry unless another node holds it (skip locked) and purges it in this transaction;
	 * false when it is gone, no longer due, or being purged elsewhere.
	 */
	@Transactional
	public boolean purgeIfDue(UUID id, Instant cutoff, Instant now) {
		var due = jdbc.sql("select * from trash where workspace_id = :ws and id = :id and deleted_at < :cutoff for update skip locked")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("cutoff", Timestamp.from(cutoff))
				.query(this::row).optional();
		due.ifPresent(row -> purge(row, now, new HashSet<>()));
		return due.isPresent();
	}

	/** Entries that hang on this one go first (their rows point at its rows); then its rows, then the entry. */
	private void purge(Row row, Instant now, Set<UUID> done) {
		if (!done.add(row.id())) {
			return;
		}
		units.showTrashed();
		for (var hanging : units.hangingEntries(row.id())) {
			jdbc.sql("select * from trash where workspace_id = :ws and id = :id for update")
					.param("ws", WorkspaceContext.workspaceId()).param("id", hanging).query(this::row).optional()
					.ifPresent(other -> purge(other, now, done));
		}
		// something written on a record after it went to the trash (a note recorded after the commit that
		// trashed its person) would keep the rows from going: it goes with them
		units.sweepLate(row.id(), now);
		var removed = units.remove(row.id());
		var facts = new LinkedHashMap<String, Object>();
		facts.put("deletedBy", row.deletedBy() == null ? null : row.deletedBy().toString());
		facts.put("deletedAt", row.deletedAt().toString());
		facts.put("purgedAt", now.toString());
		removed.forEach((type, ids) -> ids.forEach(recordId -> history.purged(type, recordId, facts)));
		jdbc.sql("delete from trash where workspace_id = :ws and id = :id").param("ws", WorkspaceContext.workspaceId())
				.param("id", row.id()).update();
	}

	/** The entry if the user may see it: their own, or any for managers and administrators (else 404). */
	private Row visible(UUID id, boolean lock) {
		var row = jdbc.sql("select * from trash where workspace_id = :ws and id = :id" + (lock ? " for update" : ""))
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).query(this::row).optional()
				.orElseThrow(() -> new NotFoundException("entity.trash"));
		if (!seesAll() && !access.currentUser().id().equals(row.deletedBy())) {
			throw new NotFoundException("entity.trash");
		}
		return row;
	}

	private boolean seesAll() {
		return access.currentUser().role().editsEverything();
	}

	private List<TrashEntry> entries(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		units.showTrashed();
		var labels = new LinkedHashMap<UUID, String>();
		rows.stream().collect(Collectors.groupingBy(Row::type, Collectors.mapping(Row::recordId, Collectors.toList())))
				.forEach((type, ids) -> kinds.find(type).ifPresent(kind -> labels.putAll(units.labels(kind, ids))));
		var names = users.users().stream()
				.collect(Collectors.toMap(UserDirectory.UserSummary::id, UserDirectory.UserSummary::displayName));
		var retention = Duration.ofDays(settings.retentionDays());
		// a record whose person's personal data was erased has no row, and no name, left (decision 26)
		var erased = messages.getMessage("trash.erased", null, "(erased)", LocaleContextHolder.getLocale());
		return rows.stream().map(r -> new TrashEntry(r.id(), r.type(), r.recordId(), labels.getOrDefault(r.recordId(), erased),
				r.contents(),
				r.deletedBy() == null ? null : new TrashEntry.Deleter(r.deletedBy(), names.get(r.deletedBy())), r.deletedAt(),
				r.deletedAt().plus(retention))).toList();
	}

	private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("entity_type"), rs.getObject("entity_id", UUID.class),
				Trash.ordered(json.readValue(rs.getString("contents"), new TypeReference<LinkedHashMap<String, Integer>>() {
				})), rs.getObject("deleted_by", UUID.class), rs.getTimestamp("deleted_at").toInstant());
	}
}
