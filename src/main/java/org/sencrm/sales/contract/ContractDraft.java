package org.sencrm.sales.contract;

import java.math.BigDecimal;
import java.util.UUID;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A contract as submitted. Dates are ISO; {@code renewalDate} defaults to the end date;
 * {@code currency} to the order's, else the workspace's. {@code status} changes only from active
 * to cancelled or expired by hand ("renewed" comes from renewing).
 */
public record ContractDraft(String title, UUID personId, UUID organizationId, UUID orderId, String startDate, String endDate,
		String renewalDate, BigDecimal value, String currency, String notes, String status, UUID ownerId, UUID ownerTeamId) {

	/** What a renewal may set; whatever is left out follows from the old contract (the same length, value and currency). */
	@Schema(name = "ContractRenewal")
	public record Renewal(String startDate, String endDate, String renewalDate, BigDecimal value, String title) {
	}
}
