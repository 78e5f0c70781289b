package org.sencrm.sales.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.directory.CustomerIntake;
import org.sencrm.directory.NameOrder;
import org.sencrm.platform.Cursor;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Leads in PostgreSQL. Every statement names the workspace; row-level security checks it again. */
@Repository
class LeadRepository {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	LeadRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Lead> find(UUID id) {
		return jdbc.sql("select * from leads where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).query(this::lead).optional();
	}

	/** The lead, locked until the transaction ends (conversion: one at a time). */
	Optional<Lead> lock(UUID id) {
		return jdbc.sql("select * from leads where workspace_id = :ws and id = :id for update")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).query(this::lead).optional();
	}

	void insert(Lead lead) {
		jdbc.sql("""
				insert into leads (id, workspace_id, status, family_name, given_name, email, phone, company_name, tax_code, job_title,
				  province, message, source, campaign, consents, consent_text, web_form_id, owner_id, owner_team_id, score,
				  disqualify_reason, linked_person_id, linked_organization_id, possible_duplicates, name_key, company_key,
				  created_at, updated_at, version)
				values (:id, :ws, :status, :family, :given, :email, :phone, :company, :taxCode, :jobTitle, :province, :message,
				  :source, :campaign, cast(:consents as jsonb), :consentText, :webForm, :owner, :team, :score, :reason, :linkedPerson,
				  :linkedOrganization, :duplicates, :nameKey, :companyKey, :created, :updated, 0)""")
				.params(columns(lead)).update();
	}

	/** Writes the lead's fields if its version is still the stored one; false when someone else changed it first. */
	boolean update(Lead lead, int expectedVersion) {
		var params = columns(lead);
		params.put("expected", expectedVersion);
		return jdbc.sql("""
				update leads set status = :status, family_name = :family, given_name = :given, email = :email, phone = :phone,
				  company_name = :company, tax_code = :taxCode, job_title = :jobTitle, province = :province, message = :message,
				  source = :source, campaign = :campaign, consents = cast(:consents as jsonb), owner_id = :owner,
				  owner_team_id = :team, score = :score, disqualify_reason = :reason, linked_person_id = :linkedPerson,
				  linked_organization_id = :linkedOrganization, possible_duplicates = :duplicates, name_key = :nameKey,
				  company_key = :companyKey, updated_at = :updated, version = version + 1
				where workspace_id = :ws and id = :id and version = :expected""")
				.params(params).update() == 1;
	}

