package org.sencrm.directory.record;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.sencrm.directory.listing.ListQuery;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL every customer table answers the same way: counts by owner, external ids, tag names and
 * the filtered keyset list. Table and column names come from {@link CustomerKind}, values are bound.
 */
@Repository
public class RecordTable {

	private final JdbcClient jdbc;

	RecordTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many records of the kind this user owns (served by the index on owner). */
	public long countOwnedBy(CustomerKind kind, UUID ownerId) {
		return jdbc.sql("select count(*) from " + kind.table() + " where workspace_id = :ws and owner_id = :owner")
				.param("ws", WorkspaceContext.workspaceId()).param("owner", ownerId).query(Long.class).single();
	}

	/** The record with this external id, if one that is not in the trash has it. */
	public Optional<UUID> withExternalId(CustomerKind kind, String externalId) {
		return jdbc.sql("select id from " + kind.table() + " where workspace_id = :ws and external_id = :external")
				.param("ws", WorkspaceContext.workspaceId()).param("external", externalId).query(UUID.class).optional();
	}

	/** The names of a record's tags, in the order lists show them. */
	public List<String> tagNames(CustomerKind kind, UUID id) {
		return jdbc.sql("select t.name from " + kind.tagTable() + " l join tags t on t.id = l.tag_id where l.workspace_id = :ws and l."
				+ kind.linkColumn() + " = :id order by lower(t.name)")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).query(String.class).list();
	}

	/** The query of a kind's list with the filters every kind shares (the list's pages, its exports). */
	public static ListQuery query(CustomerKind kind, RecordFilter filter) {
		return new ListQuery(kind.table(), kind.sortColumn(), kind.tagTable(), kind.linkColumn())
				.text(filter.q())
				.tags(filter.tags())
				.equal("owner_id", filter.ownerId())
				.equal("external_id", filter.externalId())
				.equal("lifecycle_stage", filter.lifecycleStage())
				.customFields(filter.customFields());
	}

	/**
	 * One page of a filtered list: the filters every kind shares from {@code filter}; a kind adds its
	 * own columns with {@code more} (e.g. {@code q -> q.equal("status", status)}).
	 */
	public <R extends CustomerRecord> ListQuery.Page<R> list(CustomerKind kind, RecordFilter filter, Function<ListQuery, ListQuery> more,
			RowMapper<R> rows) {
		return more.apply(query(kind, filter)).page(jdbc, rows, filter.sort(), filter.cursor(), filter.limit(), CustomerRecord::id,
				CustomerRecord::sortKey, CustomerRecord::createdAt);
	}
}
