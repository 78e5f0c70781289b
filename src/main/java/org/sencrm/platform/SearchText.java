package org.sencrm.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for search: lower case, no accents, Vietnamese "đ" as "d", single spaces.
 * "Nguyễn Văn Đặng" becomes "nguyen van dang". Stored beside names and applied to queries.
 */
public final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");
	private static final Pattern SPACES = Pattern.compile("\\s+");

	private SearchText() {
	}

	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		var decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
		var plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
		return SPACES.matcher(plain).replaceAll(" ").strip();
	}

	/** Escapes LIKE wildcards so user text matches literally. */
	public static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** Digits only, for matching phone numbers and tax codes however they were typed. */
	public static String digits(String text) {
		return text == null ? "" : text.replaceAll("\\D", "");
	}
}
