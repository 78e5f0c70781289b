package org.sencrm.sales.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.media.Schema;

/** Money received for an order. */
public record Payment(UUID id, UUID orderId, BigDecimal amount, LocalDate paidOn, String method, String reference,
		UUID createdBy, Instant createdAt) {

	public static final List<String> METHODS = List.of("bank_transfer", "cash", "card", "e_wallet", "other");

	/** A payment as submitted; {@code paidOn} defaults to today, {@code method} to bank transfer. */
	@Schema(name = "PaymentDraft")
	public record Draft(BigDecimal amount, String paidOn, String method, String reference) {
	}
}
