package org.sencrm.directory;

import java.util.Optional;
import java.util.UUID;

import org.sencrm.directory.lifecycle.LifecycleStage;
import org.sencrm.directory.organization.OrganizationService;
import org.sencrm.directory.person.PersonService;
import org.sencrm.directory.contactrole.ContactRoles;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What other modules may ask the directory: does this customer exist in the current workspace,
 * what is it called, who owns it (for access checks on things attached to it), and where it stands
 * in its lifecycle.
 */
@Component
public class Customers {

	public enum Kind { PERSON, ORGANIZATION }

	public record CustomerSummary(Kind kind, UUID id, String name, UUID ownerId, UUID ownerTeamId) {
	}

	/** What a letter to a person needs: names, primary email and phone, and their first organization. */
	public record PersonContact(UUID id, String fullName, String familyName, String middleName, String givenName,
			String email, String phone, String organizationName) {
	}

	/** A custom field a kind's records have, as other modules name it ({@code customFields.<key>}). */
	public record CustomField(String key, String label, String type) {
	}

	private final PersonService persons;
	private final OrganizationService organizations;
	private final ContactRoles roles;
	private final UserDirectory users;
	private final JdbcClient jdbc;
	private final org.sencrm.platform.History history;
	private final org.sencrm.directory.customfield.CustomFields customFields;

	/** The custom fields the workspace defined for persons or organizations, in their order. */
	public java.util.List<CustomField> customFields(Kind kind) {
		return customFields.of(kind == Kind.PERSON ? "person" : "organization").stream()
				.map(d -> new CustomField(d.key(), d.label(), d.type())).toList();
	}

	Customers(PersonService persons, OrganizationService organizations, ContactRoles roles, UserDirectory users, JdbcClient jdbc,
			org.sencrm.platform.History history, org.sencrm.directory.customfield.CustomFields customFields) {
		this.customFields = customFields;
		this.persons = persons;
		this.organizations = organizations;
		this.roles = roles;
		this.users = users;
		this.jdbc = jdbc;
		this.history = history;
	}

