package org.sencrm.directory.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.exchange.ImportCounts;
import org.sencrm.exchange.ImportOptions;
import org.sencrm.exchange.ImportOptions.MatchKey;
import org.sencrm.exchange.ImportRun;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-based writes of an import of customers — persons or organizations — from the staging table,
 * in the shape both share: match by the chosen keys, fail rows that duplicate a record or an earlier
 * row, insert the new records with their history, tags and undo records in one statement each, and
 * update matched records from a second table that a merge in Java fills a batch at a time (so that
 * search_name and search_text keep their one definition in the domain), then one update, one history
 * insert and one undo insert. Never a statement per row. What differs (columns, history, the merge of
 * one record) is declared by {@link PersonImportWrites} and {@link OrganizationImportWrites}.
 *
 * @param <V> the importable values of one record, stored or from a row
 */
abstract class CustomerImportWrites<V extends CustomerImportWrites.Values<V>> {

	private static final int BATCH = 5_000;

	/** The importable values of one record: merged in Java, compared for history, written as the updates table's columns. */
	interface Values<V> {

		/** This stored record with a row's values: its empty fields filled, or (overwrite) every non-empty cell taken. */
		V merge(V row, boolean overwrite);

		/** What changed from this to {@code to}, as the history writes it. */
		Map<String, Object> changes(V to);

		/** The updates table's columns of the merged record, in {@link Shape#updateColumns()} order. */
		List<Object> columns(UUID id, ContactJson json, String before, String changes);
	}

	/**
	 * The statements and names that make one kind of customer; SQL written in code, never from input.
	 *
	 * @param existing      every record's key of a match key, as a relation {@code (key, id)}
	 * @param staged        the staging column of each match key
	 * @param duplicateKeys the keys a new record must not share with a record or an earlier row
	 * @param updatesTable  the temporary table the merge fills: its name and its columns' definitions
	 * @param rowValues     the staging columns {@link #values} reads with prefix "" (alias {@code s})
	 * @param storedValues  the record's columns it reads with prefix "p_" (alias {@code p}), {@code p_id} and {@code before}
	 * @param update        the {@code update … from} the updates table
	 */
	record Shape(String table, String entityType, Map<MatchKey, String> existing, Map<MatchKey, String> staged,
			List<MatchKey> duplicateKeys, String tagTable, String tagColumn, String updatesTable, String updatesTableColumns,
			List<String> updateColumns, String rowValues, String storedValues, String update) {
	}

	protected final JdbcClient jdbc;
	protected final ContactJson json;
	protected final CreatedByImport created;
	private final Shape shape;

	CustomerImportWrites(JdbcClient jdbc, ContactJson json, CreatedByImport created, Shape shape) {
		this.jdbc = jdbc;
		this.json = json;
		this.created = created;
		this.shape = shape;
	}

	/** Inserts the staged rows without a match as new records with their history; returns how many. */
	protected abstract int insert(ImportRun run, Map<String, Object> params);

	/** Reverses the import: changed records get their previous values back, created ones go to the trash; returns how many. */
	abstract int undo(ImportRun run);

	/** A matched row's values ({@code prefix} "") or its record's ({@code prefix} as in {@link Shape#storedValues()}). */
	protected abstract V values(ResultSet rs, String prefix) throws SQLException;

	/**
	 * A condition on a matched row {@code s} and its record {@code p} that holds for every row that can change its
	 * record when only empty fields are filled; rows without it are counted unchanged and never read into Java.
	 */
	protected String fillsAnEmptyField() {
		return "true";
	}

	/** Before any record is written (persons: the rows' organizations). */
	protected void beforeWrites(ImportRun run) {
	}

	/** After the records and tags are written (persons: organizations and contact roles). */
	protected void afterWrites(ImportRun run, Map<String, Object> params) {
	}

