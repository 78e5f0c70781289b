package org.sencrm.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.sencrm.platform.WorkspaceEvent;

/**
 * The payments recorded on an order now cover its total. Published in the transaction of the
 * payment that completed it, once per order.
 */
public record OrderPaid(UUID workspaceId, UUID orderId, String number, UUID personId, UUID organizationId,
		String currency, BigDecimal total, Instant paidAt, UUID recordedBy) implements WorkspaceEvent {
}
