package org.sencrm.platform;

import java.util.List;

/**
 * A value as it goes into a cell of an exported spreadsheet (CSV or Excel). A text that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be taken for
 * a formula by a spreadsheet that opens the file (OWASP "CSV injection": a customer named
 * {@code =HYPERLINK(...)} becomes a live link that sends the sheet's data away), so it gets a
 * leading single quote and stays text. Phones in E.164 ({@code +84…}) get it too (decision 20).
 * Every export writes its cells through this one rule, and the import takes the quote off again
 * through {@link #unguarded}, so a file goes out and back in unchanged (decision 36): a text that
 * already starts with quotes before such a character gets one more, so no value is ever mistaken
 * for a guarded one.
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
		return needsGuard(text) ? "'" + text : text;
	}

	/**
	 * The text of a cell as a file written by {@link #neutralised} holds it, its guard taken off: a
	 * leading {@code '} before {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
	 * (or before more quotes and then one of those). Any other text is left as it is.
	 */
	public static String unguarded(String text) {
		if (text == null || text.length() < 2 || text.charAt(0) != '\'') {
			return text;
		}
		var rest = text.substring(1);
		return needsGuard(rest) ? rest : text;
	}

	/** Starts with a formula character, after any number of quotes. */
	private static boolean needsGuard(String text) {
		int i = 0;
		while (i < text.length() && text.charAt(i) == '\'') {
			i++;
		}
		return i < text.length() && FORMULA_STARTS.indexOf(text.charAt(i)) >= 0;
	}

	@Override
	public String toString() {
		return text;
	}
}