	ImportCounts apply(ImportRun run) {
		var options = run.options();
		for (var key : options.matchBy()) {
			run.timed("match by " + key.key(), () -> jdbc.sql("""
					update import_staging s set match_id = m.id
					from (select distinct on (key) key, id from (%s) e order by key, id) m
					where s.match_id is null and s.%s = m.key""".formatted(shape.existing().get(key), shape.staged().get(key)))
					.update());
		}
		// the planner must know how many rows matched: estimated as none, it nests loops over the whole staging table;
		// of the matched rows only: the other columns were analysed after COPY (a second full analyze took seconds)
		run.timed("analyze staging (match_id)", () -> {
			jdbc.sql("analyze import_staging (match_id)").update();
		});
		run.timed("fail rows matching an earlier row's record", () -> run.fail("""
				select s.row_number, s.match_id as record_id, f.first_row as other_row from import_staging s
				join (select match_id, min(row_number) as first_row from import_staging where match_id is not null group by match_id) f
				  on f.match_id = s.match_id and s.row_number > f.first_row""", Map.of(), "row", "import.duplicate-row"));
		int skipped = 0;
		if (options.onNoMatch() == ImportOptions.OnNoMatch.SKIP) {
			skipped += jdbc.sql("delete from import_staging where match_id is null").update();
		} else {
			for (var key : shape.duplicateKeys()) {
				if (options.allowDuplicates() && key != MatchKey.EXTERNAL_ID) {
					continue; // an external id is unique whatever the import allows
				}
				var column = shape.staged().get(key);
				if (!options.matches(key)) {
					run.timed("fail rows duplicating a record by " + key.key(), () -> run.fail("""
							select s.row_number, e.id as record_id, null::int as other_row from import_staging s
							join (%s) e on e.key = s.%s where s.match_id is null""".formatted(shape.existing().get(key), column),
							Map.of(), key.key(), "duplicate"));
				}
				run.timed("fail rows duplicating an earlier row by " + key.key(), () -> run.fail("""
						select s.row_number, null::uuid as record_id, f.first_row as other_row from import_staging s
						join (select %1$s as key, min(row_number) as first_row from import_staging
						      where match_id is null and %1$s is not null group by %1$s) f
						  on f.key = s.%1$s and s.row_number > f.first_row
						where s.match_id is null""".formatted(column), Map.of(), key.key(), "duplicate"));
			}
		}
		if (options.onMatch() == ImportOptions.OnMatch.SKIP) {
			skipped += jdbc.sql("delete from import_staging where match_id is not null").update();
		}
		var params = params(run);
		beforeWrites(run);
		int inserted = insert(run, params);
		run.timed("undo records of created " + shape.table(), () -> jdbc.sql("""
				insert into import_changes (job_id, workspace_id, entity_type, entity_id, action)
				select :job, sen_workspace(), :type, new_id, 'created' from import_staging where match_id is null""")
				.params(params).param("type", shape.entityType()).update());
		int[] updates = update(run, params);
		run.timed("tags", () -> tags(params));
		afterWrites(run, params);
		return new ImportCounts(inserted, updates[0], skipped + updates[1]);
	}

	private static Map<String, Object> params(ImportRun run) {
		var scope = WorkspaceContext.current();
		return Map.of("now", Timestamp.from(run.now()), "owner", run.actorId(), "job", run.jobId(), "actorName",
				scope.actorName() == null ? "" : scope.actorName());
	}

