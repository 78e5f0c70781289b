package org.sencrm.exchange;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.sencrm.platform.WorkspaceContext;
import org.sencrm.trash.Trash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The steps every set-based kind takes on the staging table, written once (decision 37): match
 * rows to live records by a key, fail rows that repeat a match or a key or whose key another record
 * holds, skip rows as the options say, record what was created and changed for the undo, and undo:
 * changed records back to their values before (by the kind's own statement), created ones to the
 * trash set-based. A kind keeps its own rules (which keys, what a row means) and calls these.
 * Table and column names come from code, never from input.
 */
@Component
public class ImportStaging {

	private static final Pattern SQL_NAME = Pattern.compile("[a-z_]+");

	private final JdbcClient jdbc;
	private final Trash trash;

	ImportStaging(JdbcClient jdbc, Trash trash) {
		this.jdbc = jdbc;
		this.trash = trash;
	}

	/**
	 * Gives each staged row without a match yet the live record of {@code table} whose {@code keySql}
	 * (an expression on the table's alias {@code r}: {@code r.external_id}, {@code lower(r.sku)}) equals
	 * the row's {@code stagedColumn}; one record per key (the oldest id) when several share it.
	 */
	public void match(String table, String keySql, String stagedColumn) {
		jdbc.sql("""
				update import_staging s set match_id = m.id
				from (select distinct on (key) key, id from (%s) e order by key, id) m
				where s.match_id is null and s.%s = m.key""".formatted(existing(table, keySql), name(stagedColumn))).update();
	}

	/** Rows that match a record an earlier row of the file already matched fail, naming that row. */
	public int failRepeatedMatches(ImportRun run) {
		return run.fail("""
				select s.row_number, s.match_id as record_id, f.first_row as other_row from import_staging s
				join (select match_id, min(row_number) as first_row from import_staging where match_id is not null group by match_id) f
				  on f.match_id = s.match_id and s.row_number > f.first_row""", Map.of(), "row", "import.duplicate-row");
	}

	/**
	 * Rows whose {@code stagedColumn} a live record other than their match holds fail as {@code duplicate}
	 * on {@code field}, naming that record; with {@code onlyUnmatched}, only rows without a match are checked.
	 */
	public int failTaken(ImportRun run, String table, String keySql, String stagedColumn, String field, boolean onlyUnmatched) {
		return run.fail("""
				select s.row_number, e.id as record_id, null::int as other_row from import_staging s
				join (%s) e on e.key = s.%s
				where e.id is distinct from s.match_id%s""".formatted(existing(table, keySql), name(stagedColumn),
				onlyUnmatched ? " and s.match_id is null" : ""), Map.of(), field, "duplicate");
	}

	/**
	 * Rows that repeat an earlier row's {@code stagedColumn} fail as {@code duplicate} on {@code field},
	 * naming that row; with {@code onlyUnmatched}, among rows without a match only.
	 */
	public int failRepeatedKeys(ImportRun run, String stagedColumn, String field, boolean onlyUnmatched) {
		var unmatched = onlyUnmatched ? " and match_id is null" : "";
		return run.fail("""
				select s.row_number, null::uuid as record_id, f.first_row as other_row from import_staging s
				join (select %1$s as key, min(row_number) as first_row from import_staging where %1$s is not null%2$s group by %1$s) f
				  on f.key = s.%1$s and s.row_number > f.first_row%3$s""".formatted(name(stagedColumn), unmatched,
				onlyUnmatched ? " where s.match_id is null" : ""), Map.of(), field, "duplicate");
	}

	/** Takes out the rows the options skip (no match and "skip", a match and "skip"); returns how many. */
	public int skipByOptions(ImportRun run) {
		int skipped = 0;
		if (run.options().onNoMatch() == ImportOptions.OnNoMatch.SKIP) {
			skipped += jdbc.sql("delete from import_staging where match_id is null").update();
		}
		if (run.options().onMatch() == ImportOptions.OnMatch.SKIP) {
			skipped += jdbc.sql("delete from import_staging where match_id is not null").update();
		}
		return skipped;
	}

	/**
	 * The named parameters the kinds' statements share: {@code now} (the import's time), {@code owner}
	 * (the importing user), {@code job}, {@code actorName}.
	 */
	public Map<String, Object> params(ImportRun run) {
		var scope = WorkspaceContext.current();
		var params = new HashMap<String, Object>();
		params.put("now", Timestamp.from(run.now()));
		params.put("owner", run.actorId());
		params.put("job", run.jobId());
		params.put("actorName", scope == null || scope.actorName() == null ? "" : scope.actorName());
		return params;
	}

	/** Records the staged rows without a match (those just inserted under their {@code new_id}) as created by the import. */
	public void recordCreated(ImportRun run, String entityType) {
		jdbc.sql("""
				insert into import_changes (job_id, workspace_id, entity_type, entity_id, action)
				select :job, sen_workspace(), :type, new_id, 'created' from import_staging where match_id is null""")
				.param("job", run.jobId()).param("type", entityType).update();
	}

	/** Records the records of {@code updatesTable} (columns {@code id}, {@code before}) as changed by the import. */
	public void recordUpdated(ImportRun run, String entityType, String updatesTable) {
		jdbc.sql("""
				insert into import_changes (job_id, workspace_id, entity_type, entity_id, action, before)
				select :job, sen_workspace(), :type, id, 'updated', before from %s""".formatted(name(updatesTable)))
				.param("job", run.jobId()).param("type", entityType).update();
	}

	/**
	 * Puts back what the import did to records of one type: {@code revertSql} (an update from
	 * {@code import_changes c} where {@code c.job_id = :job and c.action = 'updated'}, of records not
	 * changed again since, returning their ids; may use {@code :now}) gives changed records their values
	 * before, each with a history line saying the import was undone; created records go to the trash,
	 * each its own entry (decision 36). Returns how many records were reverted or trashed.
	 */
	public int undo(ImportRun run, String entityType, String revertSql) {
		var params = params(run);
		int reverted = 0;
		if (revertSql != null) {
			var ids = jdbc.sql(revertSql).params(params).query(UUID.class).list();
			jdbc.sql("""
					insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
					select sen_uuid7(:now), sen_workspace(), :type, id, 'updated', :owner, :actorName, :now,
					  jsonb_build_object('import', jsonb_build_object('from', cast(:job as text), 'to', 'undone'))
					from unnest(cast(:ids as uuid[])) id""").params(params).param("type", entityType)
					.param("ids", ids.toArray(UUID[]::new)).update();
			reverted = ids.size();
		}
		var created = jdbc.sql("select entity_id from import_changes where job_id = :job and action = 'created' and entity_type = :type")
				.param("job", run.jobId()).param("type", entityType).query(UUID.class).list();
		// deleted since, or now holding someone else's work: left as it is
		return reverted + trash.moveAllToTrash(entityType, created);
	}

	private static String existing(String table, String keySql) {
		return "select %2$s as key, r.id from %1$s r where r.workspace_id = sen_workspace() and %2$s is not null"
				.formatted(name(table), keySql);
	}

	private static String name(String name) {
		if (!SQL_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a table or column name: " + name);
		}
		return name;
	}
}
