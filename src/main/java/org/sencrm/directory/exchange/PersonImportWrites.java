package org.sencrm.directory.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.NameOrder;
import org.sencrm.directory.PersonName;
import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.exchange.ImportRun;
import org.sencrm.exchange.ImportOptions.MatchKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-based writes of a person import ({@link CustomerImportWrites} has the shape organizations
 * share): new persons with their search terms made in Java and written sorted by term (decision 41),
 * history and tags in one statement each; matched persons updated from what a merge in Java puts in
 * a second table; the organizations and contact roles the rows name ({@link PersonOrganizations}).
 */
@Component
class PersonImportWrites extends CustomerImportWrites<PersonImportWrites.Values> {

	/** Every person's key, as a relation (key, id), for hash joins over the whole base. */
	private static final Map<MatchKey, String> EXISTING = Map.of(
			MatchKey.EXTERNAL_ID, "select p.external_id as key, p.id from persons p where p.external_id is not null",
			MatchKey.EMAIL, "select x->>'address' as key, p.id from persons p cross join jsonb_array_elements(p.emails) x",
			MatchKey.PHONE, "select x->>'number' as key, p.id from persons p cross join jsonb_array_elements(p.phones) x");
	private static final Map<MatchKey, String> STAGED = Map.of(MatchKey.EXTERNAL_ID, "external_id", MatchKey.EMAIL, "email_key",
			MatchKey.PHONE, "phone_key");
	private static final Shape SHAPE = new Shape("persons", "person", EXISTING, STAGED,
			List.of(MatchKey.EXTERNAL_ID, MatchKey.EMAIL, MatchKey.PHONE), "person_tags", "person_id",
			"import_person_updates", """
			id uuid primary key, family_name text, middle_name text, given_name text, name_order text, display_name text,
			emails jsonb, phones jsonb, addresses jsonb, birthday date, source text, external_id text, custom_fields jsonb,
			search_name text, search_text text, before jsonb, changes jsonb""",
			List.of("id", "family_name", "middle_name", "given_name", "name_order", "display_name", "emails", "phones", "addresses",
					"birthday", "source", "external_id", "custom_fields", "search_name", "search_text", "before", "changes"),
			"""
			s.family_name, s.middle_name, s.given_name, s.name_order, s.emails, s.phones, s.addresses, s.birthday, s.source,
			s.external_id, s.custom_fields""",
			"""
			p.id as p_id, p.family_name as p_family_name, p.middle_name as p_middle_name, p.given_name as p_given_name,
			p.name_order as p_name_order, p.emails as p_emails, p.phones as p_phones, p.addresses as p_addresses,
			p.birthday as p_birthday, p.source as p_source, p.external_id as p_external_id, p.custom_fields as p_custom_fields,
			jsonb_build_object('version', p.version, 'family_name', p.family_name, 'middle_name', p.middle_name,
			  'given_name', p.given_name, 'name_order', p.name_order, 'display_name', p.display_name, 'emails', p.emails,
			  'phones', p.phones, 'addresses', p.addresses, 'birthday', p.birthday, 'source', p.source,
			  'external_id', p.external_id, 'custom_fields', p.custom_fields, 'search_name', p.search_name,
			  'search_text', p.search_text)::text as before""",
			"""
			update persons p set family_name = u.family_name, middle_name = u.middle_name, given_name = u.given_name,
			  name_order = u.name_order, display_name = u.display_name, emails = u.emails, phones = u.phones,
			  addresses = u.addresses, birthday = u.birthday, source = u.source, external_id = u.external_id,
			  custom_fields = u.custom_fields, search_name = u.search_name, search_text = u.search_text,
			  updated_at = :now, version = p.version + 1
			from import_person_updates u where p.id = u.id""");

	private final PersonOrganizations organizations;

	PersonImportWrites(JdbcClient jdbc, ContactJson json, PersonOrganizations organizations, CreatedByImport created) {
		super(jdbc, json, created, SHAPE);
		this.organizations = organizations;
	}

