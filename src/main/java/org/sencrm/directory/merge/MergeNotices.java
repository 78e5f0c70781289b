package org.sencrm.directory.merge;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.trash.TrashEntries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a survivor's page says about the latest merge into it — when, how many records — and the
 * undo: restoring the merged-away records from the trash, which moves back what the merge moved
 * ({@link MergeUndo}). Offered while every one of their trash entries is still there and the merge
 * is not undone. Record pages read it as {@code @mergeNotices}.
 */
@Component("mergeNotices")
public class MergeNotices {

	/** The latest merge into a record; {@code undoable} while its trash entries are all there and the user writes. */
	public record Notice(UUID mergeId, Instant mergedAt, int records, boolean undoable) {
	}

	public record Merge(UUID id, String entity, UUID survivorId, List<UUID> trashIds, Instant mergedAt, boolean undone) {
	}

	private final JdbcClient jdbc;
	private final TrashEntries trash;
	private final Access access;

	MergeNotices(JdbcClient jdbc, TrashEntries trash, Access access) {
		this.jdbc = jdbc;
		this.trash = trash;
		this.access = access;
	}

	/** The latest merge into this record that is not undone, or null. */
	@Transactional(readOnly = true)
	public Notice latest(String entity, UUID survivorId) {
		var merge = jdbc.sql("""
				select id, entity, survivor_id, trash_ids, merged_at, undone_at is not null as undone from merges
				where workspace_id = :ws and survivor_id = :survivor and entity = :entity and undone_at is null
				order by merged_at desc limit 1""")
				.param("ws", WorkspaceContext.workspaceId()).param("survivor", survivorId).param("entity", entity)
				.query(MergeNotices::merge).optional();
		return merge.map(m -> new Notice(m.id(), m.mergedAt(), m.trashIds().size(),
				access.currentUser().role().writes() && !m.trashIds().isEmpty() && m.trashIds().stream().allMatch(this::inTrash)))
				.orElse(null);
	}

	/** Restores the merged-away records of a merge from the trash; returns the merge (its survivor's page is where the user goes back). */
	@Transactional
	public Merge undo(UUID mergeId) {
		access.requireWrite();
		var merge = find(mergeId).orElseThrow(() -> new NotFoundException("entity.merge"));
		if (merge.undone()) {
			throw new DomainException("merge.undone-already");
		}
		for (var entry : merge.trashIds()) {
			if (!inTrash(entry)) {
				throw new DomainException("merge.undo-gone");
			}
			trash.restore(entry);
		}
		return merge;
	}

	@Transactional(readOnly = true)
	public Optional<Merge> find(UUID mergeId) {
		return jdbc.sql("""
				select id, entity, survivor_id, trash_ids, merged_at, undone_at is not null as undone from merges
				where workspace_id = :ws and id = :id""")
				.param("ws", WorkspaceContext.workspaceId()).param("id", mergeId).query(MergeNotices::merge).optional();
	}

	private boolean inTrash(UUID entry) {
		try {
			trash.get(entry);
			return true;
		} catch (NotFoundException gone) {
			return false;
		}
	}

	private static Merge merge(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Merge(rs.getObject("id", UUID.class), rs.getString("entity"), rs.getObject("survivor_id", UUID.class),
				Arrays.asList((UUID[]) rs.getArray("trash_ids").getArray()), rs.getTimestamp("merged_at").toInstant(),
				rs.getBoolean("undone"));
	}
}
