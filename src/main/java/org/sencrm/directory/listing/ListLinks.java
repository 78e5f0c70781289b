package org.sencrm.directory.listing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import org.springframework.util.MultiValueMap;

/**
 * The query string of a list's filters, for the links that keep them: next page, CSV export,
 * saved views. Blank values and the page cursor are left out, so a saved view or an export
 * always starts from the first row.
 */
public final class ListLinks {

	private ListLinks() {
	}

	public static String filterQuery(MultiValueMap<String, String> params) {
		var parts = new ArrayList<String>();
		params.forEach((key, values) -> {
			if (!"cursor".equals(key)) {
				values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> parts.add(encode(key) + "=" + encode(v)));
			}
		});
		return String.join("&", parts);
	}

	/** The link to the page after the one shown, or null on the last page. */
	public static String nextPage(String path, String query, String cursor) {
		if (cursor == null) {
			return null;
		}
		var param = "cursor=" + encode(cursor);
		return path + "?" + (query.isEmpty() ? param : query + "&" + param);
	}

	/** {@code path?query}, or the bare path when there is no query. */
	public static String withQuery(String path, String query) {
		return query == null || query.isEmpty() ? path : path + "?" + query;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
