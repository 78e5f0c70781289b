package org.sencrm.sales.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Prices in one currency for some products, valid between two dates (either may be open). One
 * active list per currency may be the default: documents in that currency take their prices
 * from it unless they name another. Its discount, when set, is the discount of every line priced
 * from it unless the line gives its own.
 */
public record PriceList(UUID id, String name, String currency, boolean active, boolean isDefault, LocalDate validFrom,
		LocalDate validTo, BigDecimal discountPercent, List<Price> prices, Instant createdAt, int version) {

	public record Price(UUID productId, String sku, String productName, BigDecimal unitPrice) {
	}

	/** Active and valid on the day? */
	public boolean appliesOn(LocalDate day) {
		return active && (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
	}

	public PriceListDraft toDraft() {
		return new PriceListDraft(name, currency, active, isDefault, validFrom == null ? null : validFrom.toString(),
				validTo == null ? null : validTo.toString(), discountPercent,
				prices.stream().map(p -> new PriceListDraft.PriceInput(p.productId(), p.unitPrice())).toList());
	}

	Map<String, Object> historyValues() {
		var values = new LinkedHashMap<String, Object>();
		values.put("name", name);
		values.put("currency", currency);
		values.put("active", active);
		values.put("isDefault", isDefault);
		values.put("validFrom", validFrom == null ? null : validFrom.toString());
		values.put("validTo", validTo == null ? null : validTo.toString());
		values.put("discountPercent", discountPercent == null ? null : discountPercent.toPlainString());
		prices.forEach(p -> values.put("price." + p.sku(), p.unitPrice().toPlainString()));
		return values;
	}
}
