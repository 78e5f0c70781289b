package org.sencrm.sales.lead;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

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
 * The workspace's lead scoring rules. A workspace starts with {@link #DEFAULTS}, copied into its
 * own rules the first time they are read, so they can then be changed one by one. Managers and
 * admins change them; every change rescores the open leads.
 */
@Service
public class ScoringRules {

	static final String ENTITY = "lead_scoring_rule";

	/** Contact details and a company make a lead reachable and likely B2B; referrals and recent touches show intent. */
	static final List<ScoringRule> DEFAULTS = List.of(
			rule(ScoringRule.FIELD_PRESENT, "email", null, 10),
			rule(ScoringRule.FIELD_PRESENT, "phone", null, 10),
			rule(ScoringRule.FIELD_PRESENT, "companyName", null, 10),
			rule(ScoringRule.FIELD_PRESENT, "taxCode", null, 10),
			rule(ScoringRule.FIELD_PRESENT, "jobTitle", null, 5),
			rule(ScoringRule.FIELD_PRESENT, "message", null, 5),
			rule(ScoringRule.SOURCE_EQUALS, null, "referral", 20),
			rule(ScoringRule.SOURCE_EQUALS, null, "web_form", 10),
			rule(ScoringRule.SOURCE_EQUALS, null, "event", 10),
			rule(ScoringRule.ACTIVITY_COUNT, null, "3", 10),
			rule(ScoringRule.ACTIVITY_WITHIN_DAYS, null, "14", 10));

	private final JdbcClient jdbc;
	private final LeadAccess access;
	private final History history;
	private final LeadRepository leads;
	private final Clock clock;

	ScoringRules(JdbcClient jdbc, LeadAccess access, History history, LeadRepository leads, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.history = history;
		this.leads = leads;
		this.clock = clock;
	}

	/** The lead's score under the workspace's rules, now. */
	@Transactional
	public int scoreOf(Lead lead) {
		return ScoringRule.score(lead, all(), java.time.Instant.now(clock));
	}

	/** The rules in order; the defaults are copied in first if the workspace has not got its own yet. */
	@Transactional
	public List<ScoringRule> all() {
		var ws = WorkspaceContext.workspaceId();
		var first = jdbc.sql("insert into lead_scoring_defaults_copied (workspace_id) values (:ws) on conflict do nothing")
				.param("ws", ws).update() == 1;
		if (first) {
			for (int i = 0; i < DEFAULTS.size(); i++) {
				var d = DEFAULTS.get(i);
				insert(new ScoringRule(Ids.next(), d.kind(), d.field(), d.value(), d.points(), i, 0));
			}
		}
		return stored();
	}

	/**
	 * The rules that score a lead now, read only: the workspace's own, or the defaults while it has not
	 * got its own yet (the scores are the same as after the copy). For an import's rows, scored in memory.
	 */
	@Transactional(readOnly = true)
	List<ScoringRule> current() {
		var copied = jdbc.sql("select count(*) from lead_scoring_defaults_copied where workspace_id = :ws")
				.param("ws", WorkspaceContext.workspaceId()).query(Integer.class).single() > 0;
		return copied ? stored() : DEFAULTS;
	}

	/** The rules the workspace has, without copying the defaults in (a workspace that never read them has no leads scored yet). */
	@Transactional(readOnly = true)
	List<ScoringRule> stored() {
		return jdbc.sql("select * from lead_scoring_rules where workspace_id = :ws order by position, id")
				.param("ws", WorkspaceContext.workspaceId())
				.query((rs, n) -> new ScoringRule(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("field"),
						rs.getString("value"), rs.getInt("points"), rs.getInt("position"), rs.getInt("version")))
				.list();
	}

	@Transactional
	public ScoringRule add(String kind, String field, String value, Integer points) {
		access.requireRules();
		var rules = all();
		var rule = checked(Ids.next(), kind, field, value, points, rules.isEmpty() ? 0 : rules.getLast().position() + 1, 0);
		insert(rule);
		history.created(ENTITY, rule.id(), values(rule));
		rescoreOpenLeads();
		return rule;
	}

