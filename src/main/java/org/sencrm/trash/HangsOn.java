package org.sencrm.trash;

import java.util.regex.Pattern;

/**
 * A record hangs on another when deleting the other takes it along: an opportunity on its person,
 * an activity on its opportunity. {@code column} holds the parent's id; {@code condition}, when
 * given, narrows which rows count (a plain SQL condition on the child's own columns, written in code,
 * never from input: {@code record_type = 'opportunity'}).
 */
public record HangsOn(String parentType, String column, String condition) {

	private static final Pattern NAME = Pattern.compile("[a-z_]+");

	public HangsOn {
		if (!NAME.matcher(column).matches()) {
			throw new IllegalArgumentException("Not a column name: " + column);
		}
	}

	/** Rows whose {@code column} is the parent's id. */
	public static HangsOn to(String parentType, String column) {
		return new HangsOn(parentType, column, null);
	}

	/** Rows whose {@code column} is the parent's id and that meet {@code condition}. */
	public static HangsOn to(String parentType, String column, String condition) {
		return new HangsOn(parentType, column, condition);
	}

	/** The SQL condition on child rows that hang on {@code parents} (a list parameter or a subquery of ids). */
	String on(String parents) {
		return column + " in (" + parents + ")" + (condition == null ? "" : " and (" + condition + ")");
	}
}
