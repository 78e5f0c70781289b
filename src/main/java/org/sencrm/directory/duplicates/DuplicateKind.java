package org.sencrm.directory.duplicates;

import java.util.List;
import java.util.Optional;

import org.sencrm.platform.ValidationException;

/** The two kinds of customer the finder looks at, with the table each is kept in. */
enum DuplicateKind {

	PERSON("person", "persons"), ORGANIZATION("organization", "organizations");

	private final String key;
	private final String table;

	DuplicateKind(String key, String table) {
		this.key = key;
		this.table = table;
	}

	String key() {
		return key;
	}

	String table() {
		return table;
	}

	static Optional<DuplicateKind> of(String key) {
		for (var kind : values()) {
			if (kind.key.equals(key)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

	/** The kind named by a request parameter (person when none); a 422 on {@code type} for anything else. */
	static DuplicateKind checked(String key) {
		if (key == null || key.isBlank()) {
			return PERSON;
		}
		return of(key.strip()).orElseThrow(
				() -> new ValidationException(List.of(new ValidationException.FieldProblem("type", "validation.choice"))));
	}
}
