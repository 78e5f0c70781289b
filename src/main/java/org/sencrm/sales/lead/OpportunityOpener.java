package org.sencrm.sales.lead;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens the opportunity of a converted lead, in the conversion's transaction and as the converting
 * user. The opportunity code lives in {@code sales.opportunity}; this is the one place conversion
 * touches it.
 */
interface OpportunityOpener {

	/** The new opportunity's id, or empty when no opportunity could be opened. */
	Optional<UUID> open(UUID personId, UUID organizationId, String name, BigDecimal amount, String currency, UUID ownerId,
			String source);
}
