package org.sencrm.directory.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.exchange.ImportCounts;
import org.sencrm.exchange.ImportOptions;
import org.sencrm.exchange.ImportOptions.MatchKey;
import org.sencrm.exchange.ImportRun;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-based writes of an organization import, as {@link PersonImportWrites} does them for persons:
 * match by the chosen keys (external id, tax code, email, phone), fail duplicates, one insert each for
 * the organizations, their history and tags, and matched organizations merged in Java a batch at a
 * time (so search_name and search_text keep their one definition) and written by one update.
 */
@Component
class OrganizationImportWrites {

	private static final int BATCH = 5_000;
	private static final Map<MatchKey, String> EXISTING = Map.of(
			MatchKey.EXTERNAL_ID, "select o.external_id as key, o.id from organizations o where o.external_id is not null",
			MatchKey.TAX_CODE, "select o.tax_code as key, o.id from organizations o where o.tax_code is not null",
			MatchKey.EMAIL, "select x->>'address' as key, o.id from organizations o cross join jsonb_array_elements(o.emails) x",
			MatchKey.PHONE, "select x->>'number' as key, o.id from organizations o cross join jsonb_array_elements(o.phones) x");
	private static final Map<MatchKey, String> STAGED = Map.of(MatchKey.EXTERNAL_ID, "external_id", MatchKey.TAX_CODE, "tax_code",
			MatchKey.EMAIL, "email_key", MatchKey.PHONE, "phone_key");
	private static final List<String> UPDATE_COLUMNS = List.of("id", "name", "tax_code", "kind", "relationship", "industry",
			"website", "emails", "phones", "addresses", "external_id", "custom_fields", "search_name", "search_text", "before",
			"changes");

	private final JdbcClient jdbc;
	private final ContactJson json;
	private final CreatedByImport created;

	OrganizationImportWrites(JdbcClient jdbc, ContactJson json, CreatedByImport created) {
		this.jdbc = jdbc;
		this.json = json;
		this.created = created;
	}

	ImportCounts apply(ImportRun run) {
		var options = run.options();
		for (var key : options.matchBy()) {
			jdbc.sql("""
					update import_staging s set match_id = m.id
					from (select distinct on (key) key, id from (%s) e order by key, id) m
					where s.match_id is null and s.%s = m.key""".formatted(EXISTING.get(key), STAGED.get(key))).update();
		}
		jdbc.sql("analyze import_staging").update();
		run.fail("""
				select s.row_number, s.match_id as record_id, f.first_row as other_row from import_staging s
				join (select match_id, min(row_number) as first_row from import_staging where match_id is not null group by match_id) f
				  on f.match_id = s.match_id and s.row_number > f.first_row""", Map.of(), "row", "import.duplicate-row");
		int skipped = 0;
		if (options.onNoMatch() == ImportOptions.OnNoMatch.SKIP) {
			skipped += jdbc.sql("delete from import_staging where match_id is null").update();
		} else {
			for (var key : List.of(MatchKey.EXTERNAL_ID, MatchKey.TAX_CODE, MatchKey.EMAIL, MatchKey.PHONE)) {
				if (options.allowDuplicates() && key != MatchKey.EXTERNAL_ID) {
					continue; // an external id is unique whatever the import allows
				}
				var column = STAGED.get(key);
				if (!options.matches(key)) {
					run.fail("""
							select s.row_number, e.id as record_id, null::int as other_row from import_staging s
							join (%s) e on e.key = s.%s where s.match_id is null""".formatted(EXISTING.get(key), column),
							Map.of(), key.key(), "duplicate");
				}
				run.fail("""
						select s.row_number, null::uuid as record_id, f.first_row as other_row from import_staging s
						join (select %1$s as key, min(row_number) as first_row from import_staging
						      where match_id is null and %1$s is not null group by %1$s) f
						  on f.key = s.%1$s and s.row_number > f.first_row
						where s.match_id is null""".formatted(column), Map.of(), key.key(), "duplicate");
			}
		}
		if (options.onMatch() == ImportOptions.OnMatch.SKIP) {
			skipped += jdbc.sql("delete from import_staging where match_id is not null").update();
		}
		var scope = WorkspaceContext.current();
		var params = Map.<String, Object>of("now", Timestamp.from(run.now()), "owner", run.actorId(), "job", run.jobId(),
				"actorName", scope.actorName() == null ? "" : scope.actorName());
		int created = create(params);
		int[] updates = update(run, params);
		jdbc.sql("""
				insert into tags (id, workspace_id, name)
				select sen_uuid7(:now), sen_workspace(), min(t) from import_staging s cross join jsonb_array_elements_text(s.tags) t
				group by lower(t)
				on conflict (workspace_id, lower(name)) do nothing""").params(params).update();
		jdbc.sql("""
				insert into organization_tags (organization_id, tag_id, workspace_id)
				select distinct coalesce(s.match_id, s.new_id), g.id, sen_workspace()
				from import_staging s cross join jsonb_array_elements_text(s.tags) t
				join tags g on g.workspace_id = sen_workspace() and lower(g.name) = lower(t)
				on conflict do nothing""").update();
		return new ImportCounts(created, updates[0], skipped + updates[1]);
	}