	void converted(UUID id, UUID personId, UUID organizationId, UUID opportunityId) {
		jdbc.sql("""
				update leads set status = 'converted', converted_person_id = :person, converted_organization_id = :organization,
				  converted_opportunity_id = :opportunity, converted_at = now(), updated_at = now(), version = version + 1
				where workspace_id = :ws and id = :id""")
				.param("person", personId).param("organization", organizationId).param("opportunity", opportunityId)
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).update();
	}

	/** Stores new consents (a double opt-in confirmed), as a change of the lead. */
	void consents(UUID id, Map<String, LeadConsent> consents) {
		jdbc.sql("""
				update leads set consents = cast(:consents as jsonb), updated_at = now(), version = version + 1
				where workspace_id = :ws and id = :id""")
				.param("consents", json.writeValueAsString(consents)).param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.update();
	}

	void touched(UUID id, Instant at) {
		jdbc.sql("""
				update leads set activity_count = activity_count + 1, last_activity_at = greatest(last_activity_at, :at)
				where workspace_id = :ws and id = :id""")
				.param("at", Timestamp.from(at)).param("ws", WorkspaceContext.workspaceId()).param("id", id).update();
	}

	void score(UUID id, int score) {
		jdbc.sql("update leads set score = :score where workspace_id = :ws and id = :id and score <> :score")
				.param("score", score).param("ws", WorkspaceContext.workspaceId()).param("id", id).update();
	}

	/** Open leads after the given id, in id order: the rescoring walk. */
	List<Lead> openAfter(UUID after, int limit) {
		return jdbc.sql("""
				select * from leads where workspace_id = :ws and status not in ('converted', 'disqualified')
				  and id > :after order by id limit :limit""")
				.param("ws", WorkspaceContext.workspaceId()).param("after", after).param("limit", limit).query(this::lead).list();
	}

	/**
	 * Open leads that were ever touched, after the given id in id order: the nightly rescoring walk
	 * (index {@code leads_touched_open}). Only they have a score that moves with the clock.
	 */
	List<Lead> touchedOpenAfter(UUID after, int limit) {
		return jdbc.sql("""
				select * from leads where workspace_id = :ws and last_activity_at is not null
				  and status not in ('converted', 'disqualified') and id > :after order by id limit :limit""")
				.param("ws", WorkspaceContext.workspaceId()).param("after", after).param("limit", limit).query(this::lead).list();
	}

	/**
	 * Stores a score worked out from this state of the lead, unless the lead changed or was
	 * touched since it was read (its own rescoring then has the last word) or the score is the
	 * same; true when it was written.
	 */
	boolean rescore(Lead lead, int score) {
		return jdbc.sql("""
				update leads set score = :score
				where workspace_id = :ws and id = :id and version = :version
				  and last_activity_at is not distinct from cast(:lastActivity as timestamptz) and score <> :score""")
				.param("score", score).param("ws", WorkspaceContext.workspaceId()).param("id", lead.id())
				.param("version", lead.version()).param("lastActivity", lead.lastActivityAt() == null ? null
						: Timestamp.from(lead.lastActivityAt()))
				.update() == 1;
	}

	/**
	 * Other open leads with the same email, phone, tax code, name or company, with the reasons: one
	 * statement, each condition an index lookup (PostgreSQL ORs the index scans), the 20 oldest.
	 */
	Map<UUID, List<String>> sameAs(Lead lead) {
		var nameKey = CustomerIntake.nameKey(lead.personName(NameOrder.FAMILY_FIRST));
		var companyKey = CustomerIntake.companyKey(lead.companyName());
		var found = new java.util.LinkedHashMap<UUID, List<String>>();
		if (lead.email() == null && lead.phone() == null && lead.taxCode() == null && nameKey == null && companyKey == null) {
			return found;
		}
		jdbc.sql("""
				select id, email = :email as email, phone = :phone as phone, tax_code = :tax as tax_code,
				       name_key = :name or company_key = :company as name
				from leads
				where workspace_id = :ws and id <> :id and status not in ('converted', 'disqualified')
				  and (email = :email or phone = :phone or tax_code = :tax or name_key = :name or company_key = :company)
				order by created_at limit 20""")
				.param("ws", WorkspaceContext.workspaceId()).param("id", lead.id())
				.param("email", lead.email(), java.sql.Types.VARCHAR).param("phone", lead.phone(), java.sql.Types.VARCHAR)
				.param("tax", lead.taxCode(), java.sql.Types.VARCHAR).param("name", nameKey, java.sql.Types.VARCHAR)
				.param("company", companyKey, java.sql.Types.VARCHAR)
				.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					var reasons = new ArrayList<String>();
					for (var reason : List.of("email", "phone", "tax_code", "name")) {
						if (rs.getBoolean(reason)) {
							reasons.add(reason);
						}
					}
					found.put(rs.getObject("id", UUID.class), reasons);
				});
		return found;
	}

	List<Lead> byIds(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from leads where workspace_id = :ws and id in (:ids)")
				.param("ws", WorkspaceContext.workspaceId()).param("ids", ids).query(this::lead).list();
	}

	LeadPage list(LeadFilter filter) {
		var where = new StringBuilder(" where workspace_id = :ws");
		var params = new HashMap<String, Object>();
		params.put("ws", WorkspaceContext.workspaceId());
		if ("open".equals(filter.status())) {
			where.append(" and status not in ('converted', 'disqualified')");
		} else if (filter.status() != null) {
			where.append(" and status = :status");
			params.put("status", filter.status());
		}
		if (filter.unassigned()) {
			where.append(" and owner_id is null");
		} else if (filter.ownerId() != null) {
			where.append(" and owner_id = :owner");
			params.put("owner", filter.ownerId());
		}
		if (filter.source() != null) {
			where.append(" and source = :source");
			params.put("source", filter.source());
		}
		if (filter.minScore() != null) {
			where.append(" and score >= :minScore");
			params.put("minScore", filter.minScore());
		}
		var byScore = !"created".equals(filter.sort());
		var cursor = Cursor.decode(filter.cursor());
		if (cursor != null) {
			if (byScore) {
				where.append(" and (score, id) < (:afterScore, :afterId)");
				try {
					params.put("afterScore", Integer.parseInt(cursor.key()));
				} catch (NumberFormatException e) {
					throw new ValidationException(List.of(new ValidationException.FieldProblem("cursor", "validation.cursor")));
				}
			} else {
				where.append(" and (created_at, id) < (:afterTime, :afterId)");
				params.put("afterTime", Timestamp.from(cursor.keyAsInstant()));
			}
			params.put("afterId", cursor.id());
		}
		params.put("limit", filter.limit() + 1);
		var rows = jdbc.sql("select * from leads" + where + (byScore ? " order by score desc, id desc" : " order by created_at desc, id desc")
				+ " limit :limit").params(params).query(this::lead).list();
		var more = rows.size() > filter.limit();
		var items = more ? rows.subList(0, filter.limit()) : rows;
		String next = null;
		if (more) {
			var last = items.getLast();
			next = new Cursor(byScore ? Integer.toString(last.score()) : last.createdAt().toString(), last.id()).encode();
		}
		return new LeadPage(List.copyOf(items), next);
	}

	private Map<String, Object> columns(Lead l) {
		var params = new HashMap<String, Object>();
		params.put("id", l.id());
		params.put("ws", WorkspaceContext.workspaceId());
		params.put("status", l.status());
		params.put("family", l.familyName());
		params.put("given", l.givenName());
		params.put("email", l.email());
		params.put("phone", l.phone());
		params.put("company", l.companyName());
		params.put("taxCode", l.taxCode());
		params.put("jobTitle", l.jobTitle());
		params.put("province", l.province());
		params.put("message", l.message());
		params.put("source", l.source());
		params.put("campaign", l.campaign());
		params.put("consents", json.writeValueAsString(l.consents()));
		params.put("consentText", l.consentText());
		params.put("webForm", l.webFormId());
		params.put("owner", l.ownerId());
		params.put("team", l.ownerTeamId());
		params.put("score", l.score());
		params.put("reason", l.disqualifyReason());
		params.put("linkedPerson", l.linkedPersonId());
		params.put("linkedOrganization", l.linkedOrganizationId());
		params.put("duplicates", l.possibleDuplicates());
		params.put("nameKey", CustomerIntake.nameKey(l.personName(NameOrder.FAMILY_FIRST)));
		params.put("companyKey", CustomerIntake.companyKey(l.companyName()));
		params.put("created", Timestamp.from(l.createdAt()));
		params.put("updated", Timestamp.from(l.updatedAt()));
		return params;
	}

	private Lead lead(ResultSet rs, int row) throws SQLException {
		return new Lead(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("family_name"),
				rs.getString("given_name"), rs.getString("email"), rs.getString("phone"), rs.getString("company_name"),
				rs.getString("tax_code"), rs.getString("job_title"), rs.getString("province"), rs.getString("message"),
				rs.getString("source"), rs.getString("campaign"),
				json.readValue(rs.getString("consents"), new TypeReference<Map<String, LeadConsent>>() {
				}),
				rs.getString("consent_text"), rs.getObject("web_form_id", UUID.class), rs.getObject("owner_id", UUID.class),
				rs.getObject("owner_team_id", UUID.class), rs.getInt("score"), rs.getString("disqualify_reason"),
				rs.getObject("linked_person_id", UUID.class), rs.getObject("linked_organization_id", UUID.class),
				rs.getObject("converted_person_id", UUID.class), rs.getObject("converted_organization_id", UUID.class),
				rs.getObject("converted_opportunity_id", UUID.class), instant(rs.getTimestamp("converted_at")),
				rs.getInt("activity_count"), instant(rs.getTimestamp("last_activity_at")), rs.getInt("possible_duplicates"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
