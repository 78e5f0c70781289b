package org.sencrm.sales.order;

import java.util.List;
import java.util.UUID;

import org.sencrm.sales.pricing.LineInput;

/**
 * An order as submitted: either {@code quoteId} (an accepted quote; its customer, currency and
 * lines are copied) or lines with a customer. {@code status} may be "draft" (default) or
 * "confirmed" when creating; later changes follow {@link Order#NEXT}.
 */
public record OrderDraft(UUID quoteId, UUID opportunityId, UUID personId, UUID organizationId, UUID priceListId,
		String currency, String orderedOn, String notes, List<LineInput> lines, String status, UUID ownerId, UUID ownerTeamId) {
}
