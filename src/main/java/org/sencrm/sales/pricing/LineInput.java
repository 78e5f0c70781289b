package org.sencrm.sales.pricing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line as a user or client writes it. With a product, what is left out comes from the product
 * and the price list (description, unit, unit price, tax rate, discount); without one it is a
 * free-text line and needs a description and a price.
 */
public record LineInput(UUID productId, String description, String unit, BigDecimal quantity, BigDecimal unitPrice,
		BigDecimal discountPercent, Object taxRate) {

	/** The same line with numbers in one form, for telling whether a line was changed. */
	public LineInput normalized() {
		return new LineInput(productId, description == null ? null : description.strip(), unit == null ? null : unit.strip(),
				strip(quantity), strip(unitPrice), strip(discountPercent),
				taxRate == null ? null : TaxRate.parse(taxRate).map(TaxRate::code).orElse(taxRate.toString()));
	}

	private static BigDecimal strip(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros();
	}
}
