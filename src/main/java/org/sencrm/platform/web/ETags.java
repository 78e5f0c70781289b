package org.sencrm.platform.web;

import org.sencrm.platform.StaleVersionException;

/** Entity tags from record versions: {@code "3"} for version 3. A stale {@code If-Match} is refused with 412. */
public final class ETags {

	private ETags() {
	}

	public static String of(int version) {
		return "\"" + version + "\"";
	}

	/** The version named by an If-Match header, or null when the header is absent or {@code *}. */
	public static Integer version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		var text = ifMatch.strip();
		if (text.startsWith("W/")) {
			text = text.substring(2);
		}
		text = text.replace("\"", "");
		try {
			return Integer.parseInt(text);
		} catch (NumberFormatException e) {
			throw new StaleVersionException();
		}
	}
}
