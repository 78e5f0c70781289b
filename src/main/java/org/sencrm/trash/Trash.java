package org.sencrm.trash;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Moving a record to the trash, for the modules that own the records: their services check that the
 * record exists for the user and that the user may delete it, then call {@link #moveToTrash}. The
 * record goes with its unit — everything that hangs on it — as one entry; a unit that holds someone
 * else's work the user may not delete is refused with {@link TrashBlockedException}, and nothing changes.
 */
@Service
public class Trash {

	/** A record of the unit that the user may not delete, and whose it is. */
	public record Blocker(String type, UUID id, String label, UUID ownerId, String ownerName) {
	}

	/** What deleting a record would do: what goes with it (by type), and what would block it. */
	public record Preview(String type, UUID id, Map<String, Integer> contents, List<Blocker> blockers) {

		public boolean blocked() {
			return !blockers.isEmpty();
		}
	}

	/** The order in which "what goes with it" names the types. */
	private static final List<String> SHOWN_FIRST = List.of("person", "organization", "opportunity", "quote", "order", "contract",
			"lead", "product", "activity", "task", "contact_role");

	private final Kinds kinds;
	private final Units units;
	private final Access access;
	private final UserDirectory users;
	private final History history;
	private final MessageSource messages;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final TrashSettings settings;

	Trash(Kinds kinds, Units units, Access access, UserDirectory users, History history, MessageSource messages, JdbcClient jdbc,
			JsonMapper json, Clock clock, TrashSettings settings) {
		this.settings = settings;
		this.kinds = kinds;
		this.units = units;
		this.access = access;
		this.users = users;
		this.history = history;
		this.messages = messages;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Moves the record and its unit into the trash, as the current user, and returns the entry's id.
	 * With {@code expectedVersion}, only if the record is still at that version (else 412).
	 *
	 * @throws NotFoundException       when the record is not there (or already in the trash)
	 * @throws AccessDeniedException   when the user may not delete the record itself
	 * @throws TrashBlockedException   when its unit holds records the user may not delete
	 */
	@Transactional
	public UUID moveToTrash(String type, UUID id, Integer expectedVersion) {
		var kind = kinds.get(type);
		var user = access.currentUser();
		var root = units.find(kind, id).orElseThrow(() -> new NotFoundException("entity." + type));
		if (!kind.rule().allows(user, root)) {
			throw new AccessDeniedException("delete");
		}
		var unit = units.gather(kind, root);
		var blockers = blockers(unit);
		if (!blockers.isEmpty()) {
			throw new TrashBlockedException(blockedMessage(type, root.label(), blockers), blockers);
		}
		var trashId = Ids.next();
		var now = Instant.now(clock);
		var contents = contents(unit);
		jdbc.sql("""
				insert into trash (id, workspace_id, entity_type, entity_id, contents, deleted_by, deleted_at)
				values (:id, :ws, :type, :entity, cast(:contents as jsonb), :by, :at)""")
				.param("id", trashId).param("ws", WorkspaceContext.workspaceId()).param("type", type).param("entity", id)
				.param("contents", json.writeValueAsString(contents)).param("by", user.id())
				.param("at", java.sql.Timestamp.from(now)).update();
		// the policies let a row become trashed only where trashed rows are visible
		units.showTrashed();
		var version = expectedVersion;
		if (version != null && !units.moveIn(kind, id, version, trashId, now)) {
			throw new StaleVersionException();
		}
		var byKind = unit.stream().collect(Collectors.groupingBy(TrashMember::type, LinkedHashMap::new,
				Collectors.mapping(TrashMember::id, Collectors.toList())));
		byKind.forEach((memberType, ids) -> units.moveIn(kinds.get(memberType), ids, trashId, now));
		unit.forEach(member -> history.trashed(member.type(), member.id(), Map.of()));
		return trashId;
	}

	/**
	 * Moves many records of one type into the trash at once, as the current user (an import's undo):
	 * each record its own entry, so each can be restored alone, written in a few statements whatever
	 * their number (decision 36). A record with nothing hanging on it goes this way; one that has
	 * gained dependants since (an activity, an opportunity) goes through {@link #moveToTrash} with
	 * its unit. Records no longer there, that the user may not delete, or whose unit holds someone
	 * else's work are left as they are. Returns how many records went to the trash.
	 */
	@Transactional
	public int moveAllToTrash(String type, java.util.Collection<UUID> ids) {
		var kind = kinds.get(type);
		var user = access.currentUser();
		var allowed = units.findAll(kind, List.copyOf(new java.util.LinkedHashSet<>(ids))).stream()
				.filter(member -> kind.rule().allows(user, member)).map(TrashMember::id).toList();
		var withUnits = units.withDependants(type, allowed);
		var alone = allowed.stream().filter(id -> !withUnits.contains(id)).toArray(UUID[]::new);
		var entries = new UUID[alone.length];
		for (int i = 0; i < alone.length; i++) {
			entries[i] = Ids.next();
		}
		var now = Instant.now(clock);
		jdbc.sql("""
				insert into trash (id, workspace_id, entity_type, entity_id, contents, deleted_by, deleted_at)
				select e.entry, :ws, :type, e.id, '{}', :by, :at from unnest(cast(:ids as uuid[]), cast(:entries as uuid[])) e(id, entry)""")
				.param("ws", WorkspaceContext.workspaceId()).param("type", type).param("ids", alone).param("entries", entries)
				.param("by", user.id()).param("at", java.sql.Timestamp.from(now)).update();
		units.showTrashed();
		int moved = units.moveEachIn(kind, alone, entries, now);
		history.trashedAll(type, List.of(alone));
		for (var id : withUnits) {
			try {
				moveToTrash(type, id, null);
				moved++;
			} catch (NotFoundException | TrashBlockedException e) {
				// gone since, or its unit holds someone else's work: left as it is
			}
		}
		return moved;
	}

	/**
	 * From here to the end of the current transaction, trashed rows are visible: for work that must
	 * reach records in the trash too (a person's personal data, exported or erased; decision 26).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void showTrashedRows() {
		units.showTrashed();
	}

	/**
	 * After records were removed outside the trash (a person's personal data erased, decision 26):
	 * entries left with no record at all go, as there is nothing to restore; the others keep what is
	 * left and restore that. Returns how many entries went.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int forgetEmptied() {
		units.showTrashed();
		var anyLeft = kinds.all().stream()
				.map(kind -> "select 1 from " + kind.table() + " r where r.trash_id = t.id")
				.collect(Collectors.joining(" union all "));
		return jdbc.sql("delete from trash t where t.workspace_id = :ws and not exists (" + anyLeft + ")")
				.param("ws", WorkspaceContext.workspaceId()).update();
	}

	/** May the current user delete this record itself (its kind's rule)? For showing a Delete button; its unit may still refuse. */
	@Transactional(readOnly = true)
	public boolean mayDelete(String type, UUID id) {
		var kind = kinds.get(type);
		return units.find(kind, id).map(record -> kind.rule().allows(access.currentUser(), record)).orElse(false);
	}

	/** What deleting this record would take along and what would block it, for the delete confirmation. */
	@Transactional(readOnly = true)
	public Preview preview(String type, UUID id) {
		var kind = kinds.get(type);
		var root = units.find(kind, id).orElseThrow(() -> new NotFoundException("entity." + type));
		var unit = units.gather(kind, root);
		return new Preview(type, id, contents(unit), blockers(unit));
	}

	/** "2 opportunities, 5 activities" in the user's language; empty when nothing goes along. */
	public String describe(Map<String, Integer> contents) {
		var locale = LocaleContextHolder.getLocale();
		return contents.entrySet().stream()
				.map(e -> messages.getMessage("trash.count." + e.getKey(), new Object[] {e.getValue()}, e.getValue() + " " + e.getKey(),
						locale))
				.collect(Collectors.joining(", "));
	}

	/**
	 * The question a delete button asks before: what goes with the record and for how long it can be
	 * restored; for a unit the user may not delete, the refusal itself.
	 */
	public String question(Preview preview) {
		if (preview.blocked()) {
			return blockedMessage(preview);
		}
		var locale = LocaleContextHolder.getLocale();
		var typeName = messages.getMessage("trash.type." + preview.type(), null, preview.type(), locale);
		var days = settings.retentionDays();
		return preview.contents().isEmpty()
				? messages.getMessage("trash.confirm", new Object[] {typeName, days}, locale)
				: messages.getMessage("trash.confirmWith", new Object[] {typeName, describe(preview.contents()), days}, locale);
	}

	/** The refusal of a blocked preview, as the API and the pages say it. */
	public String blockedMessage(Preview preview) {
		var kind = kinds.get(preview.type());
		var label = units.labels(kind, List.of(preview.id())).get(preview.id());
		return blockedMessage(preview.type(), label, preview.blockers());
	}

	private List<Blocker> blockers(List<TrashMember> unit) {
		var user = access.currentUser();
		var refused = unit.stream().skip(1).filter(m -> !kinds.get(m.type()).rule().allows(user, m)).toList();
		if (refused.isEmpty()) {
			return List.of();
		}
		var names = users.users().stream()
				.collect(Collectors.toMap(UserDirectory.UserSummary::id, UserDirectory.UserSummary::displayName));
		var blockers = new ArrayList<Blocker>();
		for (var member : refused) {
			blockers.add(new Blocker(member.type(), member.id(), member.label(), member.ownerId(),
					member.ownerId() == null ? null : names.get(member.ownerId())));
		}
		return blockers;
	}

	/** How many records of each type came along (the record itself not counted), the weightiest first. */
	private static Map<String, Integer> contents(List<TrashMember> unit) {
		var counts = new java.util.HashMap<String, Integer>();
		unit.stream().skip(1).forEach(m -> counts.merge(m.type(), 1, Integer::sum));
		return ordered(counts);
	}

	/** The counts in the order the pages name them (jsonb keeps its own order of keys). */
	static Map<String, Integer> ordered(Map<String, Integer> counts) {
		var contents = new LinkedHashMap<String, Integer>();
		counts.keySet().stream().sorted(java.util.Comparator.comparingInt(Trash::weight).thenComparing(t -> t))
				.forEach(type -> contents.put(type, counts.get(type)));
		return contents;
	}

	private static int weight(String type) {
		var index = SHOWN_FIRST.indexOf(type);
		return index < 0 ? SHOWN_FIRST.size() : index;
	}

	private String blockedMessage(String type, String label, List<Blocker> blockers) {
		Locale locale = LocaleContextHolder.getLocale();
		var shown = blockers.stream().limit(10).map(b -> messages.getMessage("trash.blocker",
				new Object[] {messages.getMessage("trash.type." + b.type(), null, b.type(), locale), b.label(),
						b.ownerName() == null ? "—" : b.ownerName()},
				locale)).collect(Collectors.joining("; "));
		if (blockers.size() > 10) {
			shown += "; " + messages.getMessage("trash.blockersMore", new Object[] {blockers.size() - 10}, locale);
		}
		return messages.getMessage("trash.blocked.message",
				new Object[] {messages.getMessage("trash.type." + type, null, type, locale), label, shown}, locale);
	}
}
