package org.sencrm.sales.lead;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's lead assignment rules, and assigning a new lead by them. Taking turns in a team
 * keeps its pointer (the member who got the last lead) on the rule's row, read and moved under a
 * row lock, so concurrent arrivals on any number of app nodes go A, B, A, B… without gaps.
 */
@Service
public class AssignmentRules {

	static final String ENTITY = "lead_assignment_rule";

	/** An owner for a lead: the user and the team it is shared with. */
	record Owner(UUID userId, UUID teamId) {
	}

	private final JdbcClient jdbc;
	private final UserDirectory users;
	private final LeadAccess access;
	private final History history;

	AssignmentRules(JdbcClient jdbc, UserDirectory users, LeadAccess access, History history) {
		this.jdbc = jdbc;
		this.users = users;
		this.access = access;
		this.history = history;
	}

	@Transactional(readOnly = true)
	public List<AssignmentRule> all() {
		return jdbc.sql("select * from lead_assignment_rules where workspace_id = :ws order by position, id")
				.param("ws", WorkspaceContext.workspaceId()).query(this::rule).list();
	}

	/** The owner the first matching rule gives the lead, if any. Call inside the transaction that stores the lead. */
	@Transactional
	Optional<Owner> ownerFor(Lead lead) {
		for (var rule : all()) {
			if (!rule.matches(lead)) {
				continue;
			}
			if (!rule.roundRobin()) {
				if (users.user(rule.userId()).filter(UserDirectory.UserSummary::active).isPresent()) {
					return Optional.of(new Owner(rule.userId(), rule.teamId()));
				}
				continue;
			}
			var next = nextInTurn(rule.id(), rule.teamId());
			if (next.isPresent()) {
				return Optional.of(new Owner(next.get(), rule.teamId()));
			}
		}
		return Optional.empty();
	}

