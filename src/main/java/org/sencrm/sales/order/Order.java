package org.sencrm.sales.order;

import java.math.BigDecimal;
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
 * A customer's order: lines and totals (copied from an accepted quote or written directly), a
 * status, and the payments received. Status moves draft → confirmed → delivered, or to
 * cancelled from draft or confirmed; an order becomes paid when its payments cover the total
 * (from confirmed or delivered), never by hand.
 */
public record Order(UUID id, String number, UUID quoteId, UUID opportunityId, UUID personId, UUID organizationId,
		String customerName, String currency, String status, LocalDate orderedOn, String notes, List<PricedLine> lines,
		Totals totals, BigDecimal paidAmount, Instant placedAt, Instant deliveredAt, Instant paidAt, Instant cancelledAt,
		UUID ownerId, UUID ownerTeamId, Instant createdAt, Instant updatedAt, int version)
		implements DocumentOwners.Owned {

	public static final List<String> STATUSES = List.of("draft", "confirmed", "delivered", "paid", "cancelled");

	/** The moves a user may make; "paid" follows from payments. */
	static final Map<String, List<String>> NEXT = Map.of(
			"draft", List.of("confirmed", "cancelled"),
			"confirmed", List.of("delivered", "cancelled"),
			"delivered", List.of(),
			"paid", List.of(),
			"cancelled", List.of());

	/** Statuses in which an order counts as bought (for lifecycle stages) and takes payments. */
	static final Set<String> PLACED = Set.of("confirmed", "delivered", "paid");

	public boolean canMoveTo(String to) {
		return NEXT.getOrDefault(status, List.of()).contains(to);
	}

	public boolean takesPayments() {
		return "confirmed".equals(status) || "delivered".equals(status);
	}

	public BigDecimal balance() {
		return totals.total().subtract(paidAmount).max(BigDecimal.ZERO.setScale(totals.total().scale()));
	}

	public OrderDraft toDraft() {
		return new OrderDraft(quoteId, opportunityId, personId, organizationId, null, currency, orderedOn.toString(), notes,
				lines.stream().map(PricedLine::toInput).toList(), status, ownerId, ownerTeamId);
	}

	Map<String, Object> historyValues() {
		var values = new LinkedHashMap<String, Object>();
		values.put("number", number);
		values.put("status", status);
		values.put("customer", customerName);
		values.put("currency", currency);
		values.put("orderedOn", orderedOn.toString());
		values.put("lines", lines.size());
		values.put("total", totals.total().toPlainString());
		values.put("paidAmount", paidAmount.toPlainString());
		values.put("notes", notes);
		values.put("ownerId", ownerId.toString());
		values.put("ownerTeamId", ownerTeamId == null ? null : ownerTeamId.toString());
		return values;
	}
}
