package org.sencrm.analytics.segment;

import java.util.EnumSet;
import java.util.Set;

import static org.sencrm.analytics.segment.Op.*;

/** What a field holds, and so which ops fit it and what a value must look like. */
public enum ValueType {
	/** Free text: compared without case; {@code contains} finds a part. */
	TEXT(EnumSet.of(EQ, NE, IN, CONTAINS, EXISTS)),
	/** One of a fixed list of values ({@code lifecycleStage}, {@code valueTier}). */
	CHOICE(EnumSet.of(EQ, NE, IN, EXISTS)),
	/** A record's id: a user, a team, a product. */
	ID(EnumSet.of(EQ, NE, IN, EXISTS)),
	NUMBER(EnumSet.of(EQ, NE, IN, GT, GTE, LT, LTE, BETWEEN, EXISTS)),
	/** A day, {@code 2026-12-03}. */
	DATE(EnumSet.of(EQ, NE, GT, GTE, LT, LTE, BETWEEN, EXISTS, WITHIN_LAST_DAYS)),
	/** An instant; a day given for it means that whole day (UTC). */
	TIMESTAMP(EnumSet.of(EQ, NE, GT, GTE, LT, LTE, BETWEEN, EXISTS, WITHIN_LAST_DAYS)),
	/** A set of names (tags): {@code eq}/{@code contains} has the tag, {@code in} has one of them, {@code exists} has any. */
	TAGS(EnumSet.of(EQ, NE, IN, CONTAINS, EXISTS)),
	/** A custom field's value: text, a number or a day, or one of a multi-choice field's values. */
	CUSTOM(EnumSet.of(EQ, NE, IN, CONTAINS, GT, GTE, LT, LTE, BETWEEN, EXISTS));

	private final Set<Op> ops;

	ValueType(Set<Op> ops) {
		this.ops = ops;
	}

	public Set<Op> ops() {
		return ops;
	}
}
