package org.sencrm.sales.opportunity;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.platform.Cursor;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.Amounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Opportunities and their buying-center contacts in PostgreSQL; every statement names the workspace. */
@Repository
class OpportunityRepository {

	record Page(List<Opportunity> items, String nextCursor) {
	}

	private final JdbcClient jdbc;

	OpportunityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Opportunity> find(UUID id) {
		return jdbc.sql("select * from opportunities where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.query(OpportunityRepository::opportunity).optional()
				.map(o -> o.withContacts(contacts(id)));
	}

	void insert(Opportunity o) {
		jdbc.sql("""
				insert into opportunities (id, workspace_id, name, pipeline_id, stage_id, status, person_id, organization_id, amount,
				  currency, expected_close_date, owner_id, owner_team_id, competitors, next_step, lost_reason, forecast_category,
				  stage_entered_at, closed_at, created_at, updated_at, version)
				values (:id, :ws, :name, :pipeline, :stage, :status, :person, :organization, :amount, :currency, :closeDate, :owner,
				  :team, :competitors, :nextStep, :lostReason, :forecastCategory, :stageEntered, :closed, :created, :updated, 0)""")
				.params(columns(o))
				.update();
		saveContacts(o.id(), o.contacts());
	}

	boolean update(Opportunity o, int expectedVersion) {
		var params = columns(o);
		params.put("expected", expectedVersion);
		var updated = jdbc.sql("""
				update opportunities set name = :name, pipeline_id = :pipeline, stage_id = :stage, status = :status,
				  person_id = :person, organization_id = :organization, amount = :amount, currency = :currency,
				  expected_close_date = :closeDate, owner_id = :owner, owner_team_id = :team, competitors = :competitors,
				  next_step = :nextStep, lost_reason = :lostReason, forecast_category = :forecastCategory,
				  stage_entered_at = :stageEntered, closed_at = :closed,
				  updated_at = :updated, version = version + 1
				where workspace_id = :ws and id = :id and version = :expected""")
				.params(params)
				.update() == 1;
		if (updated) {
			saveContacts(o.id(), o.contacts());
		}
		return updated;
	}

	/**
	 * A page of the list, by close date then id, after the cursor. Filters are equalities and date
	 * ranges on plain columns, which PostgreSQL can serve from an index under row-level security.
	 */
	Page list(OpportunityFilter filter, OpportunityAccess.Sight sight) {
		var where = new Conditions();
		where.equal("owner_id", filter.ownerId());
		where.equal("owner_team_id", filter.teamId());
		where.equal("pipeline_id", filter.pipelineId());
		where.equal("stage_id", filter.stageId());
		where.equal("status", filter.status());
		where.equal("person_id", filter.personId());
		where.equal("organization_id", filter.organizationId());
		if (filter.closeMonth() != null) {
			where.closeDates(filter.closeMonth().atDay(1), filter.closeMonth().plusMonths(1).atDay(1));
		}
		where.sight(sight);
		var cursor = Cursor.decode(filter.cursor());
		if (cursor != null) {
			where.add("(expected_close_date, id) > (:cursorDate, :cursorId)");
			where.params.put("cursorDate", Date.valueOf(date(cursor.key())));
			where.params.put("cursorId", cursor.id());
		}
		var rows = jdbc.sql("select * from opportunities where " + where.sql() + " order by expected_close_date, id limit :limit")
				.params(where.params).param("limit", filter.limit() + 1)
				.query(OpportunityRepository::opportunity).list();
		var more = rows.size() > filter.limit();
		var items = new ArrayList<>(more ? rows.subList(0, filter.limit()) : rows);
		var contacts = contacts(items.stream().map(Opportunity::id).toList());
		items.replaceAll(o -> o.withContacts(contacts.getOrDefault(o.id(), List.of())));
		var last = items.isEmpty() ? null : items.getLast();
		return new Page(items, more ? new Cursor(last.expectedCloseDate().toString(), last.id()).encode() : null);
	}

	/** One stage's first cards for the board: open stages soonest close date first, closed ones latest first. */
	List<Opportunity> cards(UUID pipelineId, UUID stageId, BoardFilter filter, OpportunityAccess.Sight sight, boolean newestFirst,
			int limit) {
		var where = boardConditions(pipelineId, stageId, filter, sight);
		var order = newestFirst ? "expected_close_date desc, id desc" : "expected_close_date, id";
		return jdbc.sql("select * from opportunities where " + where.sql() + " order by " + order + " limit :limit")
				.params(where.params).param("limit", limit)
				.query(OpportunityRepository::opportunity).list();
	}

	/** Count and sum per currency of one stage under the board's filter (an index-only scan of opportunities_board). */
	List<Board.Total> totals(UUID pipelineId, UUID stageId, BoardFilter filter, OpportunityAccess.Sight sight) {
		var where = boardConditions(pipelineId, stageId, filter, sight);
		return jdbc.sql("select currency, count(*) as n, sum(amount) as total from opportunities where " + where.sql()
				+ " group by currency order by count(*) desc, currency")
				.params(where.params)
				.query((rs, n) -> {
					var currency = rs.getString("currency").strip();
					var sum = rs.getBigDecimal("total");
					return new Board.Total(currency, rs.getLong("n"), Amounts.scaled(sum == null ? BigDecimal.ZERO : sum, currency));
				})
				.list();
	}

	private static Conditions boardConditions(UUID pipelineId, UUID stageId, BoardFilter filter, OpportunityAccess.Sight sight) {
		var where = new Conditions();
		where.equal("pipeline_id", pipelineId);
		where.equal("stage_id", stageId);
		where.closeDates(filter.from(), filter.to());
		where.equal("owner_id", filter.ownerId());
		where.equal("owner_team_id", filter.teamId());
		where.sight(sight);
		return where;
	}

	void insertStageChange(StageChange change) {
		var scope = WorkspaceContext.current();
		jdbc.sql("""
				insert into opportunity_stage_changes (id, workspace_id, opportunity_id, from_stage_id, to_stage_id, changed_at,
				  changed_by, changed_by_name)
				values (:id, :ws, :opportunity, :from, :to, :at, :by, :byName)""")
				.param("id", change.id()).param("ws", scope.workspaceId()).param("opportunity", change.opportunityId())
				.param("from", change.fromStageId()).param("to", change.toStageId()).param("at", Timestamp.from(change.changedAt()))
				.param("by", change.changedBy()).param("byName", change.changedByName())
				.update();
	}

	List<StageChange> stageChanges(UUID opportunityId) {
		return jdbc.sql("""
				select * from opportunity_stage_changes where workspace_id = :ws and opportunity_id = :id order by changed_at, id""")
				.param("ws", WorkspaceContext.workspaceId()).param("id", opportunityId)
				.query((rs, n) -> new StageChange(rs.getObject("id", UUID.class), rs.getObject("opportunity_id", UUID.class),
						rs.getObject("from_stage_id", UUID.class), rs.getObject("to_stage_id", UUID.class),
						rs.getTimestamp("changed_at").toInstant(), rs.getObject("changed_by", UUID.class), rs.getString("changed_by_name")))
				.list();
	}

	private List<OpportunityContact> contacts(UUID opportunityId) {
		return contacts(List.of(opportunityId)).getOrDefault(opportunityId, List.of());
	}

	private Map<UUID, List<OpportunityContact>> contacts(List<UUID> opportunityIds) {
		var found = new HashMap<UUID, List<OpportunityContact>>();
		if (opportunityIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				select opportunity_id, person_id, buying_roles from opportunity_contacts
				where workspace_id = :ws and opportunity_id in (:ids) order by opportunity_id, position""")
				.param("ws", WorkspaceContext.workspaceId()).param("ids", opportunityIds)
				.query((rs, n) -> {
					found.computeIfAbsent(rs.getObject("opportunity_id", UUID.class), k -> new ArrayList<>())
							.add(new OpportunityContact(rs.getObject("person_id", UUID.class), strings(rs.getArray("buying_roles"))));
					return null;
				})
				.list();
		return found;
	}

	private void saveContacts(UUID opportunityId, List<OpportunityContact> contacts) {
		jdbc.sql("delete from opportunity_contacts where workspace_id = :ws and opportunity_id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", opportunityId).update();
		for (int i = 0; i < contacts.size(); i++) {
			jdbc.sql("""
					insert into opportunity_contacts (workspace_id, opportunity_id, person_id, buying_roles, position)
					values (:ws, :opportunity, :person, :roles, :position)""")
					.param("ws", WorkspaceContext.workspaceId()).param("opportunity", opportunityId)
					.param("person", contacts.get(i).personId()).param("roles", contacts.get(i).roles().toArray(String[]::new))
					.param("position", i)
					.update();
		}
	}

	private static Map<String, Object> columns(Opportunity o) {
		var params = new HashMap<String, Object>();
		params.put("id", o.id());
		params.put("ws", WorkspaceContext.workspaceId());
		params.put("name", o.name());
		params.put("pipeline", o.pipelineId());
		params.put("stage", o.stageId());
		params.put("status", o.status());
		params.put("person", o.personId());
		params.put("organization", o.organizationId());
		params.put("amount", o.amount());
		params.put("currency", o.currency());
		params.put("closeDate", Date.valueOf(o.expectedCloseDate()));
		params.put("owner", o.ownerId());
		params.put("team", o.ownerTeamId());
		params.put("competitors", o.competitors().toArray(String[]::new));
		params.put("nextStep", o.nextStep());
		params.put("lostReason", o.lostReason());
		params.put("forecastCategory", o.forecastCategory());
		params.put("stageEntered", Timestamp.from(o.stageEnteredAt()));
		params.put("closed", o.closedAt() == null ? null : Timestamp.from(o.closedAt()));
		params.put("created", Timestamp.from(o.createdAt()));
		params.put("updated", Timestamp.from(o.updatedAt()));
		return params;
	}

	static Opportunity opportunity(ResultSet rs, int row) throws SQLException {
		var currency = rs.getString("currency").strip();
		var closed = rs.getTimestamp("closed_at");
		return new Opportunity(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("pipeline_id", UUID.class),
				rs.getObject("stage_id", UUID.class), rs.getString("status"), rs.getObject("person_id", UUID.class),
				rs.getObject("organization_id", UUID.class), Amounts.scaled(rs.getBigDecimal("amount"), currency), currency,
				rs.getDate("expected_close_date").toLocalDate(), rs.getObject("owner_id", UUID.class),
				rs.getObject("owner_team_id", UUID.class), strings(rs.getArray("competitors")), rs.getString("next_step"),
				rs.getString("lost_reason"), rs.getString("forecast_category"), List.of(), rs.getTimestamp("stage_entered_at").toInstant(),
				closed == null ? null : closed.toInstant(), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text);
		} catch (java.time.format.DateTimeParseException e) {
			throw new org.sencrm.platform.ValidationException(List.of(new org.sencrm.platform.ValidationException.FieldProblem(
					"cursor", "validation.cursor")));
		}
	}

	/** A where clause of plain equalities and ranges, always starting with the workspace. */
	private static final class Conditions {
		private final List<String> parts = new ArrayList<>();
		private final Map<String, Object> params = new LinkedHashMap<>();

		Conditions() {
			parts.add("workspace_id = :ws");
			params.put("ws", WorkspaceContext.workspaceId());
		}

		void add(String condition) {
			parts.add(condition);
		}

		void equal(String column, Object value) {
			if (value != null) {
				parts.add(column + " = :" + column);
				params.put(column, value);
			}
		}

		void closeDates(LocalDate from, LocalDate to) {
			if (from != null) {
				parts.add("expected_close_date >= :closeFrom");
				params.put("closeFrom", Date.valueOf(from));
			}
			if (to != null) {
				parts.add("expected_close_date < :closeTo");
				params.put("closeTo", Date.valueOf(to));
			}
		}

		/** Sales users: their own and their teams' opportunities. */
		void sight(OpportunityAccess.Sight sight) {
			var condition = sight.condition("");
			if (condition != null) {
				parts.add(condition);
				params.putAll(sight.params());
			}
		}

		String sql() {
			return String.join(" and ", parts);
		}
	}
}
