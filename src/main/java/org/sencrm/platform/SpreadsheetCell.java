package org.sencrm.platform;

import java.util.List;

/**
 * A value as it goes into a cell of an exported spreadsheet (CSV or Excel). A text that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be taken for
 * a formula by a spreadsheet that opens the file (OWASP "CSV injection": a customer named
 * {@code =HYPERLINK(...)} becomes a live link that sends the sheet's data away), so it gets a
 * leading single quote and stays text. Phones in E.164 ({@code +84…}) get it too (decision 20).
 * Every export writes its cells through this one rule.
 */
public record SpreadsheetCell(String text) {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	public SpreadsheetCell {
		text = text == null ? "" : text;
	}

	/** The cell for any value: its text, neutralised; {@code null} is an empty cell. */
	public static SpreadsheetCell of(Object value) {
		var text = value == null ? "" : String.valueOf(value);
		return new SpreadsheetCell(neutralised(text));
	}

	/** A row of cells. */
	public static List<SpreadsheetCell> row(List<?> values) {
		return values.stream().map(SpreadsheetCell::of).toList();
	}

	/** The text a spreadsheet shows as it is: prefixed with {@code '} when it would start a formula. */
	public static String neutralised(String text) {
		if (text == null || text.isEmpty()) {
			return text == null ? "" : text;
		}
		return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}

	@Override
	public String toString() {
		return text;
	}
}
