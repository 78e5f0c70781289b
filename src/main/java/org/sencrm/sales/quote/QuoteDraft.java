package org.sencrm.sales.quote;

import java.util.List;
import java.util.UUID;

import org.sencrm.sales.pricing.LineInput;

/**
 * A quote as submitted. The customer is a person and/or an organization, or comes from the
 * opportunity. Without a currency: the price list's, else the one all its products share, else
 * the workspace's. Without a validity date: 30 days from today.
 */
public record QuoteDraft(UUID opportunityId, UUID personId, UUID organizationId, UUID priceListId, String currency,
		String validUntil, String notes, List<LineInput> lines, String status, UUID ownerId, UUID ownerTeamId) {
}
