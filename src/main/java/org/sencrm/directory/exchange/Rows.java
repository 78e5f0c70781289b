package org.sencrm.directory.exchange;

import java.util.List;
import java.util.function.Function;

import org.sencrm.platform.ValidationException;

/** What the directory's import kinds do alike with a row's cells. */
final class Rows {

	private Rows() {
	}

	/** Problems of emails[0].address and phones[1].number reported on the import's column fields. */
	static <T> T onField(String field, ValidationException.Collector problems, Function<ValidationException.Collector, T> check) {
		var own = new ValidationException.Collector();
		var result = check.apply(own);
		try {
			own.throwIfAny();
		} catch (ValidationException e) {
			e.problems().forEach(p -> problems.add(field, p.code(), p.arguments()));
		}
		return result;
	}

	/** A cell of several values: split on commas, semicolons and line breaks. */
	static List<String> split(String cell) {
		if (cell == null) {
			return List.of();
		}
		return java.util.Arrays.stream(cell.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** The stored values, then the row's values not among them (by key). */
	static <T> List<T> union(List<T> stored, List<T> row, Function<T, String> key) {
		var all = new java.util.ArrayList<>(stored);
		row.stream().filter(r -> stored.stream().noneMatch(s -> key.apply(s).equals(key.apply(r)))).forEach(all::add);
		return all;
	}

	/** A PostgreSQL array literal of texts ({@code {"a b","c"}}), for a {@code text[]} column copied with COPY. */
	static String textArray(List<String> values) {
		var literal = new StringBuilder("{");
		for (var value : values) {
			if (literal.length() > 1) {
				literal.append(',');
			}
			literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return literal.append('}').toString();
	}
}
