package org.sencrm.directory.contactrole;

import java.util.List;
import java.util.UUID;

/**
 * A person's place at an organization: job title and roles in the buying center
 * (user, influencer, decider, buyer, gatekeeper). Names are included for display.
 */
public record ContactRole(UUID id, UUID personId, String personName, UUID organizationId, String organizationName,
		String jobTitle, List<String> buyingRoles, int version) {

	public static final List<String> BUYING_ROLES = List.of("user", "influencer", "decider", "buyer", "gatekeeper");
}
