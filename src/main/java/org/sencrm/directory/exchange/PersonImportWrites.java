package org.sencrm.directory.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.sencrm.directory.NameOrder;
import org.sencrm.directory.PersonName;
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
 * The set-based writes of a person import, from the staging table: match by the chosen keys, fail
 * duplicates, insert the new persons with their history and tags in one statement each, and update
 * matched persons from a second table the merge fills (the merge runs in Java, a batch at a time,
 * so that search_name and search_text keep their one definition). Never a statement per row.
 */
@Component
class PersonImportWrites {

	private static final int BATCH = 5_000;
	/** Every person's key, as a relation (key, id), for hash joins over the whole base. */
	private static final Map<MatchKey, String> EXISTING = Map.of(
			MatchKey.EXTERNAL_ID, "select p.external_id as key, p.id from persons p where p.external_id is not null",
			MatchKey.EMAIL, "select x->>'address' as key, p.id from persons p cross join jsonb_array_elements(p.emails) x",
			MatchKey.PHONE, "select x->>'number' as key, p.id from persons p cross join jsonb_array_elements(p.phones) x");
	private static final Map<MatchKey, String> STAGED = Map.of(MatchKey.EXTERNAL_ID, "external_id", MatchKey.EMAIL, "email_key",
			MatchKey.PHONE, "phone_key");
	private static final List<String> UPDATE_COLUMNS = List.of("id", "family_name", "middle_name", "given_name", "name_order",
			"display_name", "emails", "phones", "addresses", "birthday", "source", "external_id", "custom_fields", "search_name",
			"search_text", "before", "changes");

	private final JdbcClient jdbc;
	private final ContactJson json;
	private final PersonOrganizations organizations;
	private final CreatedByImport created;

