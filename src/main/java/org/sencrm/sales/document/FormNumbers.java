package org.sencrm.sales.document;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.sencrm.platform.ValidationException;

/**
 * Numbers as people type them into forms: "3450000", "3.450.000" or "3,450,000" (thousands
 * separators), "1,5" or "1.5" (a decimal). A value that is not a number is a problem on its field.
 */
public final class FormNumbers {

	private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([.,\\s]\\d{3})+");

	private FormNumbers() {
	}

	public static BigDecimal parse(String text, String field, ValidationException.Collector problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		var clean = text.strip().replace("\u00a0", "").replace("%", "").replace("₫", "").strip();
		if (GROUPED.matcher(clean).matches()) {
			clean = clean.replaceAll("[.,\\s]", "");
		} else {
			clean = clean.replace(',', '.').replace(" ", "");
		}
		try {
			return new BigDecimal(clean);
		} catch (NumberFormatException e) {
			problems.add(field, "validation.number");
			return null;
		}
	}
}
