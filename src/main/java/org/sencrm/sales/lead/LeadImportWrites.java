package org.sencrm.sales.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.CustomerIntake;
import org.sencrm.directory.NameOrder;
import org.sencrm.exchange.ImportCounts;
import org.sencrm.exchange.ImportOptions;
import org.sencrm.exchange.ImportOptions.MatchKey;
import org.sencrm.exchange.ImportRun;
import org.sencrm.exchange.ImportStaging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-based writes of a lead import (decision 37): match by the chosen keys, fail duplicates
 * (an external id always; an email or phone another lead has, unless the import allows duplicates),
 * give the new leads their owners by the assignment rules ({@link AssignmentRules#assignStaged}, one
 * statement per rule), insert them with their scores (worked out while staging), history and possible
 * duplicates counted in one statement each; update matched leads from a table with their values
 * before, then score them again a batch at a time. A converted lead is kept as it was: a row matching
 * one is skipped.
 */
@Component
class LeadImportWrites {

	private static final int BATCH = 5_000;
	private static final Map<MatchKey, String> KEYS = Map.of(MatchKey.EXTERNAL_ID, "external_id", MatchKey.EMAIL, "email",
			MatchKey.PHONE, "phone");
	/** The columns an import writes on a matched lead, with their field in history. */
	private static final List<List<String>> UPDATED = List.of(List.of("familyName", "family_name"), List.of("givenName", "given_name"),
			List.of("email", "email"), List.of("phone", "phone"), List.of("companyName", "company_name"),
			List.of("taxCode", "tax_code"), List.of("jobTitle", "job_title"), List.of("province", "province"),
			List.of("message", "message"), List.of("campaign", "campaign"), List.of("externalId", "external_id"));

	private final JdbcClient jdbc;
	private final ImportStaging staging;
	private final AssignmentRules assignment;
	private final ScoringRules scoring;
	private final LeadRepository leads;

	LeadImportWrites(JdbcClient jdbc, ImportStaging staging, AssignmentRules assignment, ScoringRules scoring, LeadRepository leads) {
		this.jdbc = jdbc;
		this.staging = staging;
		this.assignment = assignment;
		this.scoring = scoring;
		this.leads = leads;
	}

	ImportCounts apply(ImportRun run) {
		var options = run.options();
		for (var key : options.matchBy()) {
			staging.match("leads", "r." + KEYS.get(key), KEYS.get(key));
		}
		// the planner must know how many rows matched
		jdbc.sql("analyze import_staging").update();
		staging.failRepeatedMatches(run);
		int skipped = jdbc.sql("delete from import_staging s using leads l where l.id = s.match_id and l.status = 'converted'").update();
		staging.failTaken(run, "leads", "r.external_id", "external_id", "externalId", false);
		staging.failRepeatedKeys(run, "external_id", "externalId", true);
		if (options.onNoMatch() == ImportOptions.OnNoMatch.CREATE && !options.allowDuplicates()) {
			for (var key : List.of(MatchKey.EMAIL, MatchKey.PHONE)) {
				if (!options.matches(key)) {
					staging.failTaken(run, "leads", "r." + KEYS.get(key), KEYS.get(key), key.key(), true);
				}
				staging.failRepeatedKeys(run, KEYS.get(key), key.key(), true);
			}
		}
		skipped += staging.skipByOptions(run);
		var params = staging.params(run);
		// the owner column first, then the rules, then the importing user (as a lead entered by hand)
		assignment.assignStaged();
		int created = create(run, params);
		int[] updates = update(run, params);
		return new ImportCounts(created, updates[0], skipped + updates[1]);
	}

	private int create(ImportRun run, Map<String, Object> params) {
		int created = jdbc.sql("""
				insert into leads (id, workspace_id, status, family_name, given_name, email, phone, company_name, tax_code, job_title,
				  province, message, source, campaign, consents, owner_id, owner_team_id, score, possible_duplicates, name_key,
				  company_key, external_id, created_at, updated_at, version)
				select new_id, sen_workspace(), 'new', family_name, given_name, email, phone, company_name, tax_code, job_title,
				  province, message, source, campaign, consents, coalesce(owner_id, :owner), owner_team_id, score, 0, name_key,
				  company_key, external_id, :now, :now, 0
				from import_staging where match_id is null order by row_number""").params(params).update();
		// other open leads with the same email, phone, tax code, name or company (as LeadRepository.sameAs: at most 20);
		// at most 20 looked up per key, by index: a common name must not pair every lead of that name with every other
		jdbc.sql("""
				with same as (
				  select s.new_id, o.id from import_staging s cross join lateral (
				    select o.id from leads o where o.workspace_id = sen_workspace() and o.email = s.email and o.id <> s.new_id
				      and o.status not in ('converted', 'disqualified') limit 20) o
				  where s.match_id is null and s.email is not null
				  union
				  select s.new_id, o.id from import_staging s cross join lateral (
				    select o.id from leads o where o.workspace_id = sen_workspace() and o.phone = s.phone and o.id <> s.new_id
				      and o.status not in ('converted', 'disqualified') limit 20) o
				  where s.match_id is null and s.phone is not null
				  union
				  select s.new_id, o.id from import_staging s cross join lateral (
				    select o.id from leads o where o.workspace_id = sen_workspace() and o.tax_code = s.tax_code and o.id <> s.new_id
				      and o.status not in ('converted', 'disqualified') limit 20) o
				  where s.match_id is null and s.tax_code is not null
				  union
				  select s.new_id, o.id from import_staging s cross join lateral (
				    select o.id from leads o where o.workspace_id = sen_workspace() and o.name_key = s.name_key and o.id <> s.new_id
				      and o.status not in ('converted', 'disqualified') limit 20) o
				  where s.match_id is null and s.name_key is not null
				  union
				  select s.new_id, o.id from import_staging s cross join lateral (
				    select o.id from leads o where o.workspace_id = sen_workspace() and o.company_key = s.company_key and o.id <> s.new_id
				      and o.status not in ('converted', 'disqualified') limit 20) o
				  where s.match_id is null and s.company_key is not null)
				update leads l set possible_duplicates = least(d.n, 20)
				from (select new_id, count(*) as n from same group by new_id) d
				where l.workspace_id = sen_workspace() and l.id = d.new_id""").update();
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), 'lead', s.new_id, 'created', :owner, :actorName, :now,
				  jsonb_strip_nulls(jsonb_build_object('status', jsonb_build_object('to', 'new'),
				    'familyName', case when family_name is not null then jsonb_build_object('to', family_name) end,
				    'givenName', case when given_name is not null then jsonb_build_object('to', given_name) end,
				    'email', case when email is not null then jsonb_build_object('to', email) end,
				    'phone', case when phone is not null then jsonb_build_object('to', phone) end,
				    'companyName', case when company_name is not null then jsonb_build_object('to', company_name) end,
				    'taxCode', case when tax_code is not null then jsonb_build_object('to', tax_code) end,
				    'jobTitle', case when job_title is not null then jsonb_build_object('to', job_title) end,
				    'province', case when province is not null then jsonb_build_object('to', province) end,
				    'message', case when message is not null then jsonb_build_object('to', message) end,
				    'source', jsonb_build_object('to', source),
				    'campaign', case when campaign is not null then jsonb_build_object('to', campaign) end,
				    'ownerId', jsonb_build_object('to', coalesce(owner_id, :owner)::text),
				    'ownerTeamId', case when owner_team_id is not null then jsonb_build_object('to', owner_team_id::text) end,
				    'externalId', case when external_id is not null then jsonb_build_object('to', external_id) end)
				  || coalesce((select jsonb_object_agg('consent.' || c.key, jsonb_build_object('to', c.value->>'status'))
				               from jsonb_each(s.consents) c), '{}'))
				from import_staging s where s.match_id is null""").params(params).update();
		staging.recordCreated(run, Leads.ENTITY);
		return created;
	}

	/**
	 * Matched leads with the row's values: overwrite takes every non-empty cell, otherwise only empty
	 * fields are filled; a consent the lead has no statement for is added. Returns {updated, unchanged}.
	 */
	private int[] update(ImportRun run, Map<String, Object> params) {
		var overwrite = run.options().onMatch() == ImportOptions.OnMatch.OVERWRITE;
		var pick = overwrite ? "coalesce(s.%1$s, l.%1$s)" : "coalesce(l.%1$s, s.%1$s)";
		var columns = new ArrayList<String>();
		var before = new ArrayList<String>();
		for (var f : UPDATED) {
			columns.add(pick.formatted(f.get(1)) + " as " + f.get(1));
			before.add("'" + f.get(1) + "', l." + f.get(1));
		}
		jdbc.sql("""
				create temp table import_lead_updates on commit drop as
				select l.id, %s, s.consents || l.consents as consents,
				  jsonb_build_object('version', l.version, 'consents', l.consents, 'score', l.score, 'name_key', l.name_key,
				    'company_key', l.company_key, %s) as before
				from import_staging s join leads l on l.id = s.match_id""".formatted(String.join(", ", columns), String.join(", ", before)))
				.update();
		var changes = new ArrayList<String>();
		for (var f : UPDATED) {
			changes.add("""
					case when u.%2$s is distinct from u.before->>'%2$s'
					  then jsonb_build_object('%1$s', jsonb_build_object('from', u.before->'%2$s', 'to', to_jsonb(u.%2$s))) else '{}' end"""
					.formatted(f.get(0), f.get(1)));
		}
		changes.add("""
				coalesce((select jsonb_object_agg('consent.' || c.key, jsonb_build_object('to', c.value->>'status'))
				          from jsonb_each(u.consents) c where u.before->'consents'->c.key is null), '{}')""");
		jdbc.sql("alter table import_lead_updates add column changes jsonb").update();
		jdbc.sql("update import_lead_updates u set changes = " + String.join(" || ", changes)).update();
		int unchanged = jdbc.sql("delete from import_lead_updates where changes = '{}'").update();
		var set = new ArrayList<String>();
		UPDATED.forEach(f -> set.add(f.get(1) + " = u." + f.get(1)));
		int updated = jdbc.sql("""
				update leads l set %s, consents = u.consents, updated_at = :now, version = l.version + 1
				from import_lead_updates u where l.id = u.id""".formatted(String.join(", ", set))).params(params).update();
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), 'lead', id, 'updated', :owner, :actorName, :now, changes
				from import_lead_updates""").params(params).update();
		staging.recordUpdated(run, Leads.ENTITY, "import_lead_updates");
		rescore(run.now());
		return new int[] {updated, unchanged};
	}

	/** The changed leads scored again (their touches count too) with their name and company keys, a batch at a time. */
	private void rescore(Instant now) {
		var rules = scoring.current();
		var after = new UUID(0, 0);
		while (true) {
			var ids = jdbc.sql("select id from import_lead_updates where id > :after order by id limit :limit")
					.param("after", after).param("limit", BATCH).query(UUID.class).list();
			if (ids.isEmpty()) {
				return;
			}
			var batch = leads.byIds(ids);
			var idArray = new UUID[batch.size()];
			var scores = new Integer[batch.size()];
			var names = new String[batch.size()];
			var companies = new String[batch.size()];
			for (int i = 0; i < batch.size(); i++) {
				var lead = batch.get(i);
				idArray[i] = lead.id();
				scores[i] = ScoringRule.score(lead, rules, now);
				names[i] = CustomerIntake.nameKey(lead.personName(NameOrder.FAMILY_FIRST));
				companies[i] = CustomerIntake.companyKey(lead.companyName());
			}
			jdbc.sql("""
					update leads l set score = x.score, name_key = x.name_key, company_key = x.company_key
					from unnest(cast(:ids as uuid[]), cast(:scores as int[]), cast(:names as text[]), cast(:companies as text[]))
					  x(id, score, name_key, company_key)
					where l.workspace_id = sen_workspace() and l.id = x.id""")
					.param("ids", idArray).param("scores", scores).param("names", names).param("companies", companies).update();
			after = ids.getLast();
		}
	}

	/** Changed leads back to their values and score before (unless changed again since), created ones to the trash. */
	int undo(ImportRun run) {
		var set = new ArrayList<String>();
		UPDATED.forEach(f -> set.add(f.get(1) + " = c.before->>'" + f.get(1) + "'"));
		return staging.undo(run, Leads.ENTITY, """
				update leads l set %s, consents = c.before->'consents', score = cast(c.before->>'score' as int),
				  name_key = c.before->>'name_key', company_key = c.before->>'company_key', updated_at = :now, version = l.version + 1
				from import_changes c
				where c.job_id = :job and c.action = 'updated' and c.entity_type = 'lead' and c.entity_id = l.id
				  and l.version = cast(c.before->>'version' as int) + 1
				returning l.id""".formatted(String.join(", ", set)));
	}
}
