package org.sencrm.sales.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.sencrm.sales.pricing.TaxRate;

/**
 * Something the workspace sells: a SKU unique in the workspace, a unit it is counted in (cái,
 * hộp, giờ, tháng), its VAT rate and a base price in one currency. Price lists may price it
 * differently; an inactive product stays on old documents but is offered no more.
 */
public record Product(UUID id, String sku, String name, String description, String unit, TaxRate taxRate,
		BigDecimal unitPrice, String currency, boolean active, Instant createdAt, Instant updatedAt, int version) {

	public ProductDraft toDraft() {
		return new ProductDraft(sku, name, description, unit, taxRate.json(), unitPrice, currency, active);
	}

	Map<String, Object> historyValues() {
		var values = new LinkedHashMap<String, Object>();
		values.put("sku", sku);
		values.put("name", name);
		values.put("description", description);
		values.put("unit", unit);
		values.put("taxRate", taxRate.code());
		values.put("unitPrice", unitPrice.toPlainString());
		values.put("currency", currency);
		values.put("active", active);
		return values;
	}
}
