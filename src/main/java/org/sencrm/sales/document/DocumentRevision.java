package org.sencrm.sales.document;

import java.util.List;
import java.util.UUID;

import org.sencrm.sales.pricing.LineInput;

/**
 * What the web form changes on a draft quote or order: the customer, the currency, the date
 * (validity of a quote, order date of an order), notes and the lines. Everything else (status,
 * owner, opportunity) stays as it is.
 */
public record DocumentRevision(UUID personId, UUID organizationId, String currency, String date, String notes,
		List<LineInput> lines) {
}
