package org.sencrm.platform;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history of business records: who created, changed or deleted what, when, and each field's
 * old and new value. Written in the same transaction as the change; the table refuses updates and
 * deletes, so nobody can rewrite it.
 */
@Component
public class History {

	public record Change(Object from, Object to) {
	}

	/** What an erased value reads in the history after a person's data was erased (decision 26). */
	public static final String ERASED = "[erased]";

	public record Entry(UUID id, String action, UUID actorId, String actorName, Instant at, Map<String, Change> changes) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;

	History(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void created(String entityType, UUID entityId, Map<String, ?> values) {
		write(entityType, entityId, "created", diff(Map.of(), values));
	}

	public void updated(String entityType, UUID entityId, Map<String, ?> before, Map<String, ?> after) {
		var changes = diff(before, after);
		if (!changes.isEmpty()) {
			write(entityType, entityId, "updated", changes);
		}
	}

	public void deleted(String entityType, UUID entityId, Map<String, ?> before) {
		write(entityType, entityId, "deleted", diff(before, Map.of()));
	}

	/**
	 * The record went to the trash: the fact only, no copy of its values (they stay in its row until
	 * the purge); {@code facts} may say what it went with, never personal data.
	 */
	public void trashed(String entityType, UUID entityId, Map<String, ?> facts) {
		write(entityType, entityId, "deleted", diff(Map.of(), facts));
	}

	/**
	 * Records were merged (decision 33): on the survivor, which records went into it; on a merged-away
	 * record, which one it went into. Facts only, ids, no values.
	 */
	public void merged(String entityType, UUID entityId, Map<String, ?> facts) {
		write(entityType, entityId, "merged", diff(Map.of(), facts));
	}

	/** Many records of one type went to the trash, each on its own (an import undone): one statement for all. */
	public void trashedAll(String entityType, List<UUID> entityIds) {
		if (entityIds.isEmpty()) {
			return;
		}
		var scope = WorkspaceContext.current();
		var ids = new UUID[entityIds.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = Ids.next();
		}
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, changes)
				select h.id, :workspace, :type, h.entity, 'deleted', :actor, :actorName, '{}'
				from unnest(cast(:ids as uuid[]), cast(:entities as uuid[])) h(id, entity)""")
				.param("ids", ids).param("entities", entityIds.toArray(UUID[]::new)).param("workspace", scope.workspaceId())
				.param("type", entityType).param("actor", scope.actorId()).param("actorName", scope.actorName()).update();
	}

	/** The record came back from the trash. */
	public void restored(String entityType, UUID entityId, Map<String, ?> facts) {
		write(entityType, entityId, "restored", diff(Map.of(), facts));
	}

	/**
	 * The record was removed for good: a tombstone of facts about the removal (who deleted it, when,
	 * when it was purged), never the record's own values.
	 */
	public void purged(String entityType, UUID entityId, Map<String, ?> facts) {
		write(entityType, entityId, "purged", diff(Map.of(), facts));
	}

	/**
	 * Records that a person's personal data was erased: a line on their id, by the current actor,
	 * with no values at all (decision 26).
	 */
	public void erased(String entityType, UUID entityId) {
		write(entityType, entityId, "erased", Map.of());
	}

	/**
	 * Erases personal data from the current workspace's history, the one change history allows:
	 * every value of the lines about {@code entities}, and every value of other lines that contains
	 * one of the {@code personal} texts (4 characters or more), becomes {@link #ERASED}. Keys, actors
	 * and times stay. Runs {@code sen_erase_history} (V70), in the caller's transaction; returns how
	 * many lines changed.
	 */
	public int erase(java.util.Collection<UUID> entities, java.util.Collection<String> personal) {
		return jdbc.sql("select sen_erase_history(:workspace, :entities, :personal)")
				.param("workspace", WorkspaceContext.workspaceId())
				.param("entities", entities.toArray(UUID[]::new))
				.param("personal", personal.toArray(String[]::new))
				.query(Integer.class).single();
	}

	public List<Entry> of(UUID entityId) {
		return jdbc.sql("""
				select id, action, actor_id, actor_name, at, changes::text as changes from history
				where workspace_id = :workspace and entity_id = :entity order by at desc, id desc""")
				.param("workspace", WorkspaceContext.workspaceId())
				.param("entity", entityId)
				.query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getString("action"),
						rs.getObject("actor_id", UUID.class), rs.getString("actor_name"),
						rs.getTimestamp("at").toInstant(),
						json.readValue(rs.getString("changes"), new TypeReference<Map<String, Change>>() {
						})))
				.list();
	}

	static Map<String, Change> diff(Map<String, ?> before, Map<String, ?> after) {
		var changes = new LinkedHashMap<String, Change>();
		var keys = new java.util.LinkedHashSet<String>(before.keySet());
		keys.addAll(after.keySet());
		for (var key : keys) {
			var from = before.get(key);
			var to = after.get(key);
			if (!Objects.equals(from, to)) {
				changes.put(key, new Change(from, to));
			}
		}
		return changes;
	}

	private void write(String entityType, UUID entityId, String action, Map<String, Change> changes) {
		var scope = WorkspaceContext.current();
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, changes)
				values (:id, :workspace, :type, :entity, :action, :actor, :actorName, cast(:changes as jsonb))""")
				.param("id", Ids.next())
				.param("workspace", scope.workspaceId())
				.param("type", entityType)
				.param("entity", entityId)
				.param("action", action)
				.param("actor", scope.actorId())
				.param("actorName", scope.actorName())
				.param("changes", json.writeValueAsString(changes))
				.update();
	}
}
