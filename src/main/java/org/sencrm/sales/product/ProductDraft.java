package org.sencrm.sales.product;

import java.math.BigDecimal;

/** A product as submitted: {@code taxRate} is a percentage (10, 8, 5, 0) or "KCT"; omitted, 10. */
public record ProductDraft(String sku, String name, String description, String unit, Object taxRate, BigDecimal unitPrice,
		String currency, Boolean active) {
}
