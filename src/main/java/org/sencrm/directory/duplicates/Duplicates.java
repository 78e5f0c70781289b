package org.sencrm.directory.duplicates;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.platform.Cursor;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The possible duplicates the last scan found, best first, and what users decide about them: a
 * pair that is "not a duplicate" is remembered and never shown again, its group split where it
 * held together only through that pair. Records gone since the scan (merged, in the trash) are left
 * out of their groups when read.
 */
@Service
public class Duplicates {

	public static final double DEFAULT_MIN_SCORE = Likeness.KEPT;
	static final int MAX_LIMIT = 200;

	/** A group of records that are probably one customer. */
	public record Group(UUID id, List<UUID> ids, double score, List<String> reasons) {
	}

	/** One scored pair of a group. */
	public record Pair(UUID low, UUID high, double score, List<String> reasons) {
	}

	public record Page(List<Group> items, String nextCursor) {
	}

	private final JdbcClient jdbc;
	private final Access access;
	private final DuplicateFinder finder;
	private final Clock clock;

	Duplicates(JdbcClient jdbc, Access access, DuplicateFinder finder, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.finder = finder;
		this.clock = clock;
	}

	/** Groups of at least {@code minScore}, best first (score, then id, descending), after the cursor. */
	@Transactional(readOnly = true)
	public Page list(String type, Double minScore, String cursorText, int limit) {
		var kind = DuplicateKind.checked(type);
		var min = minScore == null ? DEFAULT_MIN_SCORE : minScore;
		if (min < 0 || min > 1) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("minScore", "duplicates.min-score")));
		}
		var cursor = Cursor.decode(cursorText);
		var size = Math.max(1, Math.min(limit, MAX_LIMIT));
		var items = new ArrayList<Group>();
		String next = null;
		// a group whose records have gone since the scan is skipped, so a page may need another round
		while (items.size() < size) {
			var sql = new StringBuilder("""
					select g.id, g.score, g.reasons,
					  array(select x from unnest(g.ids) x where exists (select 1 from %s r where r.workspace_id = :ws and r.id = x)) as live
					from duplicate_groups g where g.workspace_id = :ws and g.entity = :entity and g.score >= :min""".formatted(kind.table()));
			var statement = jdbc.sql(sql + (cursor == null ? "" : " and (g.score, g.id) < (cast(:key as real), :after)")
					+ " order by g.score desc, g.id desc limit :limit")
					.param("ws", WorkspaceContext.workspaceId()).param("entity", kind.key()).param("min", min).param("limit", size + 1);
			if (cursor != null) {
				statement = statement.param("key", score(cursor)).param("after", cursor.id());
			}
			var rows = statement.query((rs, n) -> new Group(rs.getObject("id", UUID.class),
					Arrays.asList((UUID[]) rs.getArray("live").getArray()), rs.getFloat("score"),
					Arrays.asList((String[]) rs.getArray("reasons").getArray()))).list();
			for (var row : rows.subList(0, Math.min(rows.size(), size))) {
				cursor = new Cursor(Float.toString((float) row.score()), row.id());
				if (row.ids().size() >= 2 && items.size() < size) {
					items.add(new Group(row.id(), row.ids(), Math.round(row.score() * 1000) / 1000.0, row.reasons()));
				}
			}
			if (rows.size() <= size) {
				next = null;
				break;
			}
			next = cursor.encode();
		}
		return new Page(List.copyOf(items), items.size() < size ? null : next);
	}

	private static float score(Cursor cursor) {
		try {
			return Float.parseFloat(cursor.key());
		} catch (NumberFormatException e) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("cursor", "error.invalid-value")));
		}
	}

	/** The scored pairs of a group whose records are still there, best first. */
	@Transactional(readOnly = true)
	public List<Pair> pairs(String type, UUID groupId) {
		var kind = DuplicateKind.checked(type);
		return jdbc.sql("""
				select p.low_id, p.high_id, p.score, p.reasons from duplicate_pairs p
				where p.workspace_id = :ws and p.entity = :entity and p.group_id = :group
				  and exists (select 1 from %1$s a where a.workspace_id = :ws and a.id = p.low_id)
				  and exists (select 1 from %1$s b where b.workspace_id = :ws and b.id = p.high_id)
				order by p.score desc, p.low_id, p.high_id""".formatted(kind.table()))
				.param("ws", WorkspaceContext.workspaceId()).param("entity", kind.key()).param("group", groupId)
				.query((rs, n) -> new Pair(rs.getObject("low_id", UUID.class), rs.getObject("high_id", UUID.class),
						Math.round(rs.getFloat("score") * 1000) / 1000.0, Arrays.asList((String[]) rs.getArray("reasons").getArray())))
				.list();
	}

	/**
	 * Remembers that these two records are not one customer (any user who writes): no scan pairs them
	 * again; the stored group loses the pair and splits where it held together only through it.
	 */
	@Transactional
	public void notDuplicates(String type, UUID a, UUID b) {
		access.requireWrite();
		var kind = DuplicateKind.checked(type);
		if (a == null || b == null || a.equals(b)) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("ids", "duplicates.two-ids")));
		}
		var low = a.compareTo(b) < 0 ? a : b;
		var high = a.compareTo(b) < 0 ? b : a;
		var ws = WorkspaceContext.workspaceId();
		jdbc.sql("""
				insert into not_duplicates (workspace_id, entity, low_id, high_id, decided_by, decided_at)
				values (:ws, :entity, :low, :high, :by, :at) on conflict do nothing""")
				.param("ws", ws).param("entity", kind.key()).param("low", low).param("high", high)
				.param("by", access.currentUser().id()).param("at", Timestamp.from(Instant.now(clock))).update();
		var group = jdbc.sql("""
				delete from duplicate_pairs where workspace_id = :ws and entity = :entity and low_id = :low and high_id = :high
				returning group_id""")
				.param("ws", ws).param("entity", kind.key()).param("low", low).param("high", high).query(UUID.class).optional();
		group.ifPresent(id -> regroup(kind, id));
	}

	/** The records leave every stored group (merged into another, say); groups left with one record go. */
	@Transactional
	public void forget(String type, List<UUID> ids) {
		var kind = DuplicateKind.checked(type);
		var ws = WorkspaceContext.workspaceId();
		var groups = jdbc.sql("""
				delete from duplicate_pairs where workspace_id = :ws and entity = :entity and (low_id = any(:ids) or high_id = any(:ids))
				returning group_id""")
				.param("ws", ws).param("entity", kind.key()).param("ids", ids.toArray(UUID[]::new)).query(UUID.class).set();
		groups.forEach(group -> regroup(kind, group));
	}

	/** Rebuilds a stored group from its remaining pairs: none left, it goes; parts no longer connected, they become groups. */
	private void regroup(DuplicateKind kind, UUID groupId) {
		var ws = WorkspaceContext.workspaceId();
		var pairs = jdbc.sql("select low_id, high_id, score, reasons from duplicate_pairs where workspace_id = :ws and group_id = :group")
				.param("ws", ws).param("group", groupId)
				.query((rs, n) -> new DuplicateFinder.Pair(rs.getObject("low_id", UUID.class), rs.getObject("high_id", UUID.class),
						rs.getFloat("score"), Arrays.asList((String[]) rs.getArray("reasons").getArray())))
				.list();
		jdbc.sql("delete from duplicate_groups where workspace_id = :ws and id = :group").param("ws", ws).param("group", groupId).update();
		finder.add(kind.key(), DuplicateFinder.Groups.of(new ArrayList<>(pairs)));
	}
}
