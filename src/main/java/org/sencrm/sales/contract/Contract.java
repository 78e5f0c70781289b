package org.sencrm.sales.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.sales.document.DocumentOwners;

/**
 * A contract or subscription with a customer: its term, its value, the date by which its renewal
 * should be settled, and — once renewed — the contract that continues it ({@code renewedFromId}
 * on the new one), which is how the renewal rate is measured.
 */
public record Contract(UUID id, String number, String title, UUID personId, UUID organizationId, String customerName,
		UUID orderId, LocalDate startDate, LocalDate endDate, LocalDate renewalDate, BigDecimal value, String currency,
		String status, UUID renewedFromId, UUID renewedToId, Instant renewalRemindedAt, UUID renewalTaskId, String notes,
		UUID ownerId, UUID ownerTeamId, Instant createdAt, Instant updatedAt, int version)
		implements DocumentOwners.Owned {

	public static final List<String> STATUSES = List.of("active", "renewed", "expired", "cancelled");

	public ContractDraft toDraft() {
		return new ContractDraft(title, personId, organizationId, orderId, startDate.toString(),
				endDate == null ? null : endDate.toString(), renewalDate == null ? null : renewalDate.toString(), value, currency,
				notes, status, ownerId, ownerTeamId);
	}

	Map<String, Object> historyValues() {
		var values = new LinkedHashMap<String, Object>();
		values.put("number", number);
		values.put("title", title);
		values.put("customer", customerName);
		values.put("orderId", orderId == null ? null : orderId.toString());
		values.put("startDate", startDate.toString());
		values.put("endDate", endDate == null ? null : endDate.toString());
		values.put("renewalDate", renewalDate == null ? null : renewalDate.toString());
		values.put("value", value.toPlainString());
		values.put("currency", currency);
		values.put("status", status);
		values.put("notes", notes);
		values.put("ownerId", ownerId.toString());
		values.put("ownerTeamId", ownerTeamId == null ? null : ownerTeamId.toString());
		return values;
	}
}
