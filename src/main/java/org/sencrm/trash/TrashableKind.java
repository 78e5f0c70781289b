package org.sencrm.trash;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A kind of record that goes to the trash, declared as a bean by the module that owns its table:
 * the table (with {@code deleted_at} and {@code trash_id} columns and the trash-aware row-level
 * security policy, see V50), how a row is named and owned, what it hangs on, and who may delete it.
 * The expressions are SQL over the row, written in code, never from input.
 *
 * <pre>
 * TrashableKind.of("opportunity", "opportunities", "name")
 *     .ownedBy("owner_id", "owner_team_id")
 *     .hangsOn(HangsOn.to("person", "person_id"), HangsOn.to("organization", "organization_id"))
 *     .page("/sales/opportunities/%s")
 * </pre>
 *
 * @param type        the record's type, as in the history ({@code person}, {@code opportunity})
 * @param table       its table
 * @param label       what the trash list calls it (an SQL expression giving text)
 * @param owner       the owner, author or assignee (an SQL expression giving a uuid, or {@code null})
 * @param team        the owning team, or {@code null}
 * @param creator     who made it, where that matters to the rule (tasks), or {@code null}
 * @param status      its status, where the rule depends on it (documents), or {@code null}
 * @param hangsOn     the records whose deletion takes this one along
 * @param rule        who may delete one
 * @param page        its page, a format with one {@code %s} for the id (the trash links to restored records)
 * @param beforePurge called with the ids about to be removed for good (files kept outside the database)
 */
public record TrashableKind(String type, String table, String label, String owner, String team, String creator,
		String status, List<HangsOn> hangsOn, DeleteRule rule, String page, Consumer<List<UUID>> beforePurge) {

	private static final Pattern NAME = Pattern.compile("[a-z_]+");

	public TrashableKind {
		if (!NAME.matcher(table).matches()) {
			throw new IllegalArgumentException("Not a table name: " + table);
		}
		hangsOn = List.copyOf(hangsOn);
	}

	/** A kind with no owner, parents or page yet, deletable by its owners' rule. */
	public static TrashableKind of(String type, String table, String label) {
		return new TrashableKind(type, table, label, "null", "null", "null", "null", List.of(), DeleteRule.OWNER_OR_TEAM, null,
				ids -> {
				});
	}

	public TrashableKind ownedBy(String ownerColumn, String teamColumn) {
		return new TrashableKind(type, table, label, ownerColumn, teamColumn == null ? "null" : teamColumn, creator, status,
				hangsOn, rule, page, beforePurge);
	}

	public TrashableKind createdBy(String creatorColumn) {
		return new TrashableKind(type, table, label, owner, team, creatorColumn, status, hangsOn, rule, page, beforePurge);
	}

	public TrashableKind withStatus(String statusColumn) {
		return new TrashableKind(type, table, label, owner, team, creator, statusColumn, hangsOn, rule, page, beforePurge);
	}

	public TrashableKind hangsOn(HangsOn... parents) {
		return new TrashableKind(type, table, label, owner, team, creator, status, List.of(parents), rule, page, beforePurge);
	}

	public TrashableKind deletableWhen(DeleteRule deleteRule) {
		return new TrashableKind(type, table, label, owner, team, creator, status, hangsOn, deleteRule, page, beforePurge);
	}

	public TrashableKind page(String pageFormat) {
		return new TrashableKind(type, table, label, owner, team, creator, status, hangsOn, rule, pageFormat, beforePurge);
	}

	public TrashableKind beforePurge(Consumer<List<UUID>> hook) {
		return new TrashableKind(type, table, label, owner, team, creator, status, hangsOn, rule, page, hook);
	}

	/** The link to one record's page, or null when the kind has none. */
	public String pageOf(UUID id) {
		return page == null ? null : page.formatted(id);
	}
}
