package org.sencrm.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.sencrm.platform.WorkspaceEvent;

/** An opportunity was won: published once each time it moves from an open or lost stage into a won stage. */
public record OpportunityWon(UUID workspaceId, UUID opportunityId, UUID personId, UUID organizationId, BigDecimal amount,
		String currency, UUID ownerId, UUID ownerTeamId, LocalDate closeDate, Instant wonAt) implements WorkspaceEvent {
}
