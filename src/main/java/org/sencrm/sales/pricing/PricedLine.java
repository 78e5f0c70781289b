package org.sencrm.sales.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * A line with its amounts, each rounded half up to the currency's minor units, line by line
 * (decision 9): gross = quantity × unit price; discount = gross × discount %; net = gross −
 * discount; tax = net × rate; total = net + tax.
 */
public record PricedLine(UUID productId, String sku, String description, String unit, BigDecimal quantity,
		BigDecimal unitPrice, BigDecimal discountPercent, TaxRate taxRate, BigDecimal gross, BigDecimal discount,
		BigDecimal net, BigDecimal tax, BigDecimal total) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public static PricedLine of(UUID productId, String sku, String description, String unit, BigDecimal quantity,
			BigDecimal unitPrice, BigDecimal discountPercent, TaxRate taxRate, String currency) {
		int digits = Money.digits(currency);
		var percent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
		var gross = quantity.multiply(unitPrice).setScale(digits, RoundingMode.HALF_UP);
		var discount = gross.multiply(percent).divide(HUNDRED, digits, RoundingMode.HALF_UP);
		var net = gross.subtract(discount);
		var tax = taxRate.taxOn(net, digits);
		return new PricedLine(productId, sku, description, unit, quantity, unitPrice, percent, taxRate, gross, discount, net, tax,
				net.add(tax));
	}

	/** The line as it could be sent again (a copy, a merge patch). */
	public LineInput toInput() {
		return new LineInput(productId, description, unit, quantity, unitPrice, discountPercent, taxRate.json());
	}
}
