package org.sencrm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps one results section per data size in docs/benchmarks.md, replacing it on each run. */
final class ResultsFile {

	private static final String HEADING = "## Results";

	private ResultsFile() {
	}

	static void update(Path file, int persons, String section) throws IOException {
		var begin = "<!-- bench:begin persons=" + persons + " -->";
		var end = "<!-- bench:end persons=" + persons + " -->";
		var block = begin + "\n" + section.strip() + "\n" + end;
		var text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
		int from = text.indexOf(begin);
		int to = text.indexOf(end);
		if (from >= 0 && to > from) {
			text = text.substring(0, from) + block + text.substring(to + end.length());
		} else {
			if (!text.contains(HEADING + "\n")) {
				text = text.stripTrailing() + "\n\n" + HEADING + "\n";
			}
			// Sections sit under the heading, smallest data size first, before the next heading.
			int heading = text.indexOf(HEADING + "\n");
			int next = text.indexOf("\n## ", heading + 1);
			int insertAt = next < 0 ? text.length() : next + 1;
			for (int at = text.indexOf("<!-- bench:begin persons=", heading); at >= 0 && at < insertAt;
					at = text.indexOf("<!-- bench:begin persons=", at + 1)) {
				var size = Integer.parseInt(text.substring(at + 25, text.indexOf(' ', at + 25)));
				if (size > persons) {
					insertAt = at;
					break;
				}
			}
			var before = text.substring(0, insertAt).stripTrailing();
			var after = text.substring(insertAt);
			text = before + "\n\n" + block + "\n" + (after.isEmpty() ? "" : "\n" + after);
		}
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, text.stripTrailing() + "\n", StandardCharsets.UTF_8);
	}

	/** Replaces the section between {@code <!-- name:begin -->} and {@code <!-- name:end -->}, or adds it at the end. */
	static void updateNamed(Path file, String name, String section) throws IOException {
		var begin = "<!-- " + name + ":begin -->";
		var end = "<!-- " + name + ":end -->";
		var block = begin + "\n" + section.strip() + "\n" + end;
		var text = Files.readString(file, StandardCharsets.UTF_8);
		int from = text.indexOf(begin);
		int to = text.indexOf(end);
		text = from >= 0 && to > from ? text.substring(0, from) + block + text.substring(to + end.length())
				: text.stripTrailing() + "\n\n" + block + "\n";
		Files.writeString(file, text.stripTrailing() + "\n", StandardCharsets.UTF_8);
	}
}
