package org.sencrm.sales.pricing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The totals of a document: sums of its lines' rounded amounts, so they add up on paper exactly.
 * {@code subtotal} is before discounts; {@code total = subtotal − discountTotal + taxTotal}.
 */
public record Totals(BigDecimal subtotal, BigDecimal discountTotal, BigDecimal taxTotal, BigDecimal total) {

	public static Totals of(List<PricedLine> lines, String currency) {
		var zero = Money.round(BigDecimal.ZERO, currency);
		var subtotal = zero;
		var discount = zero;
		var tax = zero;
		for (var line : lines) {
			subtotal = subtotal.add(line.gross());
			discount = discount.add(line.discount());
			tax = tax.add(line.tax());
		}
		return new Totals(subtotal, discount, tax, subtotal.subtract(discount).add(tax));
	}

	/** Net amount and tax per rate, as a Vietnamese VAT invoice summarises them (rate code → [net, tax]). */
	public static Map<String, BigDecimal[]> byRate(List<PricedLine> lines) {
		var result = new LinkedHashMap<String, BigDecimal[]>();
		for (var line : lines) {
			result.merge(line.taxRate().code(), new BigDecimal[] {line.net(), line.tax()},
					(a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
		}
		return result;
	}
}
