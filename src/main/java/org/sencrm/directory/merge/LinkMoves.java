package org.sencrm.directory.merge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.Merges;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves every declared link from the merged-away records to the survivor, one statement per link,
 * and writes where each moved row pointed before into {@code merge_moves} in the same statement.
 */
@Component
class LinkMoves {

	private final JdbcClient jdbc;
	private final List<Merges.Holder> holders;

	LinkMoves(JdbcClient jdbc, List<Merges.Holder> holders) {
		this.jdbc = jdbc;
		this.holders = List.copyOf(holders);
	}

	/** How many rows moved, by table. */
	Map<String, Integer> move(UUID mergeId, String customerType, UUID survivor, List<UUID> merged) {
		var moved = new LinkedHashMap<String, Integer>();
		for (var holder : holders) {
			for (var link : holder.links()) {
				if (!link.customerType().equals(customerType)) {
					continue;
				}
				var unique = link.uniqueWith() == null ? "" : """
						and not exists (select 1 from %1$s s where s.workspace_id = :ws and s.%2$s = :survivor
						                and s.%3$s = t.%3$s)""".formatted(link.table(), link.column(), link.uniqueWith());
				var count = jdbc.sql("""
						with moved as (
						  update %1$s t set %2$s = :survivor
						  from (select %3$s as k, %2$s as c from %1$s where workspace_id = :ws and %2$s = any(:merged)) old
						  where t.workspace_id = :ws and t.%3$s = old.k and t.%2$s = old.c %4$s
						  returning old.k, old.c)
						insert into merge_moves (merge_id, workspace_id, table_name, column_name, row_key, from_id)
						select :merge, :ws, :table, :column, k, c from moved""".formatted(link.table(), link.column(), link.key(), unique))
						.param("ws", WorkspaceContext.workspaceId()).param("survivor", survivor)
						.param("merged", merged.toArray(UUID[]::new)).param("merge", mergeId).param("table", link.table())
						.param("column", link.column()).update();
				moved.merge(link.table(), count, Integer::sum);
			}
		}
		return moved;
	}

	/**
	 * How many rows of each declared link point at each record (what a merge would move away from
	 * it), by table; tables without rows left out. One grouped count per link.
	 */
	Map<UUID, Map<String, Integer>> count(String customerType, List<UUID> ids) {
		var counts = new LinkedHashMap<UUID, Map<String, Integer>>();
		ids.forEach(id -> counts.put(id, new java.util.TreeMap<>()));
		for (var holder : holders) {
			for (var link : holder.links()) {
				if (!link.customerType().equals(customerType)) {
					continue;
				}
				jdbc.sql("select %2$s as c, count(*) as n from %1$s where workspace_id = :ws and %2$s = any(:ids) group by %2$s"
						.formatted(link.table(), link.column()))
						.param("ws", WorkspaceContext.workspaceId()).param("ids", ids.toArray(UUID[]::new))
						.query(rs -> {
							counts.get(rs.getObject("c", UUID.class)).merge(link.table(), rs.getInt("n"), Integer::sum);
						});
			}
		}
		return counts;
	}

	/**
	 * Moves back what a merge moved away from these records, where it still points at the survivor;
	 * returns how many rows went back. Tables and columns come from the declarations, never from the stored moves.
	 */
	int moveBack(UUID mergeId, String customerType, UUID survivor, List<UUID> restored) {
		var back = 0;
		for (var holder : holders) {
			for (var link : holder.links()) {
				if (!link.customerType().equals(customerType)) {
					continue;
				}
				back += jdbc.sql("""
						update %1$s t set %2$s = m.from_id
						from merge_moves m
						where m.workspace_id = :ws and m.merge_id = :merge and m.table_name = :table and m.column_name = :column
						  and m.from_id = any(:restored) and t.workspace_id = :ws and t.%3$s = m.row_key and t.%2$s = :survivor"""
						.formatted(link.table(), link.column(), link.key()))
						.param("ws", WorkspaceContext.workspaceId()).param("merge", mergeId).param("table", link.table())
						.param("column", link.column()).param("restored", restored.toArray(UUID[]::new)).param("survivor", survivor)
						.update();
			}
		}
		return back;
	}
}
