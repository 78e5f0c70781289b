package org.sencrm.directory.contactrole;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.contact.ContactDetails;
import org.sencrm.directory.organization.OrganizationService;
import org.sencrm.directory.PersonName;
import org.sencrm.directory.person.PersonService;
import org.sencrm.identity.Access;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Links persons to organizations. Whoever may edit the person or the organization may change the link. */
@Service
public class ContactRoles {

	static final String ENTITY = "contact_role";

	private final JdbcClient jdbc;
	private final PersonService persons;
	private final OrganizationService organizations;
	private final Access access;
	private final History history;

	ContactRoles(JdbcClient jdbc, PersonService persons, OrganizationService organizations, Access access, History history) {
		this.jdbc = jdbc;
		this.persons = persons;
		this.organizations = organizations;
		this.access = access;
		this.history = history;
	}

	@Transactional(readOnly = true)
	public List<ContactRole> ofPerson(UUID personId) {
		persons.get(personId); // an unknown person is a 404, not an empty list
		return query("r.person_id = :id", personId, "o.search_name");
	}

	@Transactional(readOnly = true)
	public List<ContactRole> ofOrganization(UUID organizationId) {
		organizations.get(organizationId);
		return query("r.organization_id = :id", organizationId, "p.display_name");
	}

	@Transactional(readOnly = true)
	public ContactRole get(UUID id) {
		return query("r.id = :id", id, "r.id").stream().findFirst()
				.orElseThrow(() -> new NotFoundException("entity.contact-role"));
	}

	@Transactional
	public ContactRole create(UUID personId, UUID organizationId, String jobTitle, List<String> buyingRoles) {
		var problems = new ValidationException.Collector();
		if (personId == null) {
			problems.add("personId", "validation.required");
		}
		if (organizationId == null) {
			problems.add("organizationId", "validation.required");
		}
		problems.throwIfAny();
		requireEdit(personId, organizationId);
		var roles = roles(buyingRoles, problems);
		var title = title(jobTitle, problems);
		problems.throwIfAny();
		var id = Ids.next();
		try {
			jdbc.sql("""
					insert into contact_roles (id, workspace_id, person_id, organization_id, job_title, buying_roles)
					values (:id, :ws, :person, :organization, :title, :roles)""")
					.param("id", id).param("ws", WorkspaceContext.workspaceId()).param("person", personId)
					.param("organization", organizationId).param("title", title).param("roles", roles.toArray(String[]::new))
					.update();
		} catch (DuplicateKeyException e) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("organizationId", "validation.duplicate-role")));
		}
		var created = get(id);
		history.created(ENTITY, id, values(created));
		return created;
	}

	@Transactional
	public ContactRole update(UUID id, String jobTitle, List<String> buyingRoles, int expectedVersion) {
		var current = get(id);
		requireEdit(current.personId(), current.organizationId());
		var problems = new ValidationException.Collector();
		var roles = roles(buyingRoles, problems);
		var title = title(jobTitle, problems);
		problems.throwIfAny();
		var updated = jdbc.sql("""
				update contact_roles set job_title = :title, buying_roles = :roles, version = version + 1
				where workspace_id = :ws and id = :id and version = :version""")
				.param("title", title).param("roles", roles.toArray(String[]::new)).param("ws", WorkspaceContext.workspaceId())
				.param("id", id).param("version", expectedVersion).update();
		if (updated == 0) {
			throw new StaleVersionException();
		}
		var changed = get(id);
		history.updated(ENTITY, id, values(current), values(changed));
		return changed;
	}

	@Transactional
	public void delete(UUID id) {
		var current = get(id);
		requireEdit(current.personId(), current.organizationId());
		jdbc.sql("delete from contact_roles where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).update();
		history.deleted(ENTITY, id, values(current));
	}

	private void requireEdit(UUID personId, UUID organizationId) {
		var person = persons.get(personId);
		var organization = organizations.get(organizationId);
		var user = access.currentUser();
		if (!user.canEdit(person.ownerId(), person.ownerTeamId()) && !user.canEdit(organization.ownerId(), organization.ownerTeamId())) {
			throw new AccessDeniedException("edit");
		}
	}

	private static List<String> roles(List<String> given, ValidationException.Collector problems) {
		var roles = given == null ? List.<String>of() : given.stream().filter(r -> r != null && !r.isBlank()).distinct().toList();
		if (!ContactRole.BUYING_ROLES.containsAll(roles)) {
			problems.add("buyingRoles", "validation.buying-role");
		}
		return roles;
	}

	private static String title(String given, ValidationException.Collector problems) {
		var title = ContactDetails.blankToNull(given);
		if (title != null && title.length() > 150) {
			problems.add("jobTitle", "validation.too-long");
		}
		return title;
	}

	private static Map<String, Object> values(ContactRole role) {
		var values = new LinkedHashMap<String, Object>();
		values.put("personId", role.personId().toString());
		values.put("organizationId", role.organizationId().toString());
		values.put("organization", role.organizationName());
		values.put("jobTitle", role.jobTitle());
		values.put("buyingRoles", role.buyingRoles());
		values.values().removeIf(v -> v == null || v instanceof List<?> l && l.isEmpty());
		return values;
	}

	private List<ContactRole> query(String condition, UUID id, String order) {
		return jdbc.sql("""
				select r.id, r.person_id, p.family_name, p.middle_name, p.given_name, p.name_order, r.organization_id,
				  o.name as organization_name,
				  r.job_title, r.buying_roles, r.version
				from contact_roles r join persons p on p.id = r.person_id join organizations o on o.id = r.organization_id
				where r.workspace_id = :ws""" + " and " + condition + " order by " + order)
				.param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.query((rs, n) -> new ContactRole(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
						PersonName.stored(rs.getString("family_name"), rs.getString("middle_name"), rs.getString("given_name"),
								rs.getString("name_order")).display(),
						rs.getObject("organization_id", UUID.class), rs.getString("organization_name"), rs.getString("job_title"),
						List.of((String[]) rs.getArray("buying_roles").getArray()), rs.getInt("version")))
				.list();
	}
}