	PersonImportWrites(JdbcClient jdbc, ContactJson json, PersonOrganizations organizations, CreatedByImport created) {
		this.jdbc = jdbc;
		this.json = json;
		this.organizations = organizations;
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
		// the planner must know how many rows matched: estimated as none, it nests loops over the whole staging table
		jdbc.sql("analyze import_staging").update();
		run.fail("""
				select s.row_number, s.match_id as record_id, f.first_row as other_row from import_staging s
				join (select match_id, min(row_number) as first_row from import_staging where match_id is not null group by match_id) f
				  on f.match_id = s.match_id and s.row_number > f.first_row""", Map.of(), "row", "import.duplicate-row");
		int skipped = 0;
		if (options.onNoMatch() == ImportOptions.OnNoMatch.SKIP) {
			skipped += jdbc.sql("delete from import_staging where match_id is null").update();
		} else {
			for (var key : List.of(MatchKey.EXTERNAL_ID, MatchKey.EMAIL, MatchKey.PHONE)) {
				// an external id is unique whatever the import allows
				if (options.allowDuplicates() && key != MatchKey.EXTERNAL_ID) {
					continue;
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
		organizations.find(run);
		int created = create(params);
		int[] updates = update(run, params);
		addTags(params);
		organizations.link(run, params);
		return new ImportCounts(created, updates[0], skipped + updates[1]);
	}

	private int create(Map<String, Object> params) {
		int created = jdbc.sql("""
				insert into persons (id, workspace_id, external_id, family_name, middle_name, given_name, name_order, display_name,
				  emails, phones, addresses, birthday, owner_id, source, status, custom_fields, search_name, search_text,
				  created_at, updated_at, version)
				select new_id, sen_workspace(), external_id, family_name, middle_name, given_name, name_order, display_name,
				  emails, phones, addresses, birthday, coalesce(owner_id, :owner), source, 'potential', custom_fields, search_name, search_text,
				  :now, :now, 0
				from import_staging where match_id is null order by row_number""").params(params).update();
		jdbc.sql("""
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
				from import_staging where match_id is null""").params(params).update();
		jdbc.sql("""
				insert into import_changes (job_id, workspace_id, entity_type, entity_id, action)
				select :job, sen_workspace(), 'person', new_id, 'created' from import_staging where match_id is null""")
				.params(params).update();
		return created;
	}

	/** Merges matched rows into their persons a batch at a time, then writes them in one update; returns {updated, unchanged}. */
	private int[] update(ImportRun run, Map<String, Object> params) {
		jdbc.sql("""
				create temp table import_person_updates (id uuid primary key, family_name text, middle_name text, given_name text,
				  name_order text, display_name text, emails jsonb, phones jsonb, addresses jsonb, birthday date, source text,
				  external_id text, custom_fields jsonb, search_name text, search_text text, before jsonb, changes jsonb) on commit drop""")
				.update();
		var overwrite = run.options().onMatch() == ImportOptions.OnMatch.OVERWRITE;
		int after = 0;
		int unchanged = 0;
		while (true) {
			var batch = jdbc.sql("""
					select s.row_number, s.family_name, s.middle_name, s.given_name, s.name_order, s.emails, s.phones, s.addresses,
					  s.birthday, s.source, s.external_id, s.custom_fields,
					  p.id as p_id, p.family_name as p_family_name, p.middle_name as p_middle_name, p.given_name as p_given_name,
					  p.name_order as p_name_order, p.emails as p_emails, p.phones as p_phones, p.addresses as p_addresses,
					  p.birthday as p_birthday, p.source as p_source, p.external_id as p_external_id, p.custom_fields as p_custom_fields,
					  jsonb_build_object('version', p.version, 'family_name', p.family_name, 'middle_name', p.middle_name,
					    'given_name', p.given_name, 'name_order', p.name_order, 'display_name', p.display_name, 'emails', p.emails,
					    'phones', p.phones, 'addresses', p.addresses, 'birthday', p.birthday, 'source', p.source,
					    'external_id', p.external_id, 'custom_fields', p.custom_fields, 'search_name', p.search_name,
					    'search_text', p.search_text)::text as before
					from import_staging s join persons p on p.id = s.match_id
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
			run.copy("import_person_updates", UPDATE_COLUMNS, rows.iterator());
		}
		int updated = jdbc.sql("""
				update persons p set family_name = u.family_name, middle_name = u.middle_name, given_name = u.given_name,
				  name_order = u.name_order, display_name = u.display_name, emails = u.emails, phones = u.phones,
				  addresses = u.addresses, birthday = u.birthday, source = u.source, external_id = u.external_id,
				  custom_fields = u.custom_fields, search_name = u.search_name, search_text = u.search_text,
				  updated_at = :now, version = p.version + 1
				from import_person_updates u where p.id = u.id""").params(params).update();
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), 'person', id, 'updated', :owner, :actorName, :now, changes
				from import_person_updates""").params(params).update();
		jdbc.sql("""
				insert into import_changes (job_id, workspace_id, entity_type, entity_id, action, before)
				select :job, sen_workspace(), 'person', id, 'updated', before from import_person_updates""").params(params).update();
		return new int[] {updated, unchanged};
	}

	private void addTags(Map<String, Object> params) {
		jdbc.sql("""
				insert into tags (id, workspace_id, name)
				select sen_uuid7(:now), sen_workspace(), min(t) from import_staging s cross join jsonb_array_elements_text(s.tags) t
				group by lower(t)
				on conflict (workspace_id, lower(name)) do nothing""").params(params).update();
		jdbc.sql("""
				insert into person_tags (person_id, tag_id, workspace_id)
				select distinct coalesce(s.match_id, s.new_id), g.id, sen_workspace()
				from import_staging s cross join jsonb_array_elements_text(s.tags) t
				join tags g on g.workspace_id = sen_workspace() and lower(g.name) = lower(t)
				on conflict do nothing""").update();
	}

	/**
	 * Puts back what the import did: changed persons get their values from before it (unless they were
	 * changed again since: then they are left as they are), created persons go to the trash.
	 */
	int undo(ImportRun run) {
		var scope = WorkspaceContext.current();
		var params = Map.<String, Object>of("now", Timestamp.from(run.now()), "job", run.jobId(), "actor", run.actorId(),
				"actorName", scope.actorName() == null ? "" : scope.actorName());
		var reverted = jdbc.sql("""
				update persons p set family_name = c.before->>'family_name', middle_name = c.before->>'middle_name',
				  given_name = c.before->>'given_name', name_order = c.before->>'name_order', display_name = c.before->>'display_name',
				  emails = c.before->'emails', phones = c.before->'phones', addresses = c.before->'addresses',
				  birthday = cast(c.before->>'birthday' as date), source = c.before->>'source', external_id = c.before->>'external_id',
				  custom_fields = c.before->'custom_fields', search_name = c.before->>'search_name',
				  search_text = c.before->>'search_text', updated_at = :now, version = p.version + 1
				from import_changes c
				where c.job_id = :job and c.action = 'updated' and c.entity_type = 'person' and c.entity_id = p.id
				  and p.version = cast(c.before->>'version' as int) + 1
				returning p.id""").params(params).query(UUID.class).list();
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), 'person', id, 'updated', :actor, :actorName, :now,
				  jsonb_build_object('import', jsonb_build_object('from', cast(:job as text), 'to', 'undone'))
				from unnest(cast(:ids as uuid[])) id""").params(params).param("ids", reverted.toArray(UUID[]::new)).update();
		// the contact roles first: then neither a person nor an organization it made holds them
		created.trash(run.jobId(), "contact_role");
		int trashed = created.trash(run.jobId(), "person");
		return reverted.size() + trashed + created.trash(run.jobId(), "organization");
	}

	private record Pair(int rowNumber, UUID id, Values row, Values current, String before) {
	}

	private Pair pair(ResultSet rs, int n) throws SQLException {
		return new Pair(rs.getInt("row_number"), rs.getObject("p_id", UUID.class), values(rs, ""), values(rs, "p_"),
				rs.getString("before"));
	}

	private Values values(ResultSet rs, String prefix) throws SQLException {
		var birthday = rs.getDate(prefix + "birthday");
		return new Values(rs.getString(prefix + "family_name"), rs.getString(prefix + "middle_name"),
				rs.getString(prefix + "given_name"), NameOrder.stored(rs.getString(prefix + "name_order")),
				json.emails(rs.getString(prefix + "emails")), json.phones(rs.getString(prefix + "phones")),
				json.addresses(rs.getString(prefix + "addresses")), birthday == null ? null : birthday.toLocalDate(),
				rs.getString(prefix + "source"), rs.getString(prefix + "external_id"), json.map(rs.getString(prefix + "custom_fields")));
	}

	/** The importable values of a person, stored or from a row. */
	private record Values(String family, String middle, String given, NameOrder order, List<EmailAddress> emails,
			List<PhoneNumber> phones, List<Address> addresses, LocalDate birthday, String source, String externalId,
			Map<String, Object> custom) {

		/** This stored person with a row's values: its empty fields filled, or (overwrite) every non-empty cell taken. */
		Values merge(Values row, boolean overwrite) {
			var takeName = overwrite && (row.family != null || row.given != null);
			var emails = this.emails.isEmpty() ? row.emails : overwrite
					? Rows.union(this.emails, row.emails.stream().map(e -> new EmailAddress(e.address(), e.label(), false)).toList(),
							EmailAddress::address)
					: this.emails; // the person's primary stays primary
			var phones = this.phones.isEmpty() ? row.phones : overwrite
					? Rows.union(this.phones, row.phones.stream().map(p -> new PhoneNumber(p.number(), p.label(), false)).toList(),
							PhoneNumber::number)
					: this.phones;
			var addresses = this.addresses.isEmpty() || overwrite && !row.addresses.isEmpty() ? row.addresses : this.addresses;
			var custom = new LinkedHashMap<String, Object>(overwrite ? this.custom : row.custom);
			custom.putAll(overwrite ? row.custom : this.custom);
			return new Values(takeName ? row.family : family, takeName ? row.middle : middle, takeName ? row.given : given,
					takeName ? row.order : order, emails, phones, addresses, pick(birthday, row.birthday, overwrite),
					pick(source, row.source, overwrite), pick(externalId, row.externalId, overwrite), custom);
		}

		/** What changed from this to {@code to}, as the history writes it. */
		Map<String, Object> changes(Values to) {
			var changes = new LinkedHashMap<String, Object>();
			change(changes, "familyName", family, to.family);
			change(changes, "middleName", middle, to.middle);
			change(changes, "givenName", given, to.given);
			change(changes, "nameOrder", order.key(), to.order.key());
			change(changes, "emails", emails.stream().map(EmailAddress::address).toList(), to.emails.stream().map(EmailAddress::address).toList());
			change(changes, "phones", phones.stream().map(PhoneNumber::number).toList(), to.phones.stream().map(PhoneNumber::number).toList());
			change(changes, "addresses", addresses.stream().map(Address::oneLine).toList(), to.addresses.stream().map(Address::oneLine).toList());
			change(changes, "birthday", birthday == null ? null : birthday.toString(), to.birthday == null ? null : to.birthday.toString());
			change(changes, "source", source, to.source);
			change(changes, "externalId", externalId, to.externalId);
			var keys = new java.util.TreeSet<>(custom.keySet());
			keys.addAll(to.custom.keySet());
			keys.forEach(k -> change(changes, "customFields." + k, custom.get(k) == null ? null : String.valueOf(custom.get(k)),
					to.custom.get(k) == null ? null : String.valueOf(to.custom.get(k))));
			return changes;
		}

		List<Object> columns(UUID id, ContactJson json, String before, String changes) {
			var person = PersonImportKind.person(new PersonName(family, middle, given, order), emails, phones);
			var sortName = person.sortName();
			var columns = new ArrayList<Object>();
			columns.addAll(java.util.Arrays.asList(id, family, middle, given, order.key(), sortName, json.write(emails),
					json.write(phones), json.write(addresses), birthday, source, externalId, json.write(custom), sortName,
					person.searchText(), before, changes));
			return columns;
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
