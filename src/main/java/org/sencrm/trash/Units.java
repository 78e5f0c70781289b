package org.sencrm.trash;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the trash over the tables the kinds declare: finding a unit, moving it in, bringing it
 * back, removing it for good. Table names and expressions come from the declarations in code, every
 * value is bound. Runs in the caller's transaction.
 */
@Component
class Units {

	/** Ids per statement: far below PostgreSQL's limit of bound values. */
	private static final int CHUNK = 1000;
	/** Ids per statement bound as one array (no limit of bound values, only of memory). */
	private static final int BIG_CHUNK = 50_000;

	/** A record of another unit that keeps this one from coming back or going. */
	record Elsewhere(String type, UUID id, UUID trashId) {
	}

	private final JdbcClient jdbc;
	private final Kinds kinds;

	Units(JdbcClient jdbc, Kinds kinds) {
		this.jdbc = jdbc;
		this.kinds = kinds;
	}

	/** From here to the end of the transaction, trashed rows are visible (the policies' {@code sen.trash}). */
	void showTrashed() {
		jdbc.sql("select set_config('sen.trash', 'on', true)").query(String.class).single();
	}

	/** A live record as the rules see it. */
	Optional<TrashMember> find(TrashableKind kind, UUID id) {
		return jdbc.sql(select(kind) + " and deleted_at is null and id = :id").param("ws", WorkspaceContext.workspaceId())
				.param("id", id).query(member(kind)).optional();
	}

	/**
	 * The unit of a record: the record first, then every live record that hangs on it, on those, and so
	 * on (an activity on an opportunity of the person).
	 */
	List<TrashMember> gather(TrashableKind rootKind, TrashMember root) {
		var unit = new LinkedHashMap<String, TrashMember>();
		unit.put(key(root.type(), root.id()), root);
		Map<String, List<UUID>> frontier = Map.of(root.type(), List.of(root.id()));
		while (!frontier.isEmpty()) {
			var next = new HashMap<String, List<UUID>>();
			for (var kind : kinds.all()) {
				for (var parent : kind.hangsOn()) {
					var parents = frontier.get(parent.parentType());
					if (parents == null) {
						continue;
					}
					for (var chunk : chunks(parents)) {
						var found = jdbc.sql(select(kind) + " and deleted_at is null and " + parent.on(":parents") + " order by id")
								.param("ws", WorkspaceContext.workspaceId()).param("parents", chunk).query(member(kind)).list();
						for (var member : found) {
							if (unit.putIfAbsent(key(member.type(), member.id()), member) == null) {
								next.computeIfAbsent(member.type(), t -> new ArrayList<>()).add(member.id());
							}
						}
					}
				}
			}
			frontier = next;
		}
		return List.copyOf(unit.values());
	}

	/** The live records among these ids, as the rules see them. */
	List<TrashMember> findAll(TrashableKind kind, List<UUID> ids) {
		var found = new ArrayList<TrashMember>(ids.size());
		for (var chunk : chunks(ids, BIG_CHUNK)) {
			found.addAll(jdbc.sql(select(kind) + " and deleted_at is null and id = any(:ids)").param("ws", WorkspaceContext.workspaceId())
					.param("ids", chunk.toArray(UUID[]::new)).query(member(kind)).list());
		}
		return found;
	}

	/** Those of these records that a live record of any kind hangs on: their units are more than themselves. */
	Set<UUID> withDependants(String type, List<UUID> ids) {
		var with = new java.util.HashSet<UUID>();
		for (var kind : kinds.all()) {
			for (var parent : kind.hangsOn()) {
				if (!parent.parentType().equals(type)) {
					continue;
				}
				for (var chunk : chunks(ids, BIG_CHUNK)) {
					with.addAll(jdbc.sql("select distinct " + parent.column() + " from " + kind.table()
							+ " where workspace_id = :ws and deleted_at is null and " + parent.column() + " = any(:ids)"
							+ (parent.condition() == null ? "" : " and (" + parent.condition() + ")"))
							.param("ws", WorkspaceContext.workspaceId()).param("ids", chunk.toArray(UUID[]::new))
							.query(UUID.class).list());
				}
			}
		}
		return with;
	}