	/**
	 * The owners of an import's new leads, by the same rules, set-based (decision 37): in the staging
	 * table, rows to create ({@code match_id} null) without an owner yet get, rule after rule in order,
	 * the rule's user — or, by turns, the active members of its team in row order, continuing from the
	 * member who got the last lead and leaving the pointer on the last one given — in one statement per
	 * rule. The rules match on the staged folded columns {@code source_key}, {@code province_key},
	 * {@code campaign_key}. Rows no rule takes keep no owner.
	 */
	@Transactional
	void assignStaged() {
		for (var rule : all()) {
			if (!rule.active()) {
				continue;
			}
			var condition = "s.match_id is null and s.owner_id is null"
					+ (rule.matchField().equals("any") ? "" : " and s." + switch (rule.matchField()) {
						case "source" -> "source_key";
						case "province" -> "province_key";
						default -> "campaign_key";
					} + " = :value");
			var value = rule.matchValue() == null ? "" : org.sencrm.platform.SearchText.fold(rule.matchValue());
			if (!rule.roundRobin()) {
				if (users.user(rule.userId()).filter(UserDirectory.UserSummary::active).isPresent()) {
					jdbc.sql("update import_staging s set owner_id = :user, owner_team_id = :team where " + condition)
							.param("user", rule.userId()).param("team", rule.teamId()).param("value", value).update();
				}
				continue;
			}
			var members = users.activeMembers(rule.teamId());
			if (members.isEmpty()) {
				continue;
			}
			var last = jdbc.sql("select last_user_id from lead_assignment_rules where workspace_id = :ws and id = :id for update")
					.param("ws", WorkspaceContext.workspaceId()).param("id", rule.id())
					.query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).single();
			var next = last.flatMap(l -> members.stream().filter(m -> after(m, l)).findFirst()).orElse(members.getFirst());
			int start = members.indexOf(next);
			int given = jdbc.sql("""
					with turn as (select row_number, row_number() over (order by row_number) - 1 as k from import_staging s where %s)
					update import_staging s set owner_id = (cast(:members as uuid[]))[((:start + t.k) %% :n) + 1], owner_team_id = :team
					from turn t where s.row_number = t.row_number""".formatted(condition))
					.param("members", members.toArray(UUID[]::new)).param("start", start).param("n", members.size())
					.param("team", rule.teamId()).param("value", value).update();
			if (given > 0) {
				jdbc.sql("update lead_assignment_rules set last_user_id = :user where workspace_id = :ws and id = :id")
						.param("user", members.get((start + given - 1) % members.size())).param("ws", WorkspaceContext.workspaceId())
						.param("id", rule.id()).update();
			}
		}
	}

	/** The member after the one who got the last lead (in id order, wrapping round), moving the pointer. */
	private Optional<UUID> nextInTurn(UUID ruleId, UUID teamId) {
		var last = jdbc.sql("select last_user_id from lead_assignment_rules where workspace_id = :ws and id = :id for update")
				.param("ws", WorkspaceContext.workspaceId()).param("id", ruleId)
				.query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).single();
		var members = users.activeMembers(teamId);
		if (members.isEmpty()) {
			return Optional.empty();
		}
		var next = last.flatMap(l -> members.stream().filter(m -> after(m, l)).findFirst())
				.orElse(members.getFirst());
		jdbc.sql("update lead_assignment_rules set last_user_id = :user where workspace_id = :ws and id = :id")
				.param("user", next).param("ws", WorkspaceContext.workspaceId()).param("id", ruleId).update();
		return Optional.of(next);
	}

	/** Java compares UUIDs as signed numbers, PostgreSQL as bytes: members come in PostgreSQL's order, so compare as it does. */
	private static boolean after(UUID member, UUID last) {
		return member.toString().compareTo(last.toString()) > 0;
	}

	@Transactional
	public AssignmentRule add(String matchField, String matchValue, UUID userId, UUID teamId) {
		access.requireRules();
		var rules = all();
		var rule = checked(Ids.next(), matchField, matchValue, userId, teamId, rules.isEmpty() ? 0 : rules.getLast().position() + 1,
				true, 0);
		jdbc.sql("""
				insert into lead_assignment_rules (id, workspace_id, position, match_field, match_value, user_id, team_id, active)
				values (:id, :ws, :position, :field, :value, :user, :team, true)""")
				.param("id", rule.id()).param("ws", WorkspaceContext.workspaceId()).param("position", rule.position())
				.param("field", rule.matchField()).param("value", rule.matchValue()).param("user", rule.userId())
				.param("team", rule.teamId()).update();
		history.created(ENTITY, rule.id(), values(rule));
		return rule;
	}

	@Transactional
	public AssignmentRule change(UUID id, String matchField, String matchValue, UUID userId, UUID teamId, Integer position,
			boolean active, int expectedVersion) {
		access.requireRules();
		var current = get(id);
		var rule = checked(id, matchField, matchValue, userId, teamId, position == null ? current.position() : position, active,
				expectedVersion + 1);
		var updated = jdbc.sql("""
				update lead_assignment_rules set match_field = :field, match_value = :value, user_id = :user, team_id = :team,
				  position = :position, active = :active, version = version + 1
				where workspace_id = :ws and id = :id and version = :version""")
				.param("field", rule.matchField()).param("value", rule.matchValue()).param("user", rule.userId())
				.param("team", rule.teamId()).param("position", rule.position()).param("active", rule.active())
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("version", expectedVersion).update();
		if (updated == 0) {
			throw new StaleVersionException();
		}
		history.updated(ENTITY, id, values(current), values(rule));
		return get(id);
	}

	@Transactional
	public void remove(UUID id) {
		access.requireRules();
		var current = get(id);
		jdbc.sql("delete from lead_assignment_rules where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).update();
		history.deleted(ENTITY, id, values(current));
	}

	@Transactional(readOnly = true)
	public AssignmentRule get(UUID id) {
		return jdbc.sql("select * from lead_assignment_rules where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).query(this::rule).optional()
				.orElseThrow(() -> new NotFoundException("entity.assignment-rule"));
	}

	private AssignmentRule checked(UUID id, String matchField, String matchValue, UUID userId, UUID teamId, int position,
			boolean active, int version) {
		var problems = new ValidationException.Collector();
		var field = LeadFields.blankToNull(matchField) == null ? "any" : matchField.strip();
		var value = LeadFields.blankToNull(matchValue);
		if (!AssignmentRule.MATCH_FIELDS.contains(field)) {
			problems.add("matchField", "validation.choice");
		} else if (field.equals("any")) {
			value = null;
		} else if (value == null) {
			problems.add("matchValue", "validation.required");
		} else if (field.equals("source") && !Lead.SOURCES.contains(value)) {
			problems.add("matchValue", "validation.choice");
		} else if (value.length() > 100) {
			problems.add("matchValue", "validation.too-long");
		}
		if (userId == null && teamId == null) {
			problems.add("userId", "validation.assign-to");
		}
		if (userId != null && users.user(userId).isEmpty()) {
			problems.add("userId", "validation.owner");
		}
		if (teamId != null && users.team(teamId).isEmpty()) {
			problems.add("teamId", "validation.team");
		}
		problems.throwIfAny();
		return new AssignmentRule(id, position, field, value, userId, teamId, null, active, version);
	}

	private static Map<String, Object> values(AssignmentRule rule) {
		var values = new java.util.LinkedHashMap<String, Object>();
		values.put("matchField", rule.matchField());
		values.put("matchValue", rule.matchValue());
		values.put("userId", rule.userId() == null ? null : rule.userId().toString());
		values.put("teamId", rule.teamId() == null ? null : rule.teamId().toString());
		values.put("position", rule.position());
		values.put("active", rule.active());
		values.values().removeIf(v -> v == null);
		return values;
	}

	private AssignmentRule rule(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new AssignmentRule(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("match_field"),
				rs.getString("match_value"), rs.getObject("user_id", UUID.class), rs.getObject("team_id", UUID.class),
				rs.getObject("last_user_id", UUID.class), rs.getBoolean("active"), rs.getInt("version"));
	}
}
