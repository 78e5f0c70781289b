package org.sencrm.exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.stereotype.Component;

/**
 * The {@code owner} column of an import (persons, organizations, leads; decision 37): a user of the
 * workspace named by email (case aside) or by name (accents and case aside). An owner no active user
 * answers to, a name two users share, or someone else when the importing user may not give records
 * to others (only those who edit everything may) is a problem of the row. Without the column, or with
 * the cell empty, the kind keeps its own rule (the importing user owns, or the lead assignment rules).
 */
@Component
public class ImportOwners {

	/** The field, with its Vietnamese and English column names. */
	public static final ImportField FIELD = ImportField.of("owner", "Người phụ trách", "Phụ trách", "Nhân viên phụ trách",
			"Chủ sở hữu", "Người sở hữu", "Owner", "Owner email", "Assigned to", "Sales rep", "Account owner");

	/** Resolves owner cells while rows stream (in memory, no statement per row). */
	public interface Resolver {

		/** The owner a cell names, or null for an empty cell; a problem on {@code owner} when it names none. */
		UUID owner(String cell, ValidationException.Collector problems);
	}

	private final UserDirectory users;

	ImportOwners(UserDirectory users) {
		this.users = users;
	}

	/**
	 * Reads the workspace's users once, in the import's workspace as the importing user; call it in
	 * {@link ImportKind#stager()}, before the rows stream.
	 */
	public Resolver resolver() {
		var all = users.users();
		var byEmail = new HashMap<String, UUID>();
		var byName = new HashMap<String, List<UUID>>();
		for (var user : all) {
			if (!user.active()) {
				continue;
			}
			if (user.email() != null) {
				byEmail.put(user.email().toLowerCase(Locale.ROOT), user.id());
			}
			if (user.displayName() != null) {
				byName.merge(SearchText.fold(user.displayName()), List.of(user.id()),
						(a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
			}
		}
		var scope = WorkspaceContext.current();
		var importer = scope == null ? null : scope.actorId();
		var mayGive = all.stream().anyMatch(u -> u.id().equals(importer) && u.role().editsEverything());
		return (cell, problems) -> {
			if (cell == null || cell.isBlank()) {
				return null;
			}
			var text = cell.strip();
			var id = byEmail.get(text.toLowerCase(Locale.ROOT));
			if (id == null) {
				var named = byName.getOrDefault(SearchText.fold(text), List.of());
				if (named.size() > 1) {
					problems.add(FIELD.key(), "import.owner-ambiguous", text);
					return null;
				}
				id = named.isEmpty() ? null : named.getFirst();
			}
			if (id == null) {
				problems.add(FIELD.key(), "import.owner-unknown", text);
				return null;
			}
			if (!mayGive && !id.equals(importer)) {
				problems.add(FIELD.key(), "import.owner-not-allowed", text);
				return null;
			}
			return id;
		};
	}

	/**
	 * The hook a kind's stager needs (persons, organizations): the row's owner checked first, then the
	 * kind's own staging, and the owner added to its values as {@code owner_id} (null: the kind's default).
	 */
	public static Map<String, Object> withOwner(Resolver resolver, Map<String, String> row, ValidationException.Collector problems,
			java.util.function.Supplier<Map<String, Object>> stage) {
		var owner = resolver.owner(row.get(FIELD.key()), problems);
		var values = stage.get();
		if (values.isEmpty()) {
			return values;
		}
		var withOwner = new java.util.LinkedHashMap<>(values);
		withOwner.put("owner_id", owner);
		return withOwner;
	}
}
