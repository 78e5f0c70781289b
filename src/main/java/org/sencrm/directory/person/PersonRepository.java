package org.sencrm.directory.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.ContactDetails;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Persons in PostgreSQL. Every statement names the workspace, and row-level security checks it again. */
@Repository
class PersonRepository {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	PersonRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Person> find(UUID id) {
		return jdbc.sql("select * from persons where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.query(this::person).optional()
				.map(this::withTags);
	}

	void insert(Person p) {
		jdbc.sql("""
				insert into persons (id, workspace_id, family_name, middle_name, given_name, display_name, emails, phones, addresses,
				  birthday, owner_id, owner_team_id, source, status, lifecycle_stage, consents, custom_fields, search_name, search_text,
				  created_at, updated_at, version)
				values (:id, :ws, :family, :middle, :given, :display, cast(:emails as jsonb), cast(:phones as jsonb), cast(:addresses as jsonb),
				  :birthday, :owner, :team, :source, :status, :stage, cast(:consents as jsonb), cast(:custom as jsonb), :searchName, :searchText,
				  :created, :updated, 0)""")
				.params(columns(p))
				.update();
	}

	/** Writes the person if its version is still the stored one; false when someone else changed it first. */
	boolean update(Person p, int expectedVersion) {
		var params = columns(p);
		params.put("expected", expectedVersion);
		return jdbc.sql("""
				update persons set family_name = :family, middle_name = :middle, given_name = :given, display_name = :display,
				  emails = cast(:emails as jsonb), phones = cast(:phones as jsonb), addresses = cast(:addresses as jsonb),
				  birthday = :birthday, owner_id = :owner, owner_team_id = :team, source = :source, status = :status,
				  lifecycle_stage = :stage, consents = cast(:consents as jsonb), custom_fields = cast(:custom as jsonb),
				  search_name = :searchName, search_text = :searchText, updated_at = :updated, version = version + 1
				where workspace_id = :ws and id = :id and version = :expected""")
				.params(params)
				.update() == 1;
	}

	boolean delete(UUID id, int expectedVersion) {
		return jdbc.sql("delete from persons where workspace_id = :ws and id = :id and version = :version")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("version", expectedVersion)
				.update() == 1;
	}

	/** One page of a filtered list, ordered for keyset pagination; the cursor is opaque to callers. */
	PersonPage list(PersonFilter filter) {
		var where = new StringBuilder(" where p.workspace_id = :ws");
		var params = new HashMap<String, Object>();
		params.put("ws", WorkspaceContext.workspaceId());
		if (filter.q() != null && !filter.q().isBlank()) {
			var folded = SearchText.fold(filter.q());
			var digits = SearchText.digits(filter.q());
			where.append(" and (p.search_text like :q").append(digits.length() >= 4 ? " or p.search_text like :digits)" : ")");
			params.put("q", "%" + escapeLike(folded) + "%");
			params.put("digits", "%" + digits + "%");
		}
		for (int i = 0; i < filter.tags().size(); i++) {
			where.append(" and exists (select 1 from person_tags pt join tags t on t.id = pt.tag_id where pt.person_id = p.id and lower(t.name) = lower(:tag")
					.append(i).append("))");
			params.put("tag" + i, filter.tags().get(i));
		}
		if (filter.ownerId() != null) {
			where.append(" and p.owner_id = :owner");
			params.put("owner", filter.ownerId());
		}
		if (filter.status() != null) {
			where.append(" and p.status = :status");
			params.put("status", filter.status());
		}
		if (filter.lifecycleStage() != null) {
			where.append(" and p.lifecycle_stage = :stage");
			params.put("stage", filter.lifecycleStage());
		}
		int i = 0;
		for (var entry : filter.customFields().entrySet()) {
			// Matches a value, or one of the values of a multi-choice field.
			where.append(" and (p.custom_fields ->> :cfKey").append(i).append(" = :cfValue").append(i)
					.append(" or p.custom_fields -> :cfKey").append(i).append(" @> to_jsonb(cast(:cfValue").append(i).append(" as text)))");
			params.put("cfKey" + i, entry.getKey());
			params.put("cfValue" + i, entry.getValue());
			i++;
		}
		var newest = "created".equals(filter.sort());
		var cursor = decode(filter.cursor());
		if (cursor != null) {
			if (newest) {
				where.append(" and (p.created_at, p.id) < (:afterCreated, :afterId)");
				params.put("afterCreated", Timestamp.from(instant(cursor[0])));
			} else {
				where.append(" and (p.display_name, p.id) > (:afterName, :afterId)");
				params.put("afterName", cursor[0]);
			}
			params.put("afterId", UUID.fromString(cursor[1]));
		}
		var order = newest ? " order by p.created_at desc, p.id desc" : " order by p.display_name, p.id";
		params.put("limit", filter.limit() + 1);
		var rows = jdbc.sql("select p.* from persons p" + where + order + " limit :limit")
				.params(params)
				.query(this::person).list();
		var more = rows.size() > filter.limit();
		var page = new ArrayList<>(more ? rows.subList(0, filter.limit()) : rows);
		String next = null;
		if (more) {
			var last = page.getLast();
			next = encode(newest ? last.createdAt().toString() : sortName(last), last.id().toString());
		}
		return new PersonPage(page, next);
	}

