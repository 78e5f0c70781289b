package org.sencrm.directory.merge;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.sencrm.platform.WorkspaceContext;
import org.sencrm.trash.TrashRestored;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Undoing a merge from the trash (decision 33): when a merged-away person or organization is
 * restored, everything the merge moved from it to the survivor — and that still points there — moves
 * back, in the restoring transaction, and the merge is marked undone (its records no longer answer
 * with mergedInto). The survivor keeps the values it took in the merge.
 */
@Component
class MergeUndo {

	private final JdbcClient jdbc;
	private final LinkMoves links;
	private final Clock clock;

	MergeUndo(JdbcClient jdbc, LinkMoves links, Clock clock) {
		this.jdbc = jdbc;
		this.links = links;
		this.clock = clock;
	}

	@EventListener
	void on(TrashRestored restored) {
		for (var type : List.of("person", "organization")) {
			var ids = restored.records().getOrDefault(type, List.of());
			if (ids.isEmpty()) {
				continue;
			}
			record Merge(UUID id, UUID survivor, List<UUID> merged) {
			}
			var merges = jdbc.sql("""
					select id, survivor_id, merged_ids from merges
					where workspace_id = :ws and entity = :entity and merged_ids && :ids""")
					.param("ws", WorkspaceContext.workspaceId()).param("entity", type).param("ids", ids.toArray(UUID[]::new))
					.query((rs, n) -> new Merge(rs.getObject("id", UUID.class), rs.getObject("survivor_id", UUID.class),
							Arrays.asList((UUID[]) rs.getArray("merged_ids").getArray())))
					.list();
			for (var merge : merges) {
				var back = merge.merged().stream().filter(ids::contains).toList();
				links.moveBack(merge.id(), type, merge.survivor(), back);
				// a merge of three is undone once, though each merged-away record comes back on its own
				jdbc.sql("update merges set undone_at = coalesce(undone_at, :now) where workspace_id = :ws and id = :id")
						.param("now", Timestamp.from(Instant.now(clock))).param("ws", WorkspaceContext.workspaceId())
						.param("id", merge.id()).update();
			}
		}
	}
}
