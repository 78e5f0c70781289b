package org.sencrm.directory.search;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The search terms of one record, made in Java for a bulk write (decision 41): the same terms as
 * the SQL function {@code sen_search_terms} (V85) makes for every other writer — runs of words of
 * {@code search_text} starting at each word (cut to 32 characters), not at the words of the name's
 * second copy; {@code ~} and the reversed digits of every number of six digits or more; for a
 * person, the given name then the family name. {@code SearchTermsAgreeTest} proves the two agree
 * on real data; a change to one is a change to both.
 */
public final class SearchTerms {

	private SearchTerms() {
	}

	/** The distinct terms in code point order (collation "C", the index's order); none for a null text. */
	public static List<String> of(String searchName, String searchText, boolean personal) {
		var terms = new TreeSet<String>();
		var words = searchText == null ? List.<String>of() : words(searchText);
		// the SQL compares with cardinality(null) for a person without a search name: then no run of words qualifies
		var name = personal ? (searchName == null ? null : words(searchName)) : List.<String>of();
		for (int i = 0; i < words.size(); i++) {
			if (name != null && (i < name.size() || i >= 2 * name.size())) {
				terms.add(left(String.join(" ", words.subList(i, words.size())), SearchPrefixes.TERM_LENGTH));
			}
		}
		for (var word : words) {
			if (word.length() >= 6 && word.chars().allMatch(c -> c >= '0' && c <= '9')) {
				terms.add("~" + new StringBuilder(word).reverse());
			}
		}
		if (name != null && name.size() >= 2) {
			terms.add(name.getLast() + " " + name.getFirst());
		}
		terms.remove("");
		return List.copyOf(terms);
	}

	/** {@code array_remove(string_to_array(btrim(text), ' '), '')}: split on single spaces, empty words dropped. */
	private static List<String> words(String text) {
		var words = new ArrayList<String>();
		int start = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || text.charAt(i) == ' ') {
				if (i > start) {
					words.add(text.substring(start, i));
				}
				start = i + 1;
			}
		}
		return words;
	}

	/** {@code left(text, n)}: the first n characters (code points, as PostgreSQL counts them). */
	private static String left(String text, int n) {
		return text.codePointCount(0, text.length()) <= n ? text : text.substring(0, text.offsetByCodePoints(0, n));
	}
}