	/** A person's or organization's lifecycle stage (first_time, repeat, regular, loyal, at_risk, churned), if set. */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public Optional<String> lifecycleStage(Kind kind, UUID id) {
		return jdbc.sql("select lifecycle_stage from " + table(kind) + " where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(stage -> stage);
	}

	/**
	 * Sets a person's or organization's lifecycle stage on behalf of another module's rules
	 * (sales: from orders), without a user's access check, with a history line in the name of the
	 * current actor (the system, for event listeners). Unknown customers are left alone.
	 */
	@org.springframework.transaction.annotation.Transactional
	/**
	 * Moves many customers up the lifecycle ladder at once (after an import of order history): each to
	 * the higher of its stage and the one given, an off-ladder stage (at_risk, churned) replaced, as
	 * {@code sales}' rule for one order does; the history in one statement. Returns how many changed.
	 */
	public int raiseLifecycleStages(Kind kind, java.util.Map<UUID, String> stages) {
		if (stages.isEmpty()) {
			return 0;
		}
		var ids = stages.keySet().toArray(UUID[]::new);
		var values = java.util.Arrays.stream(ids).map(stages::get).toArray(String[]::new);
		var scope = WorkspaceContext.current();
		return jdbc.sql("""
				with given as (select * from unnest(cast(:ids as uuid[]), cast(:stages as text[])) as g(id, stage)),
				before as (select t.id, t.lifecycle_stage as stage from %1$s t join given g on g.id = t.id),
				changed as (
				  update %1$s t set lifecycle_stage = g.stage, updated_at = now(), version = t.version + 1
				  from given g
				  where t.id = g.id and t.workspace_id = :ws
				    and coalesce(array_position(array['first_time', 'repeat', 'regular', 'loyal'], t.lifecycle_stage), 0)
				        < array_position(array['first_time', 'repeat', 'regular', 'loyal'], g.stage)
				  returning t.id, t.lifecycle_stage)
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, changes)
				select sen_uuid7(now()), :ws, :type, c.id, 'updated', :actor, :actorName,
				  jsonb_build_object(:field, jsonb_build_object('from', b.stage, 'to', c.lifecycle_stage))
				from changed c join before b on b.id = c.id""".formatted(table(kind)))
				.param("ids", ids).param("stages", values).param("ws", WorkspaceContext.workspaceId())
				.param("type", kind == Kind.PERSON ? "person" : "organization").param("actor", scope.actorId())
				.param("actorName", scope.actorName()).param("field", LifecycleStage.FIELD)
				.update();
	}

	public void setLifecycleStage(Kind kind, UUID id, String stage) {
		if (!LifecycleStage.ALL.contains(stage)) {
			throw new IllegalArgumentException("Unknown lifecycle stage " + stage);
		}
		var before = lifecycleStage(kind, id);
		var updated = jdbc.sql("update " + table(kind) + """
				 set lifecycle_stage = :stage, updated_at = now(), version = version + 1
				where workspace_id = :ws and id = :id and lifecycle_stage is distinct from :stage""")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("stage", stage).update();
		if (updated > 0) {
			history.updated(kind == Kind.PERSON ? "person" : "organization", id,
					java.util.Collections.singletonMap(LifecycleStage.FIELD, before.orElse(null)),
					java.util.Map.of(LifecycleStage.FIELD, stage));
		}
	}

	private static PersonName storedName(java.sql.ResultSet rs) throws java.sql.SQLException {
		return PersonName.stored(rs.getString("family_name"), rs.getString("middle_name"), rs.getString("given_name"),
				rs.getString("name_order"));
	}

	private static String table(Kind kind) {
		return kind == Kind.PERSON ? "persons" : "organizations";
	}

	public Optional<PersonContact> personContact(UUID id) {
		try {
			var p = persons.get(id);
			var organization = roles.ofPerson(id).stream().findFirst().map(r -> r.organizationName()).orElse(null);
			return Optional.of(new PersonContact(p.id(), p.displayName(), p.familyName(), p.middleName(),
					p.givenName(), p.primaryEmail(), p.primaryPhone(), organization));
		} catch (NotFoundException e) {
			return Optional.empty();
		}
	}

	/**
	 * The persons who are contacts of an organization (a contact role there), by name, each with
	 * their primary email (else their first) and phone: whom a letter to the organization may go to.
	 * At most 200; an unknown organization has none.
	 */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public java.util.List<PersonContact> contactsOf(UUID organizationId) {
		return jdbc.sql("""
				select p.id, p.family_name, p.middle_name, p.given_name, p.name_order, o.name as organization_name,
				  (select e ->> 'address' from jsonb_array_elements(p.emails) e
				   order by coalesce((e ->> 'primary')::boolean, false) desc limit 1) as email,
				  (select t ->> 'number' from jsonb_array_elements(p.phones) t
				   order by coalesce((t ->> 'primary')::boolean, false) desc limit 1) as phone
				from contact_roles r
				  join persons p on p.workspace_id = r.workspace_id and p.id = r.person_id
				  join organizations o on o.workspace_id = r.workspace_id and o.id = r.organization_id
				where r.workspace_id = :ws and r.organization_id = :organization
				order by p.display_name, p.id limit 200""")
				.param("ws", WorkspaceContext.workspaceId()).param("organization", organizationId)
				.query((rs, n) -> new PersonContact(rs.getObject("id", UUID.class), storedName(rs).display(),
						rs.getString("family_name"), rs.getString("middle_name"), rs.getString("given_name"), rs.getString("email"),
						rs.getString("phone"), rs.getString("organization_name")))
				.list();
	}

	/** Adds an email address to a person (as the current user, with the usual access rules and history). */
	public void addEmail(UUID personId, String address) {
		var person = persons.get(personId);
		if (person.emails().stream().anyMatch(e -> e.address().equalsIgnoreCase(address))) {
			return;
		}
		var emails = new java.util.ArrayList<>(person.emails());
		emails.add(new org.sencrm.directory.contact.EmailAddress(address, null, emails.isEmpty()));
		var draft = person.toDraft();
		persons.update(personId, new org.sencrm.directory.person.PersonDraft(draft.familyName(), draft.middleName(),
				draft.givenName(), draft.nameOrder(), emails, draft.phones(), draft.addresses(), draft.birthday(), draft.tags(),
				draft.ownerId(), draft.ownerTeamId(), draft.source(), draft.status(), draft.lifecycleStage(), draft.consents(),
				draft.customFields(), draft.externalId()), person.version());
	}

	/**
	 * Creates a person from an email sender, the name split in the order it is written
	 * ({@link PersonName#split}): "Nguyễn Văn An" gives family Nguyễn, middle Văn, given An, and
	 * "Anna Lindqvist" given Anna, family Lindqvist; a single word is the given name; no name uses
	 * the part of the address before @.
	 */
	public UUID createPersonFromEmail(String displayName, String address, String source) {
		var name = PersonName.split(displayName == null || displayName.isBlank() ? address.substring(0, address.indexOf('@'))
				: displayName, NameOrder.forUnrecognised(users.workspace()));
		return persons.create(new org.sencrm.directory.person.PersonDraft(name.family(), name.middle(), name.given(),
				name.order().key(),
				java.util.List.of(new org.sencrm.directory.contact.EmailAddress(address, null, true)), null, null, null, null, null,
				null, source, null, null, null, null, null)).id();
	}

	/** Persons having one of these email addresses (lower case), for logging incoming mail. */
	public java.util.Map<String, java.util.List<UUID>> personsByEmail(java.util.Collection<String> addresses) {
		var found = new java.util.HashMap<String, java.util.List<UUID>>();
		for (var address : addresses) {
			// Candidates come from the search terms (an index PostgreSQL can use under row-level security):
			// terms starting with the address, as a person's phones follow it in the same term; the jsonb
			// check then keeps exact matches only.
			var ids = jdbc.sql("""
					select p.id from persons p
					where p.workspace_id = :ws
					  and p.id in (select s.person_id from search_terms s where s.workspace_id = :ws and s.person_id is not null
					               and s.term >= left(cast(:address as text), 32)
					               and s.term < left(cast(:address as text), 32) || chr(1114111))
					  and p.emails @> jsonb_build_array(jsonb_build_object('address', cast(:address as text)))""")
					.param("ws", WorkspaceContext.workspaceId()).param("address", address)
					.query(UUID.class).list();
			if (!ids.isEmpty()) {
				found.put(address, ids);
			}
		}
		return found;
	}

	/** Names of these persons, each in its own order (one query; ids of other workspaces or deleted persons are left out). */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public java.util.Map<UUID, String> personNames(java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return java.util.Map.of();
		}
		return jdbc.sql("""
				select id, family_name, middle_name, given_name, name_order from persons
				where workspace_id = :ws and id = any(:ids)""")
				.param("ws", WorkspaceContext.workspaceId()).param("ids", ids.toArray(UUID[]::new))
				.query((rs, n) -> java.util.Map.entry(rs.getObject("id", UUID.class), storedName(rs).display()))
				.list().stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
	}

