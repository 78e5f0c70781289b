package org.sencrm.identity;

/**
 * What a user may do in a workspace. See docs/access-matrix.md for the whole matrix.
 */
public enum Role {
	/** Everything, including users, teams, roles and workspace settings. */
	ADMIN,
	/** Reads and edits every customer record. */
	MANAGER,
	/** Reads every customer record; edits those it or its team owns. */
	SALES,
	/** As sales, for marketing work. */
	MARKETING,
	/** As sales, for service work. */
	SUPPORT,
	/** Reads only. */
	VIEWER;

	public boolean editsEverything() {
		return this == ADMIN || this == MANAGER;
	}

	public boolean writes() {
		return this != VIEWER;
	}

	public String key() {
		return name().toLowerCase();
	}

	public static Role fromKey(String key) {
		return valueOf(key.toUpperCase());
	}
}
