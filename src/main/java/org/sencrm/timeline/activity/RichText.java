package org.sencrm.timeline.activity;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Bodies of notes and emails are stored sanitised: basic formatting, lists, links and images
 * stay; scripts, event handlers, styles and unknown tags go. What is stored can be shown as is.
 */
public final class RichText {

	private static final Safelist SAFE = Safelist.relaxed()
			.addProtocols("a", "href", "http", "https", "mailto", "tel")
			.addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");
	private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

	private RichText() {
	}

	public static String sanitise(String html) {
		if (html == null || html.isBlank()) {
			return null;
		}
		return Jsoup.clean(html, "", SAFE, COMPACT);
	}

	/** Plain text of a body, for previews, search and notifications. */
	public static String plain(String html) {
		return html == null ? "" : Jsoup.parse(html).text();
	}
}
