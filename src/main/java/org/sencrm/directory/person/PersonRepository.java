package org.sencrm.directory.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.directory.NameOrder;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.listing.ListQuery;
import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.record.RecordTable;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Persons in PostgreSQL. Every statement names the workspace, and row-level security checks it again. */
@Repository
class PersonRepository {

	private final JdbcClient jdbc;
	private final ContactJson json;
	private final RecordTable table;

	PersonRepository(JdbcClient jdbc, ContactJson json, RecordTable table) {
		this.jdbc = jdbc;
		this.json = json;
		this.table = table;
	}

	Optional<Person> find(UUID id) {
		// the tags in the same statement: a person is read in one round trip
		return jdbc.sql("""
				select p.*, array(select t.name from person_tags pt join tags t on t.id = pt.tag_id
				                  where pt.workspace_id = p.workspace_id and pt.person_id = p.id order by lower(t.name)) as tag_names
				from persons p where p.workspace_id = :ws and p.id = :id""")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.query((rs, row) -> person(rs, row).withTags(List.of((String[]) rs.getArray("tag_names").getArray())))
				.optional();
	}

	void insert(Person p) {
		jdbc.sql("""
				insert into persons (id, workspace_id, family_name, middle_name, given_name, name_order, display_name, emails, phones,
				  addresses, birthday, owner_id, owner_team_id, source, status, lifecycle_stage, consents, custom_fields, external_id, search_name, search_text,
				  created_at, updated_at, version)
				values (:id, :ws, :family, :middle, :given, :nameOrder, :display, cast(:emails as jsonb), cast(:phones as jsonb), cast(:addresses as jsonb),
				  :birthday, :owner, :team, :source, :status, :stage, cast(:consents as jsonb), cast(:custom as jsonb), :externalId, :searchName, :searchText,
				  :created, :updated, 0)""")
				.params(columns(p))
				.update();
	}

	/** Writes the person if its version is still the stored one; false when someone else changed it first. */
	boolean update(Person p, int expectedVersion) {
		var params = columns(p);
		params.put("expected", expectedVersion);
		return jdbc.sql("""
				update persons set family_name = :family, middle_name = :middle, given_name = :given, name_order = :nameOrder,
				  display_name = :display,
				  emails = cast(:emails as jsonb), phones = cast(:phones as jsonb), addresses = cast(:addresses as jsonb),
				  birthday = :birthday, owner_id = :owner, owner_team_id = :team, source = :source, status = :status,
				  lifecycle_stage = :stage, consents = cast(:consents as jsonb), custom_fields = cast(:custom as jsonb), external_id = :externalId,
				  search_name = :searchName, search_text = :searchText, updated_at = :updated, version = version + 1
				where workspace_id = :ws and id = :id and version = :expected""")
				.params(params)
				.update() == 1;
	}

	/** One page of a filtered list, ordered for keyset pagination; the cursor is opaque to callers. */
	ListQuery.Page<Person> list(PersonFilter filter) {
		return table.list(CustomerKind.PERSON, filter.common(), q -> q.equal("status", filter.status()), this::person);
	}

	private Map<String, Object> columns(Person p) {
		var params = new HashMap<String, Object>();
		params.put("id", p.id());
		params.put("ws", WorkspaceContext.workspaceId());
		params.put("family", p.familyName());
		params.put("middle", p.middleName());
		params.put("given", p.givenName());
		params.put("nameOrder", p.nameOrder().key());
		params.put("display", p.sortName());
		params.put("emails", json.write(p.emails()));
		params.put("phones", json.write(p.phones()));
		params.put("addresses", json.write(p.addresses()));
		params.put("birthday", p.birthday());
		params.put("owner", p.ownerId());
		params.put("team", p.ownerTeamId());
		params.put("source", p.source());
		params.put("status", p.status());
		params.put("stage", p.lifecycleStage());
		params.put("consents", json.write(p.consents()));
		params.put("custom", json.write(p.customFields()));
		params.put("externalId", p.externalId());
		params.put("searchName", p.sortName());
		params.put("searchText", p.searchText());
		params.put("created", Timestamp.from(p.createdAt()));
		params.put("updated", Timestamp.from(p.updatedAt()));
		return params;
	}

	private Person person(ResultSet rs, int row) throws SQLException {
		var birthday = rs.getDate("birthday");
		return new Person(rs.getObject("id", UUID.class), rs.getString("family_name"), rs.getString("middle_name"),
				rs.getString("given_name"), NameOrder.stored(rs.getString("name_order")),
				json.emails(rs.getString("emails")), json.phones(rs.getString("phones")), json.addresses(rs.getString("addresses")),
				birthday == null ? null : birthday.toLocalDate(), List.of(), rs.getObject("owner_id", UUID.class),
				rs.getObject("owner_team_id", UUID.class), rs.getString("source"), rs.getString("status"),
				rs.getString("lifecycle_stage"),
				json.read(rs.getString("consents"), new TypeReference<Map<String, Consent>>() {
				}),
				json.map(rs.getString("custom_fields")), rs.getString("external_id"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}
}
