package org.sencrm.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.sencrm.platform.WorkspaceEvent;

/** An opportunity was lost, with the reason the user gave. */
public record OpportunityLost(UUID workspaceId, UUID opportunityId, UUID personId, UUID organizationId, BigDecimal amount,
		String currency, UUID ownerId, UUID ownerTeamId, String reason, Instant lostAt) implements WorkspaceEvent {
}
