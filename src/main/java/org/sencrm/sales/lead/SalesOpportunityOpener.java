package org.sencrm.sales.lead;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.sales.NewOpportunity;
import org.sencrm.sales.Opportunities;
import org.springframework.stereotype.Component;

/**
 * Opens a converted lead's opportunity through {@link Opportunities}: on the organization with the
 * person in its buying center when the lead was a company's, else on the person; in the default
 * pipeline for that kind of customer (B2B or B2C) and its first stage.
 */
@Component
class SalesOpportunityOpener implements OpportunityOpener {

	private final Opportunities opportunities;

	SalesOpportunityOpener(Opportunities opportunities) {
		this.opportunities = opportunities;
	}

	@Override
	public Optional<UUID> open(UUID personId, UUID organizationId, String name, BigDecimal amount, String currency, UUID ownerId,
			String source) {
		var business = organizationId != null;
		var contacts = business && personId != null ? List.of(personId) : List.<UUID>of();
		return Optional.of(opportunities.create(new NewOpportunity(name, business ? null : personId, organizationId, null, null,
				amount, currency, null, ownerId, null, contacts)).id());
	}
}
