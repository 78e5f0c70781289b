package org.sencrm.sales.document;

import java.util.Optional;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.sales.Opportunities;
import org.springframework.stereotype.Component;

/**
 * Who a quote, order or contract is for: a person, an organization, or both (a contact at a
 * company), given directly or through the opportunity the document belongs to. Checks they exist
 * in the workspace and gives the name to keep on the document.
 */
@Component
public class DocumentCustomers {

	/** The customer of a document; the name is what the document prints. */
	public record Customer(UUID personId, UUID organizationId, String name) {
	}

	private final Customers customers;
	private final Opportunities opportunities;

	DocumentCustomers(Customers customers, Opportunities opportunities) {
		this.customers = customers;
		this.opportunities = opportunities;
	}

	/**
	 * The customer named by ids; another workspace's or an unknown customer is not found (404).
	 * Neither given: the opportunity's customer, if there is one; else a problem on {@code personId}
	 * unless {@code customerOptional}.
	 */
	public Optional<Customer> resolve(UUID personId, UUID organizationId, UUID opportunityId, boolean customerOptional,
			ValidationException.Collector problems) {
		if (opportunityId != null && opportunities.find(opportunityId).isEmpty()) {
			throw new NotFoundException("entity.opportunity");
		}
		if (personId == null && organizationId == null) {
			var fromOpportunity = opportunityId == null ? Optional.<Customer>empty() : customerOfOpportunity(opportunityId);
			if (fromOpportunity.isEmpty() && !customerOptional) {
				problems.add("personId", "validation.sales.customer-required");
			}
			return fromOpportunity;
		}
		var person = personId == null ? null
				: customers.person(personId).orElseThrow(() -> new NotFoundException("entity.person"));
		var organization = organizationId == null ? null
				: customers.organization(organizationId).orElseThrow(() -> new NotFoundException("entity.organization"));
		return Optional.of(new Customer(personId, organizationId,
				name(organization == null ? null : organization.name(), person == null ? null : person.name())));
	}

	/** The name a document keeps: the organization, the person (in their own name order), or "organization — person". */
	static String name(String organizationName, String personName) {
		return organizationName == null ? personName : personName == null ? organizationName
				: organizationName + " — " + personName;
	}

	/** The customer of an opportunity the user may see; an unknown or hidden one is not found (404). */
	public Optional<Customer> customerOfOpportunity(UUID opportunityId) {
		var opportunity = opportunities.find(opportunityId).orElseThrow(() -> new NotFoundException("entity.opportunity"));
		return resolve(opportunity.personId(), opportunity.organizationId(), null, true, new ValidationException.Collector());
	}
}