	/** Moves each live record into its own entry ({@code entries[i]} for {@code ids[i]}) in one statement; returns how many moved. */
	int moveEachIn(TrashableKind kind, UUID[] ids, UUID[] entries, Instant at) {
		return jdbc.sql("update " + kind.table() + """
				 r set deleted_at = :at, trash_id = e.entry, version = r.version + 1
				from unnest(cast(:ids as uuid[]), cast(:entries as uuid[])) e(id, entry)
				where r.workspace_id = :ws and r.deleted_at is null and r.id = e.id""")
				.param("at", Timestamp.from(at)).param("ws", WorkspaceContext.workspaceId()).param("ids", ids)
				.param("entries", entries).update();
	}

	/** Moves these live rows into the trash entry; returns how many moved. */
	int moveIn(TrashableKind kind, Collection<UUID> ids, UUID trashId, Instant at) {
		var moved = 0;
		for (var chunk : chunks(List.copyOf(ids))) {
			moved += jdbc.sql("update " + kind.table() + """
					 set deleted_at = :at, trash_id = :trash, version = version + 1
					where workspace_id = :ws and deleted_at is null and id in (:ids)""")
					.param("at", Timestamp.from(at)).param("trash", trashId).param("ws", WorkspaceContext.workspaceId())
					.param("ids", chunk).update();
		}
		return moved;
	}

	/** Moves the one record in, only at the version the caller read; false when it changed since. */
	boolean moveIn(TrashableKind kind, UUID id, int expectedVersion, UUID trashId, Instant at) {
		return jdbc.sql("update " + kind.table() + """
				 set deleted_at = :at, trash_id = :trash, version = version + 1
				where workspace_id = :ws and deleted_at is null and id = :id and version = :version""")
				.param("at", Timestamp.from(at)).param("trash", trashId).param("ws", WorkspaceContext.workspaceId())
				.param("id", id).param("version", expectedVersion).update() == 1;
	}

	/** Brings every row of the entry back; the ids per type. */
	Map<String, List<UUID>> bringBack(UUID trashId) {
		var back = new LinkedHashMap<String, List<UUID>>();
		for (var kind : kinds.all()) {
			var ids = jdbc.sql("update " + kind.table() + """
					 set deleted_at = null, trash_id = null, version = version + 1
					where workspace_id = :ws and trash_id = :trash returning id""")
					.param("ws", WorkspaceContext.workspaceId()).param("trash", trashId).query(UUID.class).list();
			if (!ids.isEmpty()) {
				back.put(kind.type(), ids);
			}
		}
		return back;
	}

