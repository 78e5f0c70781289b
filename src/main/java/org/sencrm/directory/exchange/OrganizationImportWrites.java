package org.sencrm.directory.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.exchange.ImportOptions.MatchKey;
import org.sencrm.exchange.ImportRun;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-based writes of an organization import, in the shape {@link CustomerImportWrites} gives persons and
 * organizations alike: matched by external id, tax code, email or phone; one insert each for the organizations
 * (their search terms by the statement trigger), their history and tags; matched organizations merged in Java
 * a batch at a time and written by one update.
 */
@Component
class OrganizationImportWrites extends CustomerImportWrites<OrganizationImportWrites.Values> {

	private static final Map<MatchKey, String> EXISTING = Map.of(
			MatchKey.EXTERNAL_ID, "select o.external_id as key, o.id from organizations o where o.external_id is not null",
			MatchKey.TAX_CODE, "select o.tax_code as key, o.id from organizations o where o.tax_code is not null",
			MatchKey.EMAIL, "select x->>'address' as key, o.id from organizations o cross join jsonb_array_elements(o.emails) x",
			MatchKey.PHONE, "select x->>'number' as key, o.id from organizations o cross join jsonb_array_elements(o.phones) x");
	private static final Map<MatchKey, String> STAGED = Map.of(MatchKey.EXTERNAL_ID, "external_id", MatchKey.TAX_CODE, "tax_code",
			MatchKey.EMAIL, "email_key", MatchKey.PHONE, "phone_key");
	private static final Shape SHAPE = new Shape("organizations", "organization", EXISTING, STAGED,
			List.of(MatchKey.EXTERNAL_ID, MatchKey.TAX_CODE, MatchKey.EMAIL, MatchKey.PHONE), "organization_tags", "organization_id",
			"import_organization_updates", """
			id uuid primary key, name text, tax_code text, kind text, relationship text, industry text, website text, emails jsonb,
			phones jsonb, addresses jsonb, external_id text, custom_fields jsonb, search_name text, search_text text, before jsonb,
			changes jsonb""",
			List.of("id", "name", "tax_code", "kind", "relationship", "industry", "website", "emails", "phones", "addresses",
					"external_id", "custom_fields", "search_name", "search_text", "before", "changes"),
			"""
			s.name, s.tax_code, s.kind, s.relationship, s.industry, s.website, s.emails, s.phones, s.addresses, s.external_id,
			s.custom_fields""",
			"""
			p.id as p_id, p.name as p_name, p.tax_code as p_tax_code, p.kind as p_kind, p.relationship as p_relationship,
			p.industry as p_industry, p.website as p_website, p.emails as p_emails, p.phones as p_phones,
			p.addresses as p_addresses, p.external_id as p_external_id, p.custom_fields as p_custom_fields,
			jsonb_build_object('version', p.version, 'name', p.name, 'tax_code', p.tax_code, 'kind', p.kind,
			  'relationship', p.relationship, 'industry', p.industry, 'website', p.website, 'emails', p.emails,
			  'phones', p.phones, 'addresses', p.addresses, 'external_id', p.external_id, 'custom_fields', p.custom_fields,
			  'search_name', p.search_name, 'search_text', p.search_text)::text as before""",
			"""
			update organizations o set name = u.name, tax_code = u.tax_code, kind = u.kind, relationship = u.relationship,
			  industry = u.industry, website = u.website, emails = u.emails, phones = u.phones, addresses = u.addresses,
			  external_id = u.external_id, custom_fields = u.custom_fields, search_name = u.search_name,
			  search_text = u.search_text, updated_at = :now, version = o.version + 1
			from import_organization_updates u where o.id = u.id""");

	OrganizationImportWrites(JdbcClient jdbc, ContactJson json, CreatedByImport created) {
		super(jdbc, json, created, SHAPE);
	}

