package org.sencrm.sales.quote;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.sencrm.sales.document.DocumentOwners;
import org.sencrm.sales.pricing.PricedLine;
import org.sencrm.sales.pricing.Totals;

/**
 * An offer to a customer: priced lines, totals, a validity date and a status. Only a draft may
 * change its lines, currency or customer; a sent quote goes back to draft to be revised.
 */
public record Quote(UUID id, String number, UUID opportunityId, UUID personId, UUID organizationId, String customerName,
		UUID priceListId, String currency, String status, LocalDate issuedOn, LocalDate validUntil, String notes,
		List<PricedLine> lines, Totals totals, UUID ownerId, UUID ownerTeamId, Instant createdAt, Instant updatedAt, int version)
		implements DocumentOwners.Owned {

	public static final List<String> STATUSES = List.of("draft", "sent", "accepted", "rejected", "expired");

	/** Where each status may go: accepted and rejected are final. */
	static final Map<String, Set<String>> NEXT = Map.of(
			"draft", Set.of("sent", "accepted", "rejected"),
			"sent", Set.of("draft", "accepted", "rejected", "expired"),
			"expired", Set.of("draft"),
			"accepted", Set.of(),
			"rejected", Set.of());

	public static boolean canMove(String from, String to) {
		return from.equals(to) || NEXT.getOrDefault(from, Set.of()).contains(to);
	}

	public boolean draft() {
		return "draft".equals(status);
	}

	public QuoteDraft toDraft() {
		return new QuoteDraft(opportunityId, personId, organizationId, priceListId, currency,
				validUntil == null ? null : validUntil.toString(), notes, lines.stream().map(PricedLine::toInput).toList(), status,
				ownerId, ownerTeamId);
	}

	Map<String, Object> historyValues() {
		var values = new LinkedHashMap<String, Object>();
		values.put("number", number);
		values.put("status", status);
		values.put("customer", customerName);
		values.put("opportunityId", opportunityId == null ? null : opportunityId.toString());
		values.put("currency", currency);
		values.put("validUntil", validUntil == null ? null : validUntil.toString());
		values.put("lines", lines.size());
		values.put("total", totals.total().toPlainString());
		values.put("notes", notes);
		values.put("ownerId", ownerId.toString());
		values.put("ownerTeamId", ownerTeamId == null ? null : ownerTeamId.toString());
		return values;
	}
}