	@Transactional
	public ScoringRule change(UUID id, String kind, String field, String value, Integer points, int expectedVersion) {
		access.requireRules();
		var current = get(id);
		var rule = checked(id, kind, field, value, points, current.position(), expectedVersion + 1);
		var updated = jdbc.sql("""
				update lead_scoring_rules set kind = :kind, field = :field, value = :value, points = :points, version = version + 1
				where workspace_id = :ws and id = :id and version = :version""")
				.param("kind", rule.kind()).param("field", rule.field()).param("value", rule.value()).param("points", rule.points())
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("version", expectedVersion).update();
		if (updated == 0) {
			throw new StaleVersionException();
		}
		history.updated(ENTITY, id, values(current), values(rule));
		rescoreOpenLeads();
		return rule;
	}

	@Transactional
	public void remove(UUID id) {
		access.requireRules();
		var current = get(id);
		jdbc.sql("delete from lead_scoring_rules where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).update();
		history.deleted(ENTITY, id, values(current));
		rescoreOpenLeads();
	}

	/** Scores every open lead again under the changed rules, a batch at a time in id order. */
	private void rescoreOpenLeads() {
		var rules = all();
		var now = java.time.Instant.now(clock);
		var after = new UUID(0, 0);
		while (true) {
			var batch = leads.openAfter(after, 500);
			batch.forEach(lead -> leads.score(lead.id(), ScoringRule.score(lead, rules, now)));
			if (batch.size() < 500) {
				return;
			}
			after = batch.getLast().id();
		}
	}

	@Transactional
	public ScoringRule get(UUID id) {
		return all().stream().filter(r -> r.id().equals(id)).findFirst()
				.orElseThrow(() -> new NotFoundException("entity.scoring-rule"));
	}

	private ScoringRule checked(UUID id, String kind, String field, String value, Integer points, int position, int version) {
		var problems = new ValidationException.Collector();
		if (kind == null || !ScoringRule.KINDS.contains(kind)) {
			problems.add("kind", "validation.choice");
			problems.throwIfAny();
		}
		var cleanField = LeadFields.blankToNull(field);
		var cleanValue = LeadFields.blankToNull(value);
		switch (kind) {
			case ScoringRule.FIELD_PRESENT, ScoringRule.FIELD_EQUALS -> {
				if (cleanField == null || !ScoringRule.FIELDS.contains(cleanField)) {
					problems.add("field", "validation.choice");
				}
				if (kind.equals(ScoringRule.FIELD_EQUALS) && cleanValue == null) {
					problems.add("value", "validation.required");
				}
				if (kind.equals(ScoringRule.FIELD_PRESENT)) {
					cleanValue = null;
				}
			}
			case ScoringRule.SOURCE_EQUALS -> {
				cleanField = null;
				if (cleanValue == null || !Lead.SOURCES.contains(cleanValue)) {
					problems.add("value", "validation.choice");
				}
			}
			default -> {
				cleanField = null;
				try {
					if (cleanValue == null || Integer.parseInt(cleanValue) < 0 || Integer.parseInt(cleanValue) > 3650) {
						problems.add("value", "validation.number");
					}
				} catch (NumberFormatException e) {
					problems.add("value", "validation.number");
				}
			}
		}
		if (cleanValue != null && cleanValue.length() > 200) {
			problems.add("value", "validation.too-long");
		}
		if (points == null || points < -1000 || points > 1000) {
			problems.add("points", "validation.points");
		}
		problems.throwIfAny();
		return new ScoringRule(id, kind, cleanField, cleanValue, points, position, version);
	}

	private void insert(ScoringRule rule) {
		jdbc.sql("""
				insert into lead_scoring_rules (id, workspace_id, kind, field, value, points, position, version)
				values (:id, :ws, :kind, :field, :value, :points, :position, 0)""")
				.param("id", rule.id()).param("ws", WorkspaceContext.workspaceId()).param("kind", rule.kind())
				.param("field", rule.field()).param("value", rule.value()).param("points", rule.points())
				.param("position", rule.position()).update();
	}

	private static java.util.Map<String, Object> values(ScoringRule rule) {
		var values = new java.util.LinkedHashMap<String, Object>();
		values.put("kind", rule.kind());
		values.put("field", rule.field());
		values.put("value", rule.value());
		values.put("points", rule.points());
		values.values().removeIf(v -> v == null);
		return values;
	}

	private static ScoringRule rule(String kind, String field, String value, int points) {
		return new ScoringRule(null, kind, field, value, points, 0, 0);
	}
}
