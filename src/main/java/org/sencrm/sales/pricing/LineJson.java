package org.sencrm.sales.pricing;

import java.math.BigDecimal;
import java.util.UUID;

/** A priced line as the API shows it; {@code taxRate} is a number or "KCT". */
public record LineJson(UUID productId, String sku, String description, String unit, BigDecimal quantity, BigDecimal unitPrice,
		BigDecimal discountPercent, Object taxRate, BigDecimal gross, BigDecimal discount, BigDecimal net, BigDecimal tax,
		BigDecimal total) {

	public static LineJson of(PricedLine l) {
		return new LineJson(l.productId(), l.sku(), l.description(), l.unit(), l.quantity(), l.unitPrice(), l.discountPercent(),
				l.taxRate().json(), l.gross(), l.discount(), l.net(), l.tax(), l.total());
	}
}