	public Optional<CustomerSummary> person(UUID id) {
		try {
			var p = persons.get(id);
			return Optional.of(new CustomerSummary(Kind.PERSON, p.id(), p.displayName(), p.ownerId(), p.ownerTeamId()));
		} catch (NotFoundException e) {
			return Optional.empty();
		}
	}

	public Optional<CustomerSummary> organization(UUID id) {
		try {
			var o = organizations.get(id);
			return Optional.of(new CustomerSummary(Kind.ORGANIZATION, o.id(), o.name(), o.ownerId(), o.ownerTeamId()));
		} catch (NotFoundException e) {
			return Optional.empty();
		}
	}

	/**
	 * Names of many customers at once, for lists and boards of other modules (one query per kind):
	 * persons each in their own name order. Ids not found in the workspace are left out.
	 */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public java.util.Map<UUID, String> names(java.util.Collection<UUID> personIds, java.util.Collection<UUID> organizationIds) {
		var found = new java.util.HashMap<UUID, String>();
		var ws = WorkspaceContext.workspaceId();
		if (!personIds.isEmpty()) {
			jdbc.sql("""
					select id, family_name, middle_name, given_name, name_order from persons
					where workspace_id = :ws and id in (:ids)""")
					.param("ws", ws).param("ids", java.util.List.copyOf(new java.util.HashSet<>(personIds)))
					.query((rs, n) -> found.put(rs.getObject("id", UUID.class), storedName(rs).display()))
					.list();
		}
		if (!organizationIds.isEmpty()) {
			jdbc.sql("select id, name from organizations where workspace_id = :ws and id in (:ids)")
					.param("ws", ws).param("ids", java.util.List.copyOf(new java.util.HashSet<>(organizationIds)))
					.query((rs, n) -> found.put(rs.getObject("id", UUID.class), rs.getString("name")))
					.list();
		}
		return found;
	}
}
