package org.sencrm.directory.merge;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.duplicates.Duplicates;
import org.sencrm.directory.record.CustomerRecord;
import org.sencrm.identity.Access;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.trash.Trash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Merging customer records (decision 33), written once for every kind ({@link MergeRules} holds
 * what differs): the records are locked in id order (two merges of the same records wait for each
 * other instead of deadlocking), the user must be allowed to edit each, field by field the chosen
 * record's value survives (by default the most recently changed record that has one), every
 * declared link moves to the survivor ({@link LinkMoves}), tags of all are kept, the survivor is
 * written by an ordinary update, each record's history says "merged", the merged-away records go
 * to the trash (where restoring them undoes the merge, {@link MergeUndo}) and leave their
 * duplicate groups. Runs in the caller's transaction.
 */
@Component
class RecordMerge {

	/** What the merge page shows before the user confirms: the records, the default choices, what hangs on each. */
	record Preview<R extends CustomerRecord>(List<R> records, List<String> fields, Map<String, UUID> defaults,
			Map<UUID, Map<String, Integer>> linked) {
	}

	private final LinkMoves links;
	private final Access access;
	private final History history;
	private final Trash trash;
	private final Duplicates duplicates;
	private final JdbcClient jdbc;
	private final ContactJson json;
	private final Clock clock;

