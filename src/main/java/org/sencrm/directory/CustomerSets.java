package org.sencrm.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A port the directory declares for named sets of customers another module keeps (analytics'
 * segments), so customer lists and exports filter by {@code ?segment=<id>} without the directory
 * depending on that module. The implementing module gives, for a set, one SQL condition over a
 * customer row aliased {@code r} with its values bound ({@code :ws} is the current workspace); the
 * directory only appends it to its own query.
 */
public interface CustomerSets {

	/** A SQL condition over {@code r} written by code, never from input, and the values it binds (names unique to the set). */
	record Condition(String sql, Map<String, Object> params) {
	}

	/** A set a list's filter offers. */
	record Choice(UUID id, String name) {
	}

	/** The condition "in this set" for customers of the kind, or empty when the workspace has no such set of that kind. */
	Optional<Condition> condition(Customers.Kind kind, UUID setId);

	/** The sets of this kind, by name, for a list's filter. */
	List<Choice> choices(Customers.Kind kind);
}
