package org.sencrm.sales.opportunity;

import java.util.List;
import java.util.UUID;

/**
 * A person in the buying center of an opportunity with their roles in this purchase — the same
 * words as the directory's contact roles: user, influencer, decider, buyer, gatekeeper.
 */
public record OpportunityContact(UUID personId, List<String> roles) {

	public static final List<String> BUYING_ROLES = List.of("user", "influencer", "decider", "buyer", "gatekeeper");

	public OpportunityContact {
		roles = roles == null ? List.of() : List.copyOf(roles);
	}
}