	/** As {@link Values#merge} fills empty fields: never the name; emails, phones, addresses only when the person has none. */
	@Override
	protected String fillsAnEmptyField() {
		return """
				p.emails = '[]' and s.emails <> '[]' or p.phones = '[]' and s.phones <> '[]'
				or p.addresses = '[]' and s.addresses <> '[]' or p.birthday is null and s.birthday is not null
				or p.source is null and s.source is not null or p.external_id is null and s.external_id is not null
				or exists (select from jsonb_object_keys(s.custom_fields) k where not jsonb_exists(p.custom_fields, k))""";
	}

	@Override
	protected void beforeWrites(ImportRun run) {
		run.timed("find the rows' organizations", () -> organizations.find(run));
	}

	@Override
	protected void afterWrites(ImportRun run, Map<String, Object> params) {
		run.timed("organizations and contact roles", () -> organizations.link(run, params));
	}

	@Override
	protected int insert(ImportRun run, Map<String, Object> params) {
		// the statement trigger leaves the terms of these persons to the import (V130), which writes them below, sorted
		jdbc.sql("select set_config('sen.person_terms_written', 'on', true)").query(String.class).single();
		int created = run.timed("insert persons", () -> jdbc.sql("""
				insert into persons (id, workspace_id, external_id, family_name, middle_name, given_name, name_order, display_name,
				  emails, phones, addresses, birthday, owner_id, source, status, custom_fields, search_name, search_text,
				  created_at, updated_at, version)
				select new_id, sen_workspace(), external_id, family_name, middle_name, given_name, name_order, display_name,
				  emails, phones, addresses, birthday, coalesce(owner_id, :owner), source, 'potential', custom_fields, search_name, search_text,
				  :now, :now, 0
				from import_staging where match_id is null order by row_number""").params(params).update());
		jdbc.sql("select set_config('sen.person_terms_written', '', true)").query(String.class).single();
		run.timed("search terms of created persons", () -> {
			// one sort of all terms in memory, then one walk of the terms index in its order
			var workMem = jdbc.sql("select current_setting('work_mem')").query(String.class).single();
			jdbc.sql("select set_config('work_mem', '256MB', true)").query(String.class).single();
			try {
				return jdbc.sql("""
						insert into search_terms (workspace_id, term, person_id)
						select sen_workspace(), t, new_id from import_staging, unnest(terms) t where match_id is null
						order by t""").update();
			} finally {
				jdbc.sql("select set_config('work_mem', :previous, true)").param("previous", workMem).query(String.class).single();
			}
		});
		run.timed("history of created persons", () -> jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), 'person', new_id, 'created', :owner, :actorName, :now,
				  jsonb_strip_nulls(jsonb_build_object(
				    'externalId', case when external_id is not null then jsonb_build_object('to', external_id) end,
				    'familyName', case when family_name is not null then jsonb_build_object('to', family_name) end,
				    'middleName', case when middle_name is not null then jsonb_build_object('to', middle_name) end,
				    'givenName', case when given_name is not null then jsonb_build_object('to', given_name) end,
				    'nameOrder', jsonb_build_object('to', name_order),
				    'emails', case when emails <> '[]' then jsonb_build_object('to', jsonb_path_query_array(emails, '$[*].address')) end,
				    'phones', case when phones <> '[]' then jsonb_build_object('to', jsonb_path_query_array(phones, '$[*].number')) end,
				    'birthday', case when birthday is not null then jsonb_build_object('to', birthday::text) end,
				    'tags', case when tags <> '[]' then jsonb_build_object('to', tags) end,
				    'ownerId', jsonb_build_object('to', cast(coalesce(owner_id, :owner) as text)),
				    'source', case when source is not null then jsonb_build_object('to', source) end,
				    'status', jsonb_build_object('to', 'potential')))
				from import_staging where match_id is null""").params(params).update());
		return created;
	}

	/**
	 * Puts back what the import did: changed persons get their values from before it (unless they were
	 * changed again since: then they are left as they are), created persons go to the trash.
	 */
	int undo(ImportRun run) {
		int reverted = revert(run, """
				update persons p set family_name = c.before->>'family_name', middle_name = c.before->>'middle_name',
				  given_name = c.before->>'given_name', name_order = c.before->>'name_order', display_name = c.before->>'display_name',
				  emails = c.before->'emails', phones = c.before->'phones', addresses = c.before->'addresses',
				  birthday = cast(c.before->>'birthday' as date), source = c.before->>'source', external_id = c.before->>'external_id',
				  custom_fields = c.before->'custom_fields', search_name = c.before->>'search_name',
				  search_text = c.before->>'search_text', updated_at = :now, version = p.version + 1
				from import_changes c
				where c.job_id = :job and c.action = 'updated' and c.entity_type = 'person' and c.entity_id = p.id
				  and p.version = cast(c.before->>'version' as int) + 1
				returning p.id""");
		// the contact roles first: then neither a person nor an organization it made holds them
		created.trash(run.jobId(), "contact_role");
		int trashed = created.trash(run.jobId(), "person");
		return reverted + trashed + created.trash(run.jobId(), "organization");
	}

	@Override
	protected Values values(ResultSet rs, String prefix) throws SQLException {
		var birthday = rs.getDate(prefix + "birthday");
		return new Values(rs.getString(prefix + "family_name"), rs.getString(prefix + "middle_name"),
				rs.getString(prefix + "given_name"), NameOrder.stored(rs.getString(prefix + "name_order")),
				json.emails(rs.getString(prefix + "emails")), json.phones(rs.getString(prefix + "phones")),
				json.addresses(rs.getString(prefix + "addresses")), birthday == null ? null : birthday.toLocalDate(),
				rs.getString(prefix + "source"), rs.getString(prefix + "external_id"), json.map(rs.getString(prefix + "custom_fields")));
	}

	/** The importable values of a person, stored or from a row. */
	record Values(String family, String middle, String given, NameOrder order, List<EmailAddress> emails,
			List<PhoneNumber> phones, List<Address> addresses, LocalDate birthday, String source, String externalId,
			Map<String, Object> custom) implements CustomerImportWrites.Values<Values> {

		@Override
		public Values merge(Values row, boolean overwrite) {
			var takeName = overwrite && (row.family != null || row.given != null);
			return new Values(takeName ? row.family : family, takeName ? row.middle : middle, takeName ? row.given : given,
					takeName ? row.order : order, emailsMerged(emails, row.emails, overwrite), phonesMerged(phones, row.phones, overwrite),
					addressesMerged(addresses, row.addresses, overwrite), pick(birthday, row.birthday, overwrite),
					pick(source, row.source, overwrite), pick(externalId, row.externalId, overwrite),
					customMerged(custom, row.custom, overwrite));
		}

		@Override
		public Map<String, Object> changes(Values to) {
			var changes = new LinkedHashMap<String, Object>();
			change(changes, "familyName", family, to.family);
			change(changes, "middleName", middle, to.middle);
			change(changes, "givenName", given, to.given);
			change(changes, "nameOrder", order.key(), to.order.key());
			contactChanges(changes, emails, to.emails, phones, to.phones, addresses, to.addresses);
			change(changes, "birthday", birthday == null ? null : birthday.toString(), to.birthday == null ? null : to.birthday.toString());
			change(changes, "source", source, to.source);
			change(changes, "externalId", externalId, to.externalId);
			customChanges(changes, custom, to.custom);
			return changes;
		}

		@Override
		public List<Object> columns(UUID id, ContactJson json, String before, String changes) {
			var person = PersonImportKind.person(new PersonName(family, middle, given, order), emails, phones);
			var sortName = person.sortName();
			return new ArrayList<>(java.util.Arrays.asList(id, family, middle, given, order.key(), sortName, json.write(emails),
					json.write(phones), json.write(addresses), birthday, source, externalId, json.write(custom), sortName,
					person.searchText(), before, changes));
		}
	}
}