	/** Merges matched rows into their records a batch at a time, then writes them in one update; returns {updated, unchanged}. */
	private int[] update(ImportRun run, Map<String, Object> params) {
		var overwrite = run.options().onMatch() == ImportOptions.OnMatch.OVERWRITE;
		var merging = System.nanoTime();
		var table = shape.table();
		jdbc.sql("create temp table " + shape.updatesTable() + " (" + shape.updatesTableColumns() + ") on commit drop").update();
		int after = 0;
		int unchanged = overwrite ? 0 : jdbc.sql("select count(*) from import_staging s join %s p on p.id = s.match_id where not coalesce((%s), false)"
				.formatted(table, fillsAnEmptyField())).query(Integer.class).single();
		while (true) {
			var batch = jdbc.sql("""
					select s.row_number, %s, %s
					from import_staging s join %s p on p.id = s.match_id
					where s.row_number > :after and (:overwrite or coalesce((%s), false)) order by s.row_number limit :limit"""
					.formatted(shape.rowValues(), shape.storedValues(), table, fillsAnEmptyField()))
					.param("after", after).param("overwrite", overwrite).param("limit", BATCH)
					.query((rs, n) -> new Pair<>(rs.getInt("row_number"), rs.getObject("p_id", UUID.class), values(rs, ""),
							values(rs, "p_"), rs.getString("before")))
					.list();
			if (batch.isEmpty()) {
				break;
			}
			after = batch.getLast().rowNumber();
			var rows = new ArrayList<List<Object>>();
			for (var pair : batch) {
				var merged = pair.current().merge(pair.row(), overwrite);
				var changes = pair.current().changes(merged);
				if (changes.isEmpty()) {
					unchanged++;
					continue;
				}
				rows.add(merged.columns(pair.id(), json, pair.before(), json.write(changes)));
			}
			run.copy(shape.updatesTable(), shape.updateColumns(), rows.iterator());
		}
		run.took("merge matched " + table + " in Java (read, merge, COPY)", merging);
		int updated = run.timed("update " + table, () -> jdbc.sql(shape.update()).params(params).update());
		run.timed("history of updated " + table, () -> jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), :type, id, 'updated', :owner, :actorName, :now, changes
				from %s""".formatted(shape.updatesTable())).params(params).param("type", shape.entityType()).update());
		run.timed("undo records of updated " + table, () -> jdbc.sql("""
				insert into import_changes (job_id, workspace_id, entity_type, entity_id, action, before)
				select :job, sen_workspace(), :type, id, 'updated', before from %s""".formatted(shape.updatesTable()))
				.params(params).param("type", shape.entityType()).update());
		return new int[] {updated, unchanged};
	}

	private void tags(Map<String, Object> params) {
		jdbc.sql("""
				insert into tags (id, workspace_id, name)
				select sen_uuid7(:now), sen_workspace(), min(t) from import_staging s cross join jsonb_array_elements_text(s.tags) t
				group by lower(t)
				on conflict (workspace_id, lower(name)) do nothing""").params(params).update();
		jdbc.sql("""
				insert into %s (%s, tag_id, workspace_id)
				select distinct coalesce(s.match_id, s.new_id), g.id, sen_workspace()
				from import_staging s cross join jsonb_array_elements_text(s.tags) t
				join tags g on g.workspace_id = sen_workspace() and lower(g.name) = lower(t)
				on conflict do nothing""".formatted(shape.tagTable(), shape.tagColumn())).update();
	}

	/**
	 * Puts back the records the import changed, from their values before it, unless they were changed again since
	 * (then they are left as they are), with a history line each; {@code revert} is the kind's {@code update … from
	 * import_changes c … returning id}. Returns how many were reverted.
	 */
	protected int revert(ImportRun run, String revert) {
		var scope = WorkspaceContext.current();
		var params = Map.<String, Object>of("now", Timestamp.from(run.now()), "job", run.jobId(), "actor", run.actorId(),
				"actorName", scope.actorName() == null ? "" : scope.actorName());
		var reverted = jdbc.sql(revert).params(params).query(UUID.class).list();
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), :type, id, 'updated', :actor, :actorName, :now,
				  jsonb_build_object('import', jsonb_build_object('from', cast(:job as text), 'to', 'undone'))
				from unnest(cast(:ids as uuid[])) id""").params(params).param("type", shape.entityType())
				.param("ids", reverted.toArray(UUID[]::new)).update();
		return reverted.size();
	}

	private record Pair<V>(int rowNumber, UUID id, V row, V current, String before) {
	}

	/** Adds {@code key: {from, to}} when the two differ. */
	static void change(Map<String, Object> changes, String key, Object from, Object to) {
		if (!Objects.equals(from, to)) {
			var change = new LinkedHashMap<String, Object>();
			change.put("from", from);
			change.put("to", to);
			changes.put(key, change);
		}
	}

	/** Custom fields as changes {@code customFields.key}, in key order. */
	static void customChanges(Map<String, Object> changes, Map<String, Object> from, Map<String, Object> to) {
		var keys = new java.util.TreeSet<>(from.keySet());
		keys.addAll(to.keySet());
		keys.forEach(k -> change(changes, "customFields." + k, from.get(k) == null ? null : String.valueOf(from.get(k)),
				to.get(k) == null ? null : String.valueOf(to.get(k))));
	}

	/** The row's custom fields added to the stored ones (overwrite: the row's win). */
	static Map<String, Object> customMerged(Map<String, Object> stored, Map<String, Object> row, boolean overwrite) {
		var custom = new LinkedHashMap<String, Object>(overwrite ? stored : row);
		custom.putAll(overwrite ? row : stored);
		return custom;
	}

	/** Emails: the row's when none are stored; overwrite adds the row's new ones (the stored primary stays primary). */
	static List<EmailAddress> emailsMerged(List<EmailAddress> stored, List<EmailAddress> row, boolean overwrite) {
		return stored.isEmpty() ? row : overwrite
				? Rows.union(stored, row.stream().map(e -> new EmailAddress(e.address(), e.label(), false)).toList(), EmailAddress::address)
				: stored;
	}

	/** Phones, as {@link #emailsMerged}. */
	static List<PhoneNumber> phonesMerged(List<PhoneNumber> stored, List<PhoneNumber> row, boolean overwrite) {
		return stored.isEmpty() ? row : overwrite
				? Rows.union(stored, row.stream().map(p -> new PhoneNumber(p.number(), p.label(), false)).toList(), PhoneNumber::number)
				: stored;
	}

	/** Addresses: the row's when none are stored, or (overwrite) when the row has any. */
	static List<Address> addressesMerged(List<Address> stored, List<Address> row, boolean overwrite) {
		return stored.isEmpty() || overwrite && !row.isEmpty() ? row : stored;
	}

	/** Emails, phones and addresses as changes, the way history shows them. */
	static void contactChanges(Map<String, Object> changes, List<EmailAddress> emails, List<EmailAddress> toEmails,
			List<PhoneNumber> phones, List<PhoneNumber> toPhones, List<Address> addresses, List<Address> toAddresses) {
		change(changes, "emails", emails.stream().map(EmailAddress::address).toList(), toEmails.stream().map(EmailAddress::address).toList());
		change(changes, "phones", phones.stream().map(PhoneNumber::number).toList(), toPhones.stream().map(PhoneNumber::number).toList());
		change(changes, "addresses", addresses.stream().map(Address::oneLine).toList(),
				toAddresses.stream().map(Address::oneLine).toList());
	}

	/** A single value: the stored one unless empty, or (overwrite) the row's unless empty. */
	static <T> T pick(T stored, T row, boolean overwrite) {
		return overwrite ? (row != null ? row : stored) : (stored != null ? stored : row);
	}
}