	RecordMerge(LinkMoves links, Access access, History history, Trash trash, Duplicates duplicates, JdbcClient jdbc, ContactJson json,
			Clock clock) {
		this.links = links;
		this.access = access;
		this.history = history;
		this.trash = trash;
		this.duplicates = duplicates;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Merges {@code otherIds} into {@code survivorId}; {@code fields} names, per field, the record whose
	 * value survives. {@code seen}, when given, holds the version of each record the user looked at: a
	 * record changed since refuses the merge as stale. Returns the survivor as stored.
	 */
	<R extends CustomerRecord> R merge(MergeRules<R> rules, UUID survivorId, List<UUID> otherIds, Map<String, UUID> fields,
			Map<UUID, Integer> seen) {
		var problems = new ValidationException.Collector();
		var others = others(survivorId, otherIds, problems);
		problems.throwIfAny();
		var kind = rules.kind();
		var ids = new ArrayList<UUID>(others);
		ids.add(survivorId);
		lock(rules, ids);
		var all = records(rules, survivorId, others);
		if (seen != null && all.stream().anyMatch(r -> seen.containsKey(r.id()) && seen.get(r.id()) != r.version())) {
			throw new StaleVersionException();
		}
		var chosen = choices(rules, fields == null ? Map.of() : fields, all, problems);
		problems.throwIfAny();

		var mergeId = Ids.next();
		var mergedIds = others;
		var ws = WorkspaceContext.workspaceId();
		jdbc.sql("""
				insert into merges (id, workspace_id, entity, survivor_id, merged_ids, fields, merged_by, merged_at)
				values (:id, :ws, :entity, :survivor, :merged, cast(:fields as jsonb), :by, :at)""")
				.param("id", mergeId).param("ws", ws).param("entity", kind.entity()).param("survivor", survivorId)
				.param("merged", mergedIds.toArray(UUID[]::new)).param("fields", json.write(chosen))
				.param("by", access.currentUser().id()).param("at", Timestamp.from(Instant.now(clock))).update();
		var moved = links.move(mergeId, kind.entity(), survivorId, mergedIds);
		rules.moveMore(mergeId, survivorId, mergedIds).forEach((table, count) -> {
			if (count > 0) {
				moved.merge(table, count, Integer::sum);
			}
		});
		// tags of all: link rows that mean nothing alone, copied (the merged-away keep theirs in the trash)
		jdbc.sql("""
				insert into %1$s (%2$s, tag_id, workspace_id)
				select :survivor, tag_id, workspace_id from %1$s where workspace_id = :ws and %2$s = any(:merged)
				on conflict do nothing""".formatted(kind.tagTable(), kind.linkColumn()))
				.param("ws", ws).param("survivor", survivorId).param("merged", mergedIds.toArray(UUID[]::new)).update();
		var tags = new LinkedHashSet<String>(rules.get(survivorId).tags());
		all.forEach(r -> tags.addAll(r.tags()));

		rules.store(new MergedValues<>(all, chosen, List.copyOf(tags), mergedIds), all.getFirst().version());

		var facts = new LinkedHashMap<String, Object>();
		facts.put("mergedFrom", String.join(", ", mergedIds.stream().map(UUID::toString).toList()));
		moved.forEach((table, count) -> {
			if (count > 0) {
				facts.put("moved." + table, count);
			}
		});
		history.merged(kind.entity(), survivorId, facts);
		var trashIds = new ArrayList<UUID>();
		for (var id : mergedIds) {
			history.merged(kind.entity(), id, Map.of("mergedInto", survivorId.toString()));
			trashIds.add(trash.moveToTrash(kind.entity(), id, null));
		}
		// the survivor's page offers to undo the merge: these entries restored
		jdbc.sql("update merges set trash_ids = :trash where workspace_id = :ws and id = :id")
				.param("trash", trashIds.toArray(UUID[]::new)).param("ws", ws).param("id", mergeId).update();
		duplicates.forget(kind.entity(), mergedIds);
		return rules.get(survivorId);
	}

	/** The records as the merge would take them, with the default choice per field and the rows linked to each. */
	<R extends CustomerRecord> Preview<R> preview(MergeRules<R> rules, UUID survivorId, List<UUID> otherIds) {
		var problems = new ValidationException.Collector();
		var others = others(survivorId, otherIds, problems);
		problems.throwIfAny();
		var all = records(rules, survivorId, others);
		var defaults = choices(rules, Map.of(), all, problems);
		var fields = new ArrayList<>(rules.fields());
		defaults.keySet().stream().filter(f -> f.startsWith(MergedValues.CUSTOM)).forEach(fields::add);
		return new Preview<>(all, List.copyOf(fields), defaults,
				links.count(rules.kind().entity(), all.stream().map(CustomerRecord::id).toList()));
	}

	private static List<UUID> others(UUID survivorId, List<UUID> otherIds, ValidationException.Collector problems) {
		var others = otherIds == null ? List.<UUID>of() : otherIds.stream().filter(Objects::nonNull).distinct().toList();
		if (survivorId == null) {
			problems.add("survivorId", "validation.required");
		}
		if (others.isEmpty() || others.contains(survivorId)) {
			problems.add("otherIds", "merge.others");
		}
		return others;
	}

	/** The survivor first; every record must exist and be editable by the user. */
	private <R extends CustomerRecord> List<R> records(MergeRules<R> rules, UUID survivorId, List<UUID> others) {
		var survivor = rules.get(survivorId);
		var merged = others.stream().map(rules::get).toList();
		for (var record : merged) {
			access.requireEdit(record.ownerId(), record.ownerTeamId());
		}
		access.requireEdit(survivor.ownerId(), survivor.ownerTeamId());
		var all = new ArrayList<R>();
		all.add(survivor);
		all.addAll(merged);
		return all;
	}

	/** Locks the records' rows, in id order, until the transaction ends. */
	private void lock(MergeRules<?> rules, List<UUID> ids) {
		jdbc.sql("select id from " + rules.kind().table() + " where workspace_id = :ws and id = any(:ids) order by id for update")
				.param("ws", WorkspaceContext.workspaceId()).param("ids", ids.toArray(UUID[]::new)).query(UUID.class).list();
	}

	/** Per field, the record whose value survives: the user's choice, else the most recently changed one that has a value. */
	private static <R extends CustomerRecord> Map<String, UUID> choices(MergeRules<R> rules, Map<String, UUID> asked, List<R> all,
			ValidationException.Collector problems) {
		var ids = all.stream().map(CustomerRecord::id).toList();
		var chosen = new LinkedHashMap<String, UUID>();
		asked.forEach((field, id) -> {
			if (!rules.fields().contains(field) && !field.startsWith(MergedValues.CUSTOM)) {
				problems.add("fields." + field, "validation.unknown-field");
			} else if (id == null || !ids.contains(id)) {
				problems.add("fields." + field, "merge.field-record");
			} else {
				chosen.put(field, id);
			}
		});
		var recentFirst = all.stream().sorted(Comparator.comparing(CustomerRecord::updatedAt).reversed()).toList();
		for (var field : rules.fields()) {
			chosen.computeIfAbsent(field, f -> recentFirst.stream().filter(r -> rules.value(r, f) != null).findFirst()
					.orElse(all.getFirst()).id());
		}
		var keys = new LinkedHashSet<String>();
		all.forEach(r -> keys.addAll(r.customFields().keySet()));
		for (var key : keys) {
			chosen.computeIfAbsent(MergedValues.CUSTOM + key, f -> recentFirst.stream()
					.filter(r -> r.customFields().get(key) != null && !"".equals(r.customFields().get(key))).findFirst()
					.orElse(all.getFirst()).id());
		}
		return chosen;
	}
}
