package org.sencrm.analytics.segment;

import java.util.Arrays;
import java.util.Optional;

/** The comparisons a rule's condition makes, named as in the API. */
public enum Op {
	EQ("eq"), NE("ne"), IN("in"), CONTAINS("contains"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), BETWEEN("between"),
	EXISTS("exists"), WITHIN_LAST_DAYS("withinLastDays");

	private final String key;

	Op(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

	public static Optional<Op> of(String key) {
		return Arrays.stream(values()).filter(op -> op.key.equals(key)).findFirst();
	}
}
