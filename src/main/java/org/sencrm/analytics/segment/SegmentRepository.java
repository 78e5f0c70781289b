package org.sencrm.analytics.segment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.platform.Cursor;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Segments and static lists' members in PostgreSQL; every statement names the workspace, row-level security checks it again. */
@Repository
class SegmentRepository {

	/** A member as a list shows it. */
	record Member(UUID id, String name) {
	}

	record MemberPage(List<Member> items, String nextCursor) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;

	SegmentRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Segment> find(UUID id) {
		return jdbc.sql("select * from segments where workspace_id = :ws and id = :id").param("ws", WorkspaceContext.workspaceId())
				.param("id", id).query(this::segment).optional();
	}

	List<Segment> all(String type) {
		return jdbc.sql("select * from segments where workspace_id = :ws and (cast(:type as text) is null or customer_type = :type)"
						+ " order by lower(name), id")
				.param("ws", WorkspaceContext.workspaceId()).param("type", type).query(this::segment).list();
	}

	void insert(Segment s) {
		jdbc.sql("""
				insert into segments (id, workspace_id, name, customer_type, static, rule, owner_id, created_at, updated_at, version)
				values (:id, :ws, :name, :type, :static, cast(:rule as jsonb), :owner, :created, :updated, 0)""")
				.param("id", s.id()).param("ws", WorkspaceContext.workspaceId()).param("name", s.name()).param("type", s.type())
				.param("static", s.isStatic()).param("rule", s.rule() == null ? null : s.rule().toString()).param("owner", s.ownerId())
				.param("created", Timestamp.from(s.createdAt())).param("updated", Timestamp.from(s.updatedAt())).update();
	}

	boolean update(Segment s, int expectedVersion) {
		return jdbc.sql("""
				update segments set name = :name, rule = cast(:rule as jsonb), updated_at = :updated, version = version + 1
				where workspace_id = :ws and id = :id and version = :expected""")
				.param("id", s.id()).param("ws", WorkspaceContext.workspaceId()).param("name", s.name())
				.param("rule", s.rule() == null ? null : s.rule().toString()).param("updated", Timestamp.from(s.updatedAt()))
				.param("expected", expectedVersion).update() == 1;
	}

	boolean delete(UUID id, Integer expectedVersion) {
		return jdbc.sql("delete from segments where workspace_id = :ws and id = :id and (cast(:expected as int) is null or version = :expected)")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("expected", expectedVersion).update() == 1;
	}

	/** Adds the customers among {@code ids} that exist (and are not in the trash) in {@code table}; returns how many were found. */
	int addMembers(UUID segmentId, String table, List<UUID> ids, Timestamp at) {
		var found = jdbc.sql("select count(*) from " + table + " where workspace_id = :ws and id in (:ids)")
				.param("ws", WorkspaceContext.workspaceId()).param("ids", ids).query(Integer.class).single();
		jdbc.sql("insert into segment_members (workspace_id, segment_id, customer_id, added_at) select :ws, :segment, c.id, :at from "
						+ table + " c where c.workspace_id = :ws and c.id in (:ids) on conflict do nothing")
				.param("ws", WorkspaceContext.workspaceId()).param("segment", segmentId).param("ids", ids).param("at", at).update();
		return found;
	}

	int removeMembers(UUID segmentId, List<UUID> ids) {
		return jdbc.sql("delete from segment_members where workspace_id = :ws and segment_id = :segment and customer_id in (:ids)")
				.param("ws", WorkspaceContext.workspaceId()).param("segment", segmentId).param("ids", ids).update();
	}

	long count(String table, RuleSql.Compiled condition) {
		return jdbc.sql("select count(*) from " + table + " r where r.workspace_id = :ws and " + condition.sql())
				.params(condition.params()).param("ws", WorkspaceContext.workspaceId()).query(Long.class).single();
	}

	boolean contains(String table, RuleSql.Compiled condition, UUID customerId) {
		return jdbc.sql("select exists (select 1 from " + table + " r where r.workspace_id = :ws and r.id = :customer and " + condition.sql()
						+ ")")
				.params(condition.params()).param("ws", WorkspaceContext.workspaceId()).param("customer", customerId)
				.query(Boolean.class).single();
	}

	/** One page of members by name (the list's sort column, then id), after the cursor; one row more tells whether another follows. */
	MemberPage members(String table, String sortColumn, String nameExpression, RuleSql.Compiled condition, String cursorText, int limit) {
		var cursor = Cursor.decode(cursorText);
		var after = cursor == null ? "" : " and (r." + sortColumn + ", r.id) > (:afterName, :afterId)";
		var statement = jdbc.sql("select r.id, " + nameExpression + " as name, r." + sortColumn + " as sort_key from " + table
						+ " r where r.workspace_id = :ws and " + condition.sql() + after + " order by r." + sortColumn + ", r.id limit :limit")
				.params(condition.params()).param("ws", WorkspaceContext.workspaceId()).param("limit", limit + 1);
		if (cursor != null) {
			statement = statement.param("afterName", cursor.key()).param("afterId", cursor.id());
		}
		var rows = statement.query((rs, n) -> new Object[] {rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("sort_key")})
				.list();
		var more = rows.size() > limit;
		var shown = new ArrayList<>(more ? rows.subList(0, limit) : rows);
		String next = null;
		if (more) {
			var last = shown.getLast();
			next = new Cursor((String) last[2], (UUID) last[0]).encode();
		}
		return new MemberPage(shown.stream().map(r -> new Member((UUID) r[0], (String) r[1])).toList(), next);
	}

	/** Ids of members after a cursor id, in id order: for other modules walking a segment page by page. */
	List<UUID> memberIds(String table, RuleSql.Compiled condition, UUID after, int limit) {
		return jdbc.sql("select r.id from " + table + " r where r.workspace_id = :ws and " + condition.sql()
						+ (after == null ? "" : " and r.id > :after") + " order by r.id limit :limit")
				.params(condition.params()).param("ws", WorkspaceContext.workspaceId()).param("after", after).param("limit", limit)
				.query(UUID.class).list();
	}

	private Segment segment(ResultSet rs, int row) throws SQLException {
		var rule = rs.getString("rule");
		return new Segment(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("customer_type"), rs.getBoolean("static"),
				rule == null ? null : json.readTree(rule), rs.getObject("owner_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}
}
