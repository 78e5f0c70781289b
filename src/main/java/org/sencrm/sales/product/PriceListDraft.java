package org.sencrm.sales.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A price list as submitted; {@code prices} replaces the list's prices entirely. Dates are ISO (2026-01-31). */
public record PriceListDraft(String name, String currency, Boolean active, Boolean isDefault, String validFrom, String validTo,
		BigDecimal discountPercent, List<PriceInput> prices) {

	public record PriceInput(UUID productId, BigDecimal unitPrice) {
	}
}
