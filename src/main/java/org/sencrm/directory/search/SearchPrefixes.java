package org.sencrm.directory.search;

import java.util.ArrayList;
import java.util.List;

import org.sencrm.platform.PhoneNumbers;
import org.sencrm.platform.SearchText;

/**
 * The prefix ranges a query asks of the search terms. Direct ranges match what was typed: the
 * folded text, the last word put first ("nguyen thao" finds the term "thao nguyen" of "Nguyễn Thị
 * Thảo"), and for a number its digits, its E.164 digits and its last digits. Typo ranges are
 * shorter variants of the text, whose candidates only count when their name is similar enough:
 * without the last letter ("huongg"), with the last word cut to two letters ("trnag" → "tr"),
 * without the last word, without the first word.
 */
public final class SearchPrefixes {

	/** Terms are cut to this many characters (sen_search_terms), so prefixes are too. */
	static final int TERM_LENGTH = 32;
	private static final int SHORTEST_TYPO_PREFIX = 3;

	public record Prefix(String from, boolean direct) {

		/** The first text after every text starting with {@code from}, in code point (collation "C") order. */
		public String to() {
			var last = from.codePointBefore(from.length());
			return from.substring(0, from.length() - Character.charCount(last)) + Character.toString(last + 1);
		}
	}

	private SearchPrefixes() {
	}

	/** The prefixes a query matches exactly as typed (no typo tolerance), for list filters. */
	public static List<Prefix> direct(String query) {
		return of(query).stream().filter(Prefix::direct).toList();
	}

	static List<Prefix> of(String query) {
		var folded = SearchText.fold(query);
		var prefixes = new ArrayList<Prefix>();
		if (folded.isEmpty()) {
			return prefixes;
		}
		add(prefixes, folded, true);
		var digits = SearchText.digits(query);
		if (digits.length() >= 4 && digits.length() * 2 > query.replaceAll("\\s", "").length()) {
			add(prefixes, digits, true);
			PhoneNumbers.toE164(query, PhoneNumbers.DEFAULT_REGION).map(SearchText::digits)
					.ifPresent(e164 -> add(prefixes, e164, true));
			add(prefixes, "~" + new StringBuilder(digits).reverse(), true);
			return prefixes;
		}
		var words = folded.split(" ");
		if (words.length >= 2) {
			add(prefixes, words[words.length - 1] + " " + words[0], true);
		}
		var last = words[words.length - 1];
		addTypo(prefixes, folded.substring(0, folded.length() - 1).strip());
		if (last.length() > 2) {
			addTypo(prefixes, folded.substring(0, folded.length() - last.length() + 2));
		}
		if (words.length >= 2) {
			addTypo(prefixes, folded.substring(0, folded.length() - last.length()).strip());
			addTypo(prefixes, folded.substring(words[0].length()).strip());
		}
		return prefixes;
	}

	private static void addTypo(List<Prefix> prefixes, String text) {
		if (text.length() >= SHORTEST_TYPO_PREFIX) {
			add(prefixes, text, false);
		}
	}

	private static void add(List<Prefix> prefixes, String text, boolean direct) {
		var from = text.codePointCount(0, text.length()) > TERM_LENGTH
				? text.substring(0, text.offsetByCodePoints(0, TERM_LENGTH)) : text;
		if (!from.isEmpty() && prefixes.stream().noneMatch(p -> p.from().equals(from))) {
			prefixes.add(new Prefix(from, direct));
		}
	}
}
