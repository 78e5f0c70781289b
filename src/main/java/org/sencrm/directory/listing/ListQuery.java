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
import org.sencrm.directory.search.SearchPrefixes;
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
	private final String termColumn;
	private final StringBuilder where = new StringBuilder(" where r.workspace_id = :ws");
	private final Map<String, Object> params = new HashMap<>();
	private int counter;

	/** A query over {@code table} (aliased r) whose tags live in {@code tagTable.tagColumn}. */
	public ListQuery(String table, String nameColumn, String tagTable, String tagColumn) {
		this.table = table;
		this.nameColumn = nameColumn;
		this.tagTable = tagTable;
		this.tagColumn = tagColumn;
		this.termColumn = tagColumn; // search_terms names its link columns like the tag links: person_id, organization_id
		params.put("ws", WorkspaceContext.workspaceId());
	}

	/**
	 * Records with a word starting with the text (names, emails, phone and tax code digits), found
	 * through the search terms: b-tree ranges, which PostgreSQL can use under row-level security.
	 */
	public ListQuery text(String q) {
		if (q == null || q.isBlank()) {
			return this;
		}
		var prefixes = SearchPrefixes.direct(q);
		if (prefixes.isEmpty()) {
			return this;
		}
		where.append(" and r.id in (select s.").append(termColumn).append(" from search_terms s where s.workspace_id = :ws and s.")
				.append(termColumn).append(" is not null and (");
		for (int i = 0; i < prefixes.size(); i++) {
			var from = next("from");
			var to = next("to");
			where.append(i == 0 ? "" : " or ").append("(s.term >= :").append(from).append(" and s.term < :").append(to).append(")");
			params.put(from, prefixes.get(i).from());
			params.put(to, prefixes.get(i).to());
		}
		where.append("))");
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

	/**
	 * A condition on the record (aliased {@code r}; {@code :ws} is the workspace), written in code —
	 * never from input: the values a filter compares with go in {@code params}.
	 */
	public ListQuery where(String condition, Map<String, Object> values) {
		where.append(" and (").append(condition).append(")");
		params.putAll(values);
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
