package org.sencrm.directory;

import java.util.Arrays;
import java.util.Optional;

import org.sencrm.identity.WorkspaceSettings;

/**
 * The order a person's name is written in: family name first (Vietnamese, Chinese, Korean,
 * Hungarian: Nguyễn Thị Yến) or given name first (Anna Lindqvist). It belongs to the name, so
 * every reader sees the same order in every language (decision 24).
 */
public enum NameOrder {

	FAMILY_FIRST("family_first"), GIVEN_FIRST("given_first");

	private final String key;

	NameOrder(String key) {
		this.key = key;
	}

	/** As stored and as the API and forms write it: {@code family_first}, {@code given_first}. */
	public String key() {
		return key;
	}

	public static Optional<NameOrder> of(String key) {
		return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst();
	}

	/** A stored order ({@code persons.name_order}, checked by the database). */
	public static NameOrder stored(String key) {
		return of(key).orElseThrow(() -> new IllegalStateException("Unknown name order " + key));
	}

	/** The workspace's order for names that are not recognised (its {@code nameOrder} setting). */
	public static NameOrder forUnrecognised(WorkspaceSettings workspace) {
		return of(workspace.nameOrder()).orElse(GIVEN_FIRST);
	}
}