	private int create(Map<String, Object> params) {
		int created = jdbc.sql("""
				insert into organizations (id, workspace_id, external_id, name, kind, relationship, tax_code, industry, website,
				  emails, phones, addresses, owner_id, custom_fields, search_name, search_text, created_at, updated_at, version)
				select new_id, sen_workspace(), external_id, name, coalesce(kind, 'commercial_user'), coalesce(relationship, 'customer'),
				  tax_code, industry, website, emails, phones, addresses, coalesce(owner_id, :owner), custom_fields, search_name, search_text,
				  :now, :now, 0
				from import_staging where match_id is null order by row_number""").params(params).update();
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), 'organization', new_id, 'created', :owner, :actorName, :now,
				  jsonb_strip_nulls(jsonb_build_object(
				    'externalId', case when external_id is not null then jsonb_build_object('to', external_id) end,
				    'name', jsonb_build_object('to', name),
				    'kind', jsonb_build_object('to', coalesce(kind, 'commercial_user')),
				    'relationship', jsonb_build_object('to', coalesce(relationship, 'customer')),
				    'taxCode', case when tax_code is not null then jsonb_build_object('to', tax_code) end,
				    'industry', case when industry is not null then jsonb_build_object('to', industry) end,
				    'website', case when website is not null then jsonb_build_object('to', website) end,
				    'emails', case when emails <> '[]' then jsonb_build_object('to', jsonb_path_query_array(emails, '$[*].address')) end,
				    'phones', case when phones <> '[]' then jsonb_build_object('to', jsonb_path_query_array(phones, '$[*].number')) end,
				    'tags', case when tags <> '[]' then jsonb_build_object('to', tags) end,
				    'ownerId', jsonb_build_object('to', cast(coalesce(owner_id, :owner) as text))))
				from import_staging where match_id is null""").params(params).update();
		jdbc.sql("""
				insert into import_changes (job_id, workspace_id, entity_type, entity_id, action)
				select :job, sen_workspace(), 'organization', new_id, 'created' from import_staging where match_id is null""")
				.params(params).update();
		return created;
	}

	/** Merges matched rows into their organizations a batch at a time, then writes them in one update; returns {updated, unchanged}. */
	private int[] update(ImportRun run, Map<String, Object> params) {
		jdbc.sql("""
				create temp table import_organization_updates (id uuid primary key, name text, tax_code text, kind text,
				  relationship text, industry text, website text, emails jsonb, phones jsonb, addresses jsonb, external_id text,
				  custom_fields jsonb, search_name text, search_text text, before jsonb, changes jsonb) on commit drop""").update();
		var overwrite = run.options().onMatch() == ImportOptions.OnMatch.OVERWRITE;
		int after = 0;
		int unchanged = 0;
		while (true) {
			var batch = jdbc.sql("""
					select s.row_number, s.name, s.tax_code, s.kind, s.relationship, s.industry, s.website, s.emails, s.phones,
					  s.addresses, s.external_id, s.custom_fields,
					  o.id as o_id, o.name as o_name, o.tax_code as o_tax_code, o.kind as o_kind, o.relationship as o_relationship,
					  o.industry as o_industry, o.website as o_website, o.emails as o_emails, o.phones as o_phones,
					  o.addresses as o_addresses, o.external_id as o_external_id, o.custom_fields as o_custom_fields,
					  jsonb_build_object('version', o.version, 'name', o.name, 'tax_code', o.tax_code, 'kind', o.kind,
					    'relationship', o.relationship, 'industry', o.industry, 'website', o.website, 'emails', o.emails,
					    'phones', o.phones, 'addresses', o.addresses, 'external_id', o.external_id, 'custom_fields', o.custom_fields,
					    'search_name', o.search_name, 'search_text', o.search_text)::text as before
					from import_staging s join organizations o on o.id = s.match_id
					where s.row_number > :after order by s.row_number limit :limit""")
					.param("after", after).param("limit", BATCH).query(this::pair).list();
			if (batch.isEmpty()) {
				break;
			}
			after = batch.getLast().rowNumber();
			var rows = new ArrayList<List<Object>>();
			for (var pair : batch) {
				var merged = pair.current().merge(pair.row(), overwrite);
				var changes = pair.current().changes(merged);
				if (changes.isEmpty()) {
					unchanged++;
					continue;
				}
				rows.add(merged.columns(pair.id(), json, pair.before(), json.write(changes)));
			}
			run.copy("import_organization_updates", UPDATE_COLUMNS, rows.iterator());
		}
		int updated = jdbc.sql("""
				update organizations o set name = u.name, tax_code = u.tax_code, kind = u.kind, relationship = u.relationship,
				  industry = u.industry, website = u.website, emails = u.emails, phones = u.phones, addresses = u.addresses,
				  external_id = u.external_id, custom_fields = u.custom_fields, search_name = u.search_name,
				  search_text = u.search_text, updated_at = :now, version = o.version + 1
				from import_organization_updates u where o.id = u.id""").params(params).update();
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), 'organization', id, 'updated', :owner, :actorName, :now, changes
				from import_organization_updates""").params(params).update();
		jdbc.sql("""
				insert into import_changes (job_id, workspace_id, entity_type, entity_id, action, before)
				select :job, sen_workspace(), 'organization', id, 'updated', before from import_organization_updates""")
				.params(params).update();
		return new int[] {updated, unchanged};
	}

	/** Changed organizations get their values from before the import (unless changed again since); created ones go to the trash. */
	int undo(ImportRun run) {
		var scope = WorkspaceContext.current();
		var params = Map.<String, Object>of("now", Timestamp.from(run.now()), "job", run.jobId(), "actor", run.actorId(),
				"actorName", scope.actorName() == null ? "" : scope.actorName());
		var reverted = jdbc.sql("""
				update organizations o set name = c.before->>'name', tax_code = c.before->>'tax_code', kind = c.before->>'kind',
				  relationship = c.before->>'relationship', industry = c.before->>'industry', website = c.before->>'website',
				  emails = c.before->'emails', phones = c.before->'phones', addresses = c.before->'addresses',
				  external_id = c.before->>'external_id', custom_fields = c.before->'custom_fields',
				  search_name = c.before->>'search_name', search_text = c.before->>'search_text', updated_at = :now,
				  version = o.version + 1
				from import_changes c
				where c.job_id = :job and c.action = 'updated' and c.entity_type = 'organization' and c.entity_id = o.id
				  and o.version = cast(c.before->>'version' as int) + 1
				returning o.id""").params(params).query(UUID.class).list();
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), 'organization', id, 'updated', :actor, :actorName, :now,
				  jsonb_build_object('import', jsonb_build_object('from', cast(:job as text), 'to', 'undone'))
				from unnest(cast(:ids as uuid[])) id""").params(params).param("ids", reverted.toArray(UUID[]::new)).update();
		return reverted.size() + created.trash(run.jobId(), "organization");
	}

	private record Pair(int rowNumber, UUID id, Values row, Values current, String before) {
	}

	private Pair pair(ResultSet rs, int n) throws SQLException {
		return new Pair(rs.getInt("row_number"), rs.getObject("o_id", UUID.class), values(rs, ""), values(rs, "o_"),
				rs.getString("before"));
	}

	private Values values(ResultSet rs, String prefix) throws SQLException {
		return new Values(rs.getString(prefix + "name"), rs.getString(prefix + "tax_code"), rs.getString(prefix + "kind"),
				rs.getString(prefix + "relationship"), rs.getString(prefix + "industry"), rs.getString(prefix + "website"),
				json.emails(rs.getString(prefix + "emails")), json.phones(rs.getString(prefix + "phones")),
				json.addresses(rs.getString(prefix + "addresses")), rs.getString(prefix + "external_id"),
				json.map(rs.getString(prefix + "custom_fields")));
	}

	/** The importable values of an organization, stored or from a row (kind and relationship null when the row has none). */
	private record Values(String name, String taxCode, String kind, String relationship, String industry, String website,
			List<EmailAddress> emails, List<PhoneNumber> phones, List<Address> addresses, String externalId,
			Map<String, Object> custom) {

		/**
		 * This stored organization with a row's values: its empty fields filled, or (overwrite) every non-empty cell
		 * taken. Kind and relationship always have a value, so only overwrite changes them.
		 */
		Values merge(Values row, boolean overwrite) {
			var emails = this.emails.isEmpty() ? row.emails : overwrite
					? Rows.union(this.emails,
							row.emails.stream().map(e -> new EmailAddress(e.address(), e.label(), false)).toList(), EmailAddress::address)
					: this.emails;
			var phones = this.phones.isEmpty() ? row.phones : overwrite
					? Rows.union(this.phones,
							row.phones.stream().map(p -> new PhoneNumber(p.number(), p.label(), false)).toList(), PhoneNumber::number)
					: this.phones;
			var addresses = this.addresses.isEmpty() || overwrite && !row.addresses.isEmpty() ? row.addresses : this.addresses;
			var custom = new LinkedHashMap<String, Object>(overwrite ? this.custom : row.custom);
			custom.putAll(overwrite ? row.custom : this.custom);
			return new Values(pick(name, row.name, overwrite), pick(taxCode, row.taxCode, overwrite),
					overwrite && row.kind != null ? row.kind : kind,
					overwrite && row.relationship != null ? row.relationship : relationship, pick(industry, row.industry, overwrite),
					pick(website, row.website, overwrite), emails, phones, addresses, pick(externalId, row.externalId, overwrite), custom);
		}

		Map<String, Object> changes(Values to) {
			var changes = new LinkedHashMap<String, Object>();
			change(changes, "name", name, to.name);
			change(changes, "taxCode", taxCode, to.taxCode);
			change(changes, "kind", kind, to.kind);
			change(changes, "relationship", relationship, to.relationship);
			change(changes, "industry", industry, to.industry);
			change(changes, "website", website, to.website);
			change(changes, "emails", emails.stream().map(EmailAddress::address).toList(), to.emails.stream().map(EmailAddress::address).toList());
			change(changes, "phones", phones.stream().map(PhoneNumber::number).toList(), to.phones.stream().map(PhoneNumber::number).toList());
			change(changes, "addresses", addresses.stream().map(Address::oneLine).toList(), to.addresses.stream().map(Address::oneLine).toList());
			change(changes, "externalId", externalId, to.externalId);
			var keys = new java.util.TreeSet<>(custom.keySet());
			keys.addAll(to.custom.keySet());
			keys.forEach(k -> change(changes, "customFields." + k, custom.get(k) == null ? null : String.valueOf(custom.get(k)),
					to.custom.get(k) == null ? null : String.valueOf(to.custom.get(k))));
			return changes;
		}

		List<Object> columns(UUID id, ContactJson json, String before, String changes) {
			var organization = OrganizationImportKind.organization(name, taxCode, website, emails, phones);
			return java.util.Arrays.asList(id, name, taxCode, kind, relationship, industry, website, json.write(emails),
					json.write(phones), json.write(addresses), externalId, json.write(custom), organization.searchName(),
					organization.searchText(), before, changes);
		}

		private static void change(Map<String, Object> changes, String key, Object from, Object to) {
			if (!Objects.equals(from, to)) {
				var change = new LinkedHashMap<String, Object>();
				change.put("from", from);
				change.put("to", to);
				changes.put(key, change);
			}
		}

		private static <T> T pick(T stored, T row, boolean overwrite) {
			return overwrite ? (row != null ? row : stored) : (stored != null ? stored : row);
		}
	}
}
