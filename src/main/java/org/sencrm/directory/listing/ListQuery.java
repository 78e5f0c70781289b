package org.sencrm.directory.listing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.sencrm.platform.Cursor;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A filtered, keyset-paginated list of persons or organizations: text, tags, owner, fixed
 * columns and custom field values, sorted by name ({@code display_name}/{@code name}) or newest
 * first. Each page asks for one row more than it shows to know whether another page follows;
 * there is no COUNT and no OFFSET.
 */
public final class ListQuery {

	public record Page<T>(List<T> items, String nextCursor) {
	}

	private final String table;
	private final String tagTable;
	private final String tagColumn;
	private final String nameColumn;
	private final StringBuilder where = new StringBuilder(" where r.workspace_id = :ws");
	private final Map<String, Object> params = new HashMap<>();
	private int counter;

	/** A query over {@code table} (aliased r) whose tags live in {@code tagTable.tagColumn}. */
	public ListQuery(String table, String nameColumn, String tagTable, String tagColumn) {
		this.table = table;
		this.nameColumn = nameColumn;
		this.tagTable = tagTable;
		this.tagColumn = tagColumn;
		params.put("ws", WorkspaceContext.workspaceId());
	}

	public ListQuery text(String q) {
		if (q != null && !q.isBlank()) {
			var digits = SearchText.digits(q);
			var name = next("q");
			where.append(" and (r.search_text like :").append(name);
			params.put(name, "%" + SearchText.escapeLike(SearchText.fold(q)) + "%");
			if (digits.length() >= 4) {
				var digitsName = next("digits");
				where.append(" or r.search_text like :").append(digitsName);
				params.put(digitsName, "%" + digits + "%");
			}
			where.append(")");
		}
		return this;
	}

	public ListQuery tags(List<String> tags) {
		for (var tag : tags) {
			var name = next("tag");
			where.append(" and exists (select 1 from ").append(tagTable).append(" l join tags t on t.id = l.tag_id where l.")
					.append(tagColumn).append(" = r.id and lower(t.name) = lower(:").append(name).append("))");
			params.put(name, tag);
		}
		return this;
	}

	/** {@code column = value} when a value is given; the column name comes from code, never from input. */
	public ListQuery equal(String column, Object value) {
		if (value != null) {
			var name = next("v");
			where.append(" and r.").append(column).append(" = :").append(name);
			params.put(name, value);
		}
		return this;
	}

	/** Matches a custom field's value, or one of the values of a multi-choice field. */
	public ListQuery customFields(Map<String, String> values) {
		values.forEach((key, value) -> {
			var k = next("cfKey");
			var v = next("cfValue");
			where.append(" and (r.custom_fields ->> :").append(k).append(" = :").append(v)
					.append(" or r.custom_fields -> :").append(k).append(" @> to_jsonb(cast(:").append(v).append(" as text)))");
			params.put(k, key);
			params.put(v, value);
		});
		return this;
	}

	/** Runs the query for one page; {@code sortKey} gives a row's name key for the next cursor. */
	public <T> Page<T> page(JdbcClient jdbc, RowMapper<T> rows, String sort, String cursorText, int limit,
			Function<T, UUID> id, Function<T, String> sortKey, Function<T, Instant> created) {
		var newest = "created".equals(sort);
		var cursor = Cursor.decode(cursorText);
		if (cursor != null) {
			if (newest) {
				where.append(" and (r.created_at, r.id) < (:afterCreated, :afterId)");
				params.put("afterCreated", Timestamp.from(cursor.keyAsInstant()));
			} else {
				where.append(" and (r.").append(nameColumn).append(", r.id) > (:afterName, :afterId)");
				params.put("afterName", cursor.key());
			}
			params.put("afterId", cursor.id());
		}
		var order = newest ? " order by r.created_at desc, r.id desc" : " order by r." + nameColumn + ", r.id";
		params.put("limit", limit + 1);
		var found = jdbc.sql("select r.* from " + table + " r" + where + order + " limit :limit").params(params).query(rows).list();
		var more = found.size() > limit;
		var items = new ArrayList<>(more ? found.subList(0, limit) : found);
		String next = null;
		if (more) {
			var last = items.getLast();
			next = new Cursor(newest ? created.apply(last).toString() : sortKey.apply(last), id.apply(last)).encode();
		}
		return new Page<>(items, next);
	}

	private String next(String prefix) {
		return prefix + (counter++);
	}
}
