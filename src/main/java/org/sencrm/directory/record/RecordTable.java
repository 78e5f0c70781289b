package org.sencrm.directory.record;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.sencrm.directory.CustomerSets;
import org.sencrm.directory.Customers;
import org.sencrm.directory.listing.ListQuery;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.beans.factory.ObjectProvider;
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
	private final ObjectProvider<CustomerSets> sets;

	RecordTable(JdbcClient jdbc, ObjectProvider<CustomerSets> sets) {
		this.jdbc = jdbc;
		this.sets = sets;
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

	/**
	 * A record (aliased {@code r}) holds an email today's check would refuse: the shape of
	 * {@code platform.Email} (something@domain.tld, no spaces, one @) and its 254 characters. The one
	 * definition of the list filter and the data-quality page.
	 */
	public static final String INVALID_EMAIL = """
			exists (select 1 from jsonb_array_elements(r.emails) e
			        where (e ->> 'address') !~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$' or length(e ->> 'address') > 254)""";

	/** A record (aliased {@code r}) holds a phone not in E.164 (a + and 7–15 digits), left from before phones were normalised. */
	public static final String INVALID_PHONE = """
			exists (select 1 from jsonb_array_elements(r.phones) t where (t ->> 'number') !~ '^\\+[1-9][0-9]{6,14}$')""";

	/** A record (aliased {@code r}) is owned by a user who can still sign in. */
	public static final String ACTIVE_OWNER = "exists (select 1 from users u where u.id = r.owner_id and u.active)";

	/**
	 * A record (aliased {@code r}) is in a group of the last duplicate scan that still has another
	 * record (the others may have been merged or deleted since); the groups are read once, not per row.
	 */
	public static String inDuplicateGroup(CustomerKind kind) {
		return """
				r.id in (select x from duplicate_groups g cross join unnest(g.ids) x
				         where g.workspace_id = :ws and g.entity = '%1$s'
				           and (select count(*) from %2$s o where o.workspace_id = :ws and o.id = any(g.ids)) >= 2)"""
				.formatted(kind.entity(), kind.table());
	}

	/** The query of a kind's list with the filters every kind shares (the list's pages, its exports). */
	public static ListQuery query(CustomerKind kind, RecordFilter filter) {
		var query = new ListQuery(kind.table(), kind.sortColumn(), kind.tagTable(), kind.linkColumn())
				.text(filter.q())
				.tags(filter.tags())
				.equal("owner_id", filter.ownerId())
				.equal("external_id", filter.externalId())
				.equal("lifecycle_stage", filter.lifecycleStage())
				.customFields(filter.customFields());
		// "= '[]'", not jsonb_array_length: a plain comparison a partial index could serve if a big base needs one
		either(query, filter.hasEmail(), "r.emails <> '[]'::jsonb", "r.emails = '[]'::jsonb");
		either(query, filter.hasPhone(), "r.phones <> '[]'::jsonb", "r.phones = '[]'::jsonb");
		either(query, filter.hasOwner(), ACTIVE_OWNER, "not " + ACTIVE_OWNER);
		either(query, filter.inDuplicateGroup(), inDuplicateGroup(kind), "not " + inDuplicateGroup(kind));
		if (filter.invalid() != null) {
			query.where(switch (filter.invalid()) {
				case "email" -> INVALID_EMAIL;
				case "phone" -> INVALID_PHONE;
				default -> INVALID_EMAIL + " or " + INVALID_PHONE;
			}, Map.of());
		}
		if (filter.updatedBefore() != null) {
			query.where("r.updated_at < :updatedBefore", Map.of("updatedBefore", Timestamp.from(filter.updatedBefore())));
		}
		return query;
	}

	/**
	 * The query of a kind's list with the filters every kind shares, and membership of the segment the
	 * filter names (its condition from {@link CustomerSets}); a segment the workspace does not have is
	 * a 422 on {@code segment}.
	 */
	public ListQuery filtered(CustomerKind kind, RecordFilter filter) {
		var query = query(kind, filter);
		if (filter.segment() != null) {
			var set = sets.getIfAvailable();
			var condition = set == null ? null
					: set.condition(kind == CustomerKind.PERSON ? Customers.Kind.PERSON : Customers.Kind.ORGANIZATION, filter.segment())
							.orElse(null);
			if (condition == null) {
				throw new ValidationException(List.of(new ValidationException.FieldProblem("segment", "error.invalid-value")));
			}
			query.where(condition.sql(), condition.params());
		}
		return query;
	}

	private static void either(ListQuery query, Boolean wanted, String yes, String no) {
		if (wanted != null) {
			query.where(wanted ? yes : no, Map.of());
		}
	}

	/**
	 * One page of a filtered list: the filters every kind shares from {@code filter}; a kind adds its
	 * own columns with {@code more} (e.g. {@code q -> q.equal("status", status)}).
	 */
	public <R extends CustomerRecord> ListQuery.Page<R> list(CustomerKind kind, RecordFilter filter, Function<ListQuery, ListQuery> more,
			RowMapper<R> rows) {
		return more.apply(filtered(kind, filter)).page(jdbc, rows, filter.sort(), filter.cursor(), filter.limit(), CustomerRecord::id,
				CustomerRecord::sortKey, CustomerRecord::createdAt);
	}
}
