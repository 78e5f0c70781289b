package org.sencrm.directory;

import java.util.Optional;
import java.util.UUID;

import org.sencrm.directory.organization.OrganizationService;
import org.sencrm.directory.person.NameOrder;
import org.sencrm.directory.person.PersonService;
import org.sencrm.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * What other modules may ask the directory: does this customer exist in the current workspace,
 * what is it called, and who owns it (for access checks on things attached to it).
 */
@Component
public class Customers {

	public enum Kind { PERSON, ORGANIZATION }

	public record CustomerSummary(Kind kind, UUID id, String name, UUID ownerId, UUID ownerTeamId) {
	}

	private final PersonService persons;
	private final OrganizationService organizations;
	private final NameOrder names;

	Customers(PersonService persons, OrganizationService organizations, NameOrder names) {
		this.persons = persons;
		this.organizations = organizations;
		this.names = names;
	}

	public Optional<CustomerSummary> person(UUID id) {
		try {
			var p = persons.get(id);
			return Optional.of(new CustomerSummary(Kind.PERSON, p.id(), p.name(names.familyFirst()), p.ownerId(), p.ownerTeamId()));
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
}
