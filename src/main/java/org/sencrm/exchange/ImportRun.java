package org.sencrm.exchange;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One import as its {@link ImportKind} sees it while writing or undoing: the job, its options, who
 * imports and when, and the two set-based tools a kind needs besides its own SQL — copying rows into
 * a table of the transaction ({@link #copy}) and failing staged rows ({@link #fail}).
 */
public final class ImportRun {

	/** The staging table, transaction-local. */
	public static final String STAGING = "import_staging";
	private static final Pattern NAME = Pattern.compile("[a-z_]+");
	/** One line per phase of an import, "import phase" at debug level: where the seconds of an import go (docs/benchmarks.md). */
	private static final Logger phases = LoggerFactory.getLogger("org.sencrm.exchange.ImportPhases");

	private final UUID jobId;
	private final ImportOptions options;
	private final UUID actorId;
	private final Instant now;
	private final JdbcClient jdbc;
	private final DataSource dataSource;

	ImportRun(UUID jobId, ImportOptions options, UUID actorId, Instant now, JdbcClient jdbc, DataSource dataSource) {
		this.jobId = jobId;
		this.options = options;
		this.actorId = actorId;
		this.now = now;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	public UUID jobId() {
		return jobId;
	}

	public ImportOptions options() {
		return options;
	}

	/** The importing user: owner of created records. */
	public UUID actorId() {
		return actorId;
	}

	/** The import's time: created and updated times of its records and history. */
	public Instant now() {
		return now;
	}

	/**
	 * Fails the staged rows a query selects — its columns {@code row_number}, {@code record_id} (the
	 * record the row duplicates, or null) and {@code other_row} (the earlier row it duplicates, or
	 * null) — with one problem on {@code field}, and takes them out of the staging table. Returns how many.
	 */
	public int fail(String rowsSql, Map<String, ?> params, String field, String code) {
		var failed = jdbc.sql("""
				with failing as (%s),
				written as (
				  insert into import_failures (job_id, workspace_id, row_number, problems, record_id)
				  select :job, sen_workspace(), f.row_number,
				    jsonb_build_array(jsonb_strip_nulls(jsonb_build_object('field', cast(:field as text), 'code', cast(:code as text),
				      'arguments', case when f.other_row is not null then jsonb_build_array(f.other_row) end,
				      'recordId', f.record_id))),
				    f.record_id
				  from (select distinct on (row_number) * from failing order by row_number) f
				  on conflict do nothing
				  returning row_number)
				delete from import_staging s using written w where s.row_number = w.row_number""".formatted(rowsSql))
				.params(params).param("job", jobId).param("field", field).param("code", code)
				.update();
		return failed;
	}

	/**
	 * Runs one phase of the import (a statement or a few) and logs how long it took and, when the
	 * phase returns a number, how many rows it touched. The import benchmark reads these lines.
	 */
	public <T> T timed(String phase, Supplier<T> work) {
		var started = System.nanoTime();
		var result = work.get();
		if (phases.isDebugEnabled()) {
			phases.debug("import {} phase {}: {} ms{}", jobId, phase, (System.nanoTime() - started) / 1_000_000,
					result instanceof Number n ? ", " + n + " rows" : "");
		}
		return result;
	}

	/** Logs a phase that started at {@code startedNanos} ({@link System#nanoTime()}) and ends now. */
	public void took(String phase, long startedNanos) {
		if (phases.isDebugEnabled()) {
			phases.debug("import {} phase {}: {} ms", jobId, phase, (System.nanoTime() - startedNanos) / 1_000_000);
		}
	}

	/** {@link #timed(String, Supplier)} for a phase that returns nothing. */
	public void timed(String phase, Runnable work) {
		timed(phase, () -> {
			work.run();
			return null;
		});
	}

	/** Copies rows into a table of the current transaction (a temp table, or a table under row-level security) with COPY. */
	public long copy(String table, List<String> columns, Iterator<? extends List<?>> rows) {
		if (!NAME.matcher(table).matches() || !columns.stream().allMatch(c -> NAME.matcher(c).matches())) {
			throw new IllegalArgumentException("Not a table or column name");
		}
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI()
					.copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin");
			try {
				var line = new StringBuilder(256);
				while (rows.hasNext()) {
					CopyText.append(line, rows.next());
					if (line.length() > 64 * 1024) {
						var bytes = line.toString().getBytes(StandardCharsets.UTF_8);
						copy.writeToCopy(bytes, 0, bytes.length);
						line.setLength(0);
					}
				}
				var bytes = line.toString().getBytes(StandardCharsets.UTF_8);
				copy.writeToCopy(bytes, 0, bytes.length);
				return copy.endCopy();
			} finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
		} catch (SQLException e) {
			throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
		} finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

}
