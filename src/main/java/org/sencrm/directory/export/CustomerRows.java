package org.sencrm.directory.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.sencrm.directory.listing.ListQuery;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a filtered customer list (persons or organizations) for an export: keyset pages of
 * {@value #BATCH} rows through the list's own query ({@link ListQuery}, the same filters and order
 * as the page the user sees), each page in its own short read-only transaction, with the page's tags
 * (and, for persons, organizations) in one statement more. No page is kept once written.
 */
final class CustomerRows {

	static final int BATCH = 2000;

	/** One row as read, with what the next page's cursor needs. */
	record Read(UUID id, String sortKey, Instant createdAt, Map<String, Object> values) {
	}

	interface RowReader {
		Map<String, Object> read(ResultSet rs) throws SQLException;
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate readOnly;

	CustomerRows(JdbcClient jdbc, TransactionTemplate readOnly) {
		this.jdbc = jdbc;
		this.readOnly = readOnly;
	}

	/**
	 * Pages through the query until its end or until the sink says stop. {@code sortColumn} is the
	 * column the list sorts names by; {@code decorate} adds what lives in other tables, per page.
	 */
	void read(Supplier<ListQuery> query, String sort, String sortColumn, RowReader reader,
			java.util.function.Consumer<List<Read>> decorate, Predicate<Map<String, Object>> sink) {
		String cursor = null;
		do {
			var after = cursor;
			var page = readOnly.execute(status -> {
				var found = query.get().page(jdbc, (rs, n) -> new Read(rs.getObject("id", UUID.class), rs.getString(sortColumn),
						rs.getTimestamp("created_at").toInstant(), reader.read(rs)), sort, after, BATCH, Read::id, Read::sortKey,
						Read::createdAt);
				decorate.accept(found.items());
				return found;
			});
			for (var row : page.items()) {
				if (!sink.test(row.values())) {
					return;
				}
			}
			cursor = page.nextCursor();
		} while (cursor != null);
	}

	/** The tags of a page's records, by record, in name order. */
	Map<UUID, List<String>> tags(String linkTable, String linkColumn, List<Read> rows) {
		var ids = rows.stream().map(Read::id).toArray(UUID[]::new);
		var tags = new HashMap<UUID, List<String>>();
		jdbc.sql("select l." + linkColumn + " as record_id, t.name from " + linkTable + " l join tags t on t.id = l.tag_id"
				+ " where l.workspace_id = :ws and l." + linkColumn + " = any(:ids) order by lower(t.name)")
				.param("ws", WorkspaceContext.workspaceId()).param("ids", ids)
				.query((rs, n) -> {
					tags.computeIfAbsent(rs.getObject("record_id", UUID.class), id -> new java.util.ArrayList<>()).add(rs.getString("name"));
					return null;
				}).list();
		return tags;
	}

	static Map<String, Object> values() {
		return new LinkedHashMap<>();
	}

}
