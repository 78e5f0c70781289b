package org.sencrm.exchange;

import java.math.BigDecimal;

/**
 * An amount as a file writes it: {@code 1500000}, {@code 1.500.000} or {@code 1,500,000} (thousands
 * separators, Vietnamese or English), {@code 1500000.50} or {@code 1.500.000,50}, with or without a
 * currency sign or code around it ({@code 1.500.000 ₫}, {@code VND 1,500,000}).
 */
public final class ImportNumbers {

	private ImportNumbers() {
	}

	/** The number, or null when the text is not one. */
	public static BigDecimal parse(String text) {
		var t = text.strip().replaceAll("[\\s\\u00a0₫đ$€]|VND|vnd|USD|EUR", "");
		if (t.isEmpty()) {
			return null;
		}
		int dots = t.length() - t.replace(".", "").length();
		int commas = t.length() - t.replace(",", "").length();
		if (dots > 0 && commas > 0) {
			// the last one is the decimal separator
			t = t.lastIndexOf(',') > t.lastIndexOf('.') ? t.replace(".", "").replace(',', '.') : t.replace(",", "");
		} else if (dots > 1 || dots == 1 && t.length() - t.indexOf('.') == 4) {
			t = t.replace(".", ""); // 1.500.000 or 1.500: thousands
		} else if (commas > 1 || commas == 1 && t.length() - t.indexOf(',') == 4) {
			t = t.replace(",", "");
		} else if (commas == 1) {
			t = t.replace(',', '.');
		}
		try {
			return new BigDecimal(t);
		} catch (NumberFormatException e) {
			return null;
		}
	}
}