	/** A record another entry trashed that a row of this entry hangs on: restoring this one first would orphan it. */
	Optional<Elsewhere> trashedParent(UUID trashId) {
		for (var kind : kinds.all()) {
			for (var parent : kind.hangsOn()) {
				var parentKind = kinds.get(parent.parentType());
				var found = jdbc.sql("select id, trash_id from " + parentKind.table()
						+ " where workspace_id = :ws and deleted_at is not null and trash_id <> :trash and id in (select "
						+ parent.column() + " from " + kind.table() + " where workspace_id = :ws and trash_id = :trash"
						+ (parent.condition() == null ? "" : " and (" + parent.condition() + ")") + ") limit 1")
						.param("ws", WorkspaceContext.workspaceId()).param("trash", trashId)
						.query((rs, n) -> new Elsewhere(parentKind.type(), rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
						.optional();
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	/** Other entries with rows that hang on rows of this one: they go first when this one is purged. */
	Set<UUID> hangingEntries(UUID trashId) {
		var entries = new LinkedHashSet<UUID>();
		for (var kind : kinds.all()) {
			for (var parent : kind.hangsOn()) {
				var parentKind = kinds.get(parent.parentType());
				entries.addAll(jdbc.sql("select distinct trash_id from " + kind.table()
						+ " where workspace_id = :ws and deleted_at is not null and trash_id <> :trash and "
						+ parent.on("select id from " + parentKind.table() + " where workspace_id = :ws and trash_id = :trash"))
						.param("ws", WorkspaceContext.workspaceId()).param("trash", trashId).query(UUID.class).list());
			}
		}
		return entries;
	}

	/** Moves into the entry the live rows that hang on its rows (written after the deletion); returns how many. */
	int sweepLate(UUID trashId, Instant at) {
		var total = 0;
		int moved;
		do {
			moved = 0;
			for (var kind : kinds.all()) {
				for (var parent : kind.hangsOn()) {
					var parentKind = kinds.get(parent.parentType());
					moved += jdbc.sql("update " + kind.table()
							+ " set deleted_at = :at, trash_id = :trash, version = version + 1 where workspace_id = :ws and deleted_at is null and "
							+ parent.on("select id from " + parentKind.table() + " where workspace_id = :ws and trash_id = :trash"))
							.param("at", Timestamp.from(at)).param("trash", trashId).param("ws", WorkspaceContext.workspaceId()).update();
				}
			}
			total += moved;
		} while (moved > 0);
		return total;
	}

	/** Removes the entry's rows for good, children before parents; the ids per type. */
	Map<String, List<UUID>> remove(UUID trashId) {
		var removed = new LinkedHashMap<String, List<UUID>>();
		for (var kind : kinds.childrenFirst()) {
			var ids = jdbc.sql("select id from " + kind.table() + " where workspace_id = :ws and trash_id = :trash")
					.param("ws", WorkspaceContext.workspaceId()).param("trash", trashId).query(UUID.class).list();
			if (ids.isEmpty()) {
				continue;
			}
			kind.beforePurge().accept(ids);
			jdbc.sql("delete from " + kind.table() + " where workspace_id = :ws and trash_id = :trash")
					.param("ws", WorkspaceContext.workspaceId()).param("trash", trashId).update();
			removed.put(kind.type(), ids);
		}
		return removed;
	}

	/** What the records are called (trashed or not), by id. */
	Map<UUID, String> labels(TrashableKind kind, Collection<UUID> ids) {
		var labels = new HashMap<UUID, String>();
		for (var chunk : chunks(List.copyOf(new LinkedHashSet<>(ids)))) {
			jdbc.sql("select id, (" + kind.label() + ")::text from " + kind.table() + " where workspace_id = :ws and id in (:ids)")
					.param("ws", WorkspaceContext.workspaceId()).param("ids", chunk)
					.query((rs, n) -> labels.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
		}
		return labels;
	}

	private static String select(TrashableKind kind) {
		return "select id, (" + kind.label() + ")::text as label, (" + kind.owner() + ")::uuid as owner_id, (" + kind.team()
				+ ")::uuid as team_id, (" + kind.creator() + ")::uuid as creator_id, (" + kind.status() + ")::text as status from "
				+ kind.table() + " where workspace_id = :ws";
	}

	private static RowMapper<TrashMember> member(TrashableKind kind) {
		return (rs, n) -> new TrashMember(kind.type(), rs.getObject("id", UUID.class), rs.getString("label"),
				rs.getObject("owner_id", UUID.class), rs.getObject("team_id", UUID.class), rs.getObject("creator_id", UUID.class),
				rs.getString("status"));
	}

	private static String key(String type, UUID id) {
		return type + ":" + id;
	}

	private static List<List<UUID>> chunks(List<UUID> ids) {
		return chunks(ids, CHUNK);
	}

	private static List<List<UUID>> chunks(List<UUID> ids, int size) {
		var chunks = new ArrayList<List<UUID>>();
		for (var from = 0; from < ids.size(); from += size) {
			chunks.add(ids.subList(from, Math.min(ids.size(), from + size)));
		}
		return chunks;
	}
}
