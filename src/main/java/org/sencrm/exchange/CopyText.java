package org.sencrm.exchange;

import java.util.List;

/** One row in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class CopyText {

	private CopyText() {
	}

	static void append(StringBuilder line, List<?> values) {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				line.append('\t');
			}
			var value = values.get(i);
			if (value == null) {
				line.append("\\N");
				continue;
			}
			var text = value.toString();
			for (int c = 0; c < text.length(); c++) {
				char ch = text.charAt(c);
				switch (ch) {
					case '\\' -> line.append("\\\\");
					case '\t' -> line.append("\\t");
					case '\n' -> line.append("\\n");
					case '\r' -> line.append("\\r");
					default -> line.append(ch);
				}
			}
		}
		line.append('\n');
	}
}
