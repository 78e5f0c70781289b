package org.sencrm.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.sencrm.platform.WorkspaceEvent;

/**
 * An order was confirmed: the customer has committed to buy. Published in the confirming
 * transaction; listeners run after it commits. {@code personId} or {@code organizationId} (or
 * both) name the customer; amounts are in {@code currency}, rounded to its minor units.
 */
public record OrderPlaced(UUID workspaceId, UUID orderId, String number, UUID personId, UUID organizationId,
		String currency, BigDecimal total, Instant placedAt, UUID placedBy) implements WorkspaceEvent {
}