	@Override
	protected int insert(ImportRun run, Map<String, Object> params) {
		int created = run.timed("insert organizations (with their search terms)", () -> jdbc.sql("""
				insert into organizations (id, workspace_id, external_id, name, kind, relationship, tax_code, industry, website,
				  emails, phones, addresses, owner_id, custom_fields, search_name, search_text, created_at, updated_at, version)
				select new_id, sen_workspace(), external_id, name, coalesce(kind, 'commercial_user'), coalesce(relationship, 'customer'),
				  tax_code, industry, website, emails, phones, addresses, coalesce(owner_id, :owner), custom_fields, search_name, search_text,
				  :now, :now, 0
				from import_staging where match_id is null order by row_number""").params(params).update());
		run.timed("history of created organizations", () -> jdbc.sql("""
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
				from import_staging where match_id is null""").params(params).update());
		return created;
	}

	/** Changed organizations get their values from before the import (unless changed again since); created ones go to the trash. */
	int undo(ImportRun run) {
		int reverted = revert(run, """
				update organizations o set name = c.before->>'name', tax_code = c.before->>'tax_code', kind = c.before->>'kind',
				  relationship = c.before->>'relationship', industry = c.before->>'industry', website = c.before->>'website',
				  emails = c.before->'emails', phones = c.before->'phones', addresses = c.before->'addresses',
				  external_id = c.before->>'external_id', custom_fields = c.before->'custom_fields',
				  search_name = c.before->>'search_name', search_text = c.before->>'search_text', updated_at = :now,
				  version = o.version + 1
				from import_changes c
				where c.job_id = :job and c.action = 'updated' and c.entity_type = 'organization' and c.entity_id = o.id
				  and o.version = cast(c.before->>'version' as int) + 1
				returning o.id""");
		return reverted + created.trash(run.jobId(), "organization");
	}

	@Override
	protected Values values(ResultSet rs, String prefix) throws SQLException {
		return new Values(rs.getString(prefix + "name"), rs.getString(prefix + "tax_code"), rs.getString(prefix + "kind"),
				rs.getString(prefix + "relationship"), rs.getString(prefix + "industry"), rs.getString(prefix + "website"),
				json.emails(rs.getString(prefix + "emails")), json.phones(rs.getString(prefix + "phones")),
				json.addresses(rs.getString(prefix + "addresses")), rs.getString(prefix + "external_id"),
				json.map(rs.getString(prefix + "custom_fields")));
	}

	/** The importable values of an organization, stored or from a row (kind and relationship null when the row has none). */
	record Values(String name, String taxCode, String kind, String relationship, String industry, String website,
			List<EmailAddress> emails, List<PhoneNumber> phones, List<Address> addresses, String externalId,
			Map<String, Object> custom) implements CustomerImportWrites.Values<Values> {

		/** Kind and relationship always have a value, so only overwrite changes them. */
		@Override
		public Values merge(Values row, boolean overwrite) {
			return new Values(pick(name, row.name, overwrite), pick(taxCode, row.taxCode, overwrite),
					overwrite && row.kind != null ? row.kind : kind,
					overwrite && row.relationship != null ? row.relationship : relationship, pick(industry, row.industry, overwrite),
					pick(website, row.website, overwrite), emailsMerged(emails, row.emails, overwrite),
					phonesMerged(phones, row.phones, overwrite), addressesMerged(addresses, row.addresses, overwrite),
					pick(externalId, row.externalId, overwrite), customMerged(custom, row.custom, overwrite));
		}

		@Override
		public Map<String, Object> changes(Values to) {
			var changes = new LinkedHashMap<String, Object>();
			change(changes, "name", name, to.name);
			change(changes, "taxCode", taxCode, to.taxCode);
			change(changes, "kind", kind, to.kind);
			change(changes, "relationship", relationship, to.relationship);
			change(changes, "industry", industry, to.industry);
			change(changes, "website", website, to.website);
			contactChanges(changes, emails, to.emails, phones, to.phones, addresses, to.addresses);
			change(changes, "externalId", externalId, to.externalId);
			customChanges(changes, custom, to.custom);
			return changes;
		}

		@Override
		public List<Object> columns(UUID id, ContactJson json, String before, String changes) {
			var organization = OrganizationImportKind.organization(name, taxCode, website, emails, phones);
			return java.util.Arrays.asList(id, name, taxCode, kind, relationship, industry, website, json.write(emails),
					json.write(phones), json.write(addresses), externalId, json.write(custom), organization.searchName(),
					organization.searchText(), before, changes);
		}
	}
}