	long count() {
		return jdbc.sql("select count(*) from persons where workspace_id = :ws").param("ws", WorkspaceContext.workspaceId())
				.query(Long.class).single();
	}

	private Person withTags(Person person) {
		var names = jdbc.sql("""
				select t.name from person_tags pt join tags t on t.id = pt.tag_id
				where pt.workspace_id = :ws and pt.person_id = :id order by lower(t.name)""")
				.param("ws", WorkspaceContext.workspaceId()).param("id", person.id()).query(String.class).list();
		return withTagNames(person, names);
	}

	static Person withTagNames(Person p, List<String> tags) {
		return new Person(p.id(), p.familyName(), p.middleName(), p.givenName(), p.emails(), p.phones(), p.addresses(),
				p.birthday(), tags, p.ownerId(), p.ownerTeamId(), p.source(), p.status(), p.lifecycleStage(), p.consents(),
				p.customFields(), p.createdAt(), p.updatedAt(), p.version());
	}

	/** The sort key: family-name order, folded, so "Đặng" sorts with "Dang". */
	static String sortName(Person p) {
		return SearchText.fold(Person.fullName(p.familyName(), p.middleName(), p.givenName(), true));
	}

	private Map<String, Object> columns(Person p) {
		var params = new HashMap<String, Object>();
		params.put("id", p.id());
		params.put("ws", WorkspaceContext.workspaceId());
		params.put("family", p.familyName());
		params.put("middle", p.middleName());
		params.put("given", p.givenName());
		params.put("display", sortName(p));
		params.put("emails", json.writeValueAsString(p.emails()));
		params.put("phones", json.writeValueAsString(p.phones()));
		params.put("addresses", json.writeValueAsString(p.addresses()));
		params.put("birthday", p.birthday());
		params.put("owner", p.ownerId());
		params.put("team", p.ownerTeamId());
		params.put("source", p.source());
		params.put("status", p.status());
		params.put("stage", p.lifecycleStage());
		params.put("consents", json.writeValueAsString(p.consents()));
		params.put("custom", json.writeValueAsString(p.customFields()));
		var searchName = SearchText.fold(Person.fullName(p.familyName(), p.middleName(), p.givenName(), true));
		params.put("searchName", searchName);
		params.put("searchText", searchName + " " + SearchText.fold(Person.fullName(p.familyName(), p.middleName(), p.givenName(), false))
				+ ContactDetails.searchWords(p.emails(), p.phones()));
		params.put("created", Timestamp.from(p.createdAt()));
		params.put("updated", Timestamp.from(p.updatedAt()));
		return params;
	}

	private Person person(ResultSet rs, int row) throws SQLException {
		var birthday = rs.getDate("birthday");
		return new Person(rs.getObject("id", UUID.class), rs.getString("family_name"), rs.getString("middle_name"),
				rs.getString("given_name"),
				json.readValue(rs.getString("emails"), new TypeReference<List<EmailAddress>>() {
				}),
				json.readValue(rs.getString("phones"), new TypeReference<List<PhoneNumber>>() {
				}),
				json.readValue(rs.getString("addresses"), new TypeReference<List<Address>>() {
				}),
				birthday == null ? null : birthday.toLocalDate(), List.of(), rs.getObject("owner_id", UUID.class),
				rs.getObject("owner_team_id", UUID.class), rs.getString("source"), rs.getString("status"),
				rs.getString("lifecycle_stage"),
				json.readValue(rs.getString("consents"), new TypeReference<Map<String, Consent>>() {
				}),
				json.readValue(rs.getString("custom_fields"), new TypeReference<Map<String, Object>>() {
				}),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}

	private static Instant instant(String text) {
		try {
			return Instant.parse(text);
		} catch (java.time.format.DateTimeParseException e) {
			throw new org.sencrm.platform.ValidationException(List.of(
					new org.sencrm.platform.ValidationException.FieldProblem("cursor", "validation.cursor")));
		}
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static String encode(String key, String id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "\n" + id).getBytes(StandardCharsets.UTF_8));
	}

	private static String[] decode(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			var parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
			UUID.fromString(parts[1]);
			return parts;
		} catch (RuntimeException e) {
			throw new org.sencrm.platform.ValidationException(List.of(
					new org.sencrm.platform.ValidationException.FieldProblem("cursor", "validation.cursor")));
		}
	}
}
