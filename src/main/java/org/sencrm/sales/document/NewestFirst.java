package org.sencrm.sales.document;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.sencrm.platform.Cursor;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One keyset page of a workspace's quotes, orders or contracts, newest first by
 * {@code (created_at, id)}, narrowed by equality on columns (null or blank values are no filter).
 */
public final class NewestFirst {

	public static final int MAX_LIMIT = 200;

	/** The rows of the page and the cursor of the next one (null on the last page). */
	public record Slice<T>(List<T> items, String nextCursor) {
	}

	private NewestFirst() {
	}

	/** A status filter names one of the document's statuses, else it is a problem on {@code status}; blank is no filter. */
	public static void checkStatus(String status, List<String> statuses) {
		if (status != null && !status.isBlank() && !statuses.contains(status)) {
			var problems = new ValidationException.Collector();
			problems.add("status", "validation.choice");
			problems.throwIfAny();
		}
	}

	/**
	 * {@code select} is the statement up to its {@code where} (its table aliased {@code alias});
	 * {@code equal} maps column names to the values they must have.
	 */
	public static <T> Slice<T> page(JdbcClient jdbc, String select, String alias, Map<String, Object> equal, String cursorText,
			int limit, RowMapper<T> rows, Function<T, Instant> createdAt, Function<T, UUID> id) {
		var cursor = Cursor.decode(cursorText);
		var size = Math.max(1, Math.min(limit, MAX_LIMIT));
		var sql = new StringBuilder(select).append(" where ").append(alias).append(".workspace_id = :ws");
		var params = new HashMap<String, Object>();
		params.put("ws", WorkspaceContext.workspaceId());
		equal.forEach((column, value) -> {
			if (value != null && !(value instanceof String text && text.isBlank())) {
				sql.append(" and ").append(alias).append('.').append(column).append(" = :").append(column);
				params.put(column, value);
			}
		});
		if (cursor != null) {
			sql.append(" and (a.created_at, a.id) < (:key, :after)".replace("a.", alias + "."));
			params.put("key", Timestamp.from(cursor.keyAsInstant()));
			params.put("after", cursor.id());
		}
		sql.append(" order by a.created_at desc, a.id desc limit :limit".replace("a.", alias + "."));
		params.put("limit", size + 1);
		var found = jdbc.sql(sql.toString()).params(params).query(rows).list();
		var items = found.stream().limit(size).toList();
		var next = found.size() > size
				? new Cursor(createdAt.apply(items.getLast()).toString(), id.apply(items.getLast())).encode() : null;
		return new Slice<>(items, next);
	}
}
