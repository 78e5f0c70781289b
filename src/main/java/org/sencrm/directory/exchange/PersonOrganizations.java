package org.sencrm.directory.exchange;

import java.util.Map;

import org.sencrm.exchange.ImportRun;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organization a person import's row names (decision 35): found by tax code, then by exact folded
 * name; created from the row when the row gives a name and no organization has it (mapping a column
 * to the organization is asking for it); then one contact role between the person and the
 * organization. A row naming an organization by an unknown tax code alone fails. All set-based.
 */
@Component
class PersonOrganizations {

	private final JdbcClient jdbc;

	PersonOrganizations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Before the persons are written: finds each row's organization, gives the missing ones an id, fails rows that cannot have one. */
	void find(ImportRun run) {
		jdbc.sql("""
				update import_staging s set organization_id = m.id
				from (select distinct on (tax_code) tax_code, id from organizations where tax_code is not null order by tax_code, id) m
				where s.organization_tax_code = m.tax_code""").update();
		jdbc.sql("""
				update import_staging s set organization_id = m.id
				from (select distinct on (search_name) search_name, id from organizations order by search_name, id) m
				where s.organization_id is null and s.organization_key = m.search_name""").update();
		run.fail("""
				select row_number, null::uuid as record_id, null::int as other_row from import_staging
				where organization_id is null and organization_tax_code is not null and organization_name is null""", Map.of(),
				"organizationTaxCode", "import.organization-unknown");
		// one new organization per tax code, else per folded name: the first row naming it gives its values
		jdbc.sql("""
				update import_staging s set organization_id = f.id, organization_new = true
				from (select distinct on (coalesce(organization_tax_code, organization_key)) coalesce(organization_tax_code, organization_key) as key,
				        sen_uuid7(:now) as id
				      from import_staging where organization_id is null and organization_name is not null
				      order by coalesce(organization_tax_code, organization_key), row_number) f
				where s.organization_id is null and s.organization_name is not null
				  and coalesce(s.organization_tax_code, s.organization_key) = f.key""")
				.param("now", java.sql.Timestamp.from(run.now())).update();
	}

	/** After the persons are written: creates the new organizations and the contact roles, with history, kept for the undo. */
	void link(ImportRun run, Map<String, Object> params) {
		jdbc.sql("""
				create temp table import_new_organizations on commit drop as
				select distinct on (organization_id) organization_id as id, organization_name as name, organization_tax_code as tax_code,
				  organization_key as search_name, organization_search_text as search_text
				from import_staging where organization_new order by organization_id, row_number""").update();
		jdbc.sql("""
				insert into organizations (id, workspace_id, name, tax_code, owner_id, search_name, search_text, created_at, updated_at, version)
				select id, sen_workspace(), name, tax_code, :owner, search_name, search_text, :now, :now, 0 from import_new_organizations""")
				.params(params).update();
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), 'organization', id, 'created', :owner, :actorName, :now,
				  jsonb_strip_nulls(jsonb_build_object('name', jsonb_build_object('to', name),
				    'taxCode', case when tax_code is not null then jsonb_build_object('to', tax_code) end,
				    'kind', jsonb_build_object('to', 'commercial_user'), 'relationship', jsonb_build_object('to', 'customer'),
				    'ownerId', jsonb_build_object('to', cast(:owner as text))))
				from import_new_organizations""").params(params).update();
		jdbc.sql("""
				insert into import_changes (job_id, workspace_id, entity_type, entity_id, action)
				select :job, sen_workspace(), 'organization', id, 'created' from import_new_organizations""").params(params).update();
		jdbc.sql("""
				create temp table import_new_contact_roles on commit drop as
				select sen_uuid7(:now) as id, l.person_id, l.organization_id, l.job_title
				from (select distinct on (coalesce(s.match_id, s.new_id), s.organization_id) coalesce(s.match_id, s.new_id) as person_id,
				        s.organization_id, s.job_title
				      from import_staging s where s.organization_id is not null
				      order by coalesce(s.match_id, s.new_id), s.organization_id, s.row_number) l
				where not exists (select 1 from contact_roles c where c.person_id = l.person_id and c.organization_id = l.organization_id)""")
				.params(params).update();
		jdbc.sql("""
				insert into contact_roles (id, workspace_id, person_id, organization_id, job_title)
				select id, sen_workspace(), person_id, organization_id, job_title from import_new_contact_roles""").update();
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), 'contact_role', r.id, 'created', :owner, :actorName, :now,
				  jsonb_strip_nulls(jsonb_build_object('personId', jsonb_build_object('to', r.person_id::text),
				    'organizationId', jsonb_build_object('to', r.organization_id::text),
				    'organization', jsonb_build_object('to', o.name),
				    'jobTitle', case when r.job_title is not null then jsonb_build_object('to', r.job_title) end))
				from import_new_contact_roles r join organizations o on o.id = r.organization_id""").params(params).update();
		jdbc.sql("""
				insert into import_changes (job_id, workspace_id, entity_type, entity_id, action)
				select :job, sen_workspace(), 'contact_role', id, 'created' from import_new_contact_roles""").params(params).update();
	}
}
