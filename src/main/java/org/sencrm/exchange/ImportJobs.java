package org.sencrm.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.platform.Cursor;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The import_jobs table and its file, failures and changes. */
@Repository
class ImportJobs {

	static final int PART = 1024 * 1024;

	private final JdbcClient jdbc;
	private final JsonMapper json;

	ImportJobs(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(ImportJob job) {
		jdbc.sql("""
				insert into import_jobs (id, workspace_id, type, status, file_name, file_format, encoding, mapping, header,
				  match_by, on_match, on_no_match, allow_duplicates, created_by, locale, created_at, defaults)
				values (:id, :ws, :type, :status, :fileName, :format, :encoding, cast(:mapping as jsonb), cast(:header as jsonb),
				  :matchBy, :onMatch, :onNoMatch, :allow, :by, :locale, :at, cast(:defaults as jsonb))""")
				.param("id", job.id()).param("ws", WorkspaceContext.workspaceId()).param("type", job.type())
				.param("status", job.status()).param("fileName", job.fileName()).param("format", job.fileFormat()).param("encoding", job.encoding())
				.param("mapping", json.writeValueAsString(job.mapping())).param("header", json.writeValueAsString(job.header()))
				.param("matchBy", job.options().matchBy().stream().map(ImportOptions.MatchKey::key).toArray(String[]::new))
				.param("onMatch", job.options().onMatch().key()).param("onNoMatch", job.options().onNoMatch().key())
				.param("allow", job.options().allowDuplicates()).param("by", job.createdBy()).param("locale", job.locale())
				.param("at", Timestamp.from(job.createdAt())).param("defaults", json.writeValueAsString(job.defaults()))
				.update();
	}

	/** A draft gets its mapping and options and joins the queue; false when it is no draft (any more). */
	boolean queue(UUID id, Map<String, String> mapping, ImportOptions options, Instant now) {
		return jdbc.sql("""
				update import_jobs set status = 'queued', mapping = cast(:mapping as jsonb), match_by = :matchBy, on_match = :onMatch,
				  on_no_match = :onNoMatch, allow_duplicates = :allow, created_at = :now
				where id = :id and status = 'draft'""")
				.param("id", id).param("mapping", json.writeValueAsString(mapping))
				.param("matchBy", options.matchBy().stream().map(ImportOptions.MatchKey::key).toArray(String[]::new))
				.param("onMatch", options.onMatch().key()).param("onNoMatch", options.onNoMatch().key())
				.param("allow", options.allowDuplicates()).param("now", Timestamp.from(now)).update() == 1;
	}

	void addPart(UUID jobId, int part, byte[] bytes) {
		jdbc.sql("insert into import_files (job_id, workspace_id, part, bytes) values (:job, :ws, :part, :bytes)")
				.param("job", jobId).param("ws", WorkspaceContext.workspaceId()).param("part", part).param("bytes", bytes).update();
	}

	List<Integer> parts(UUID jobId) {
		return jdbc.sql("select part from import_files where job_id = :job order by part").param("job", jobId)
				.query(Integer.class).list();
	}

	byte[] part(UUID jobId, int part) {
		return jdbc.sql("select bytes from import_files where job_id = :job and part = :part").param("job", jobId)
				.param("part", part).query(byte[].class).single();
	}

	Optional<ImportJob> find(UUID id) {
		return jdbc.sql("select * from import_jobs where id = :id").param("id", id).query(this::job).optional();
	}

	/** Newest first, a page after the cursor's job. */
	List<ImportJob> list(String cursor, int limit) {
		if (cursor == null) {
			return jdbc.sql("select * from import_jobs where workspace_id = :ws and status <> 'draft' order by created_at desc, id desc limit :limit")
					.param("ws", WorkspaceContext.workspaceId()).param("limit", limit).query(this::job).list();
		}
		var after = Cursor.decode(cursor);
		return jdbc.sql("""
				select * from import_jobs where workspace_id = :ws and status <> 'draft' and (created_at, id) < (:at, :id)
				order by created_at desc, id desc limit :limit""")
				.param("ws", WorkspaceContext.workspaceId()).param("at", Timestamp.from(after.keyAsInstant()))
				.param("id", after.id()).param("limit", limit).query(this::job).list();
	}

	/** Takes a queued job for this node; empty when another took it first. */
	Optional<ImportJob> claim(UUID id, Instant now) {
		return jdbc.sql("""
				update import_jobs set status = 'running', attempts = attempts + 1, started_at = :now, progress_at = :now,
				  rows_read = 0, share_read = null, created = 0, updated = 0, skipped = 0, failed = 0
				where id = :id and status = 'queued' returning *""")
				.param("id", id).param("now", Timestamp.from(now)).query(this::job).optional();
	}

	/**
	 * Held by the import's own transaction to its end: while it is, the job cannot be locked "for update",
	 * which is how the recovery tells a running import from one whose node is gone. True when the job is
	 * still this attempt's.
	 */
	boolean hold(UUID id, int attempt) {
		return jdbc.sql("select 1 from import_jobs where id = :id and status = 'running' and attempts = :attempt for key share")
				.param("id", id).param("attempt", attempt).query(Integer.class).optional().isPresent();
	}

	/** Running jobs of this workspace whose node is gone (their row is not held), queued again; returns their ids. */
	List<UUID> requeueAbandoned() {
		return jdbc.sql("""
				update import_jobs j set status = 'queued', note = 'restarted', rows_read = 0, created = 0, updated = 0,
				  skipped = 0, failed = 0
				from (select id from import_jobs where workspace_id = :ws and status = 'running' for update skip locked) a
				where j.id = a.id returning j.id""")
				.param("ws", WorkspaceContext.workspaceId()).query(UUID.class).list();
	}

	List<UUID> queued() {
		return jdbc.sql("select id from import_jobs where workspace_id = :ws and status = 'queued' order by created_at")
				.param("ws", WorkspaceContext.workspaceId()).query(UUID.class).list();
	}

	/** Rows read so far and, when the format tells, the share of the file they were read from. */
	void progress(UUID id, int rowsRead, Double shareRead, Instant now) {
		jdbc.sql("""
				update import_jobs set rows_read = :rows, share_read = :share, progress_at = :now
				where id = :id and status = 'running'""")
				.param("id", id).param("rows", rowsRead).param("share", shareRead == null ? null : Math.min(1.0, Math.max(0.0, shareRead)))
				.param("now", Timestamp.from(now)).update();
	}

	boolean cancelRequested(UUID id) {
		return jdbc.sql("select cancel_requested from import_jobs where id = :id").param("id", id).query(Boolean.class)
				.optional().orElse(true);
	}

	/** A queued job is cancelled at once; a running one is asked to stop. */
	void requestCancel(UUID id, Instant now) {
		jdbc.sql("""
				update import_jobs set cancel_requested = true,
				  status = case when status = 'queued' then 'cancelled' else status end,
				  finished_at = case when status = 'queued' then :now else finished_at end
				where id = :id and status in ('queued', 'running')""")
				.param("id", id).param("now", Timestamp.from(now)).update();
	}

	void finish(UUID id, String status, ImportCounts counts, int rowsRead, int failed, Instant now) {
		jdbc.sql("""
				update import_jobs set status = :status, rows_read = :rows, created = :created, updated = :updated,
				  skipped = :skipped, failed = :failed, finished_at = :now, progress_at = :now, share_read = 1
				where id = :id""")
				.param("id", id).param("status", status).param("rows", rowsRead).param("created", counts.created())
				.param("updated", counts.updated()).param("skipped", counts.skipped()).param("failed", failed)
				.param("now", Timestamp.from(now)).update();
	}

	/** The attempt ended without its writes (cancelled or failed): nothing of it stays, the counters say so. */
	void end(UUID id, int attempt, String status, String error, Instant now) {
		jdbc.sql("""
				update import_jobs set status = :status, error = :error, created = 0, updated = 0, skipped = 0, failed = 0,
				  finished_at = :now where id = :id and attempts = :attempt and status = 'running'""")
				.param("id", id).param("attempt", attempt).param("status", status).param("error", error)
				.param("now", Timestamp.from(now)).update();
	}

	void undone(UUID id, Instant now) {
		jdbc.sql("update import_jobs set status = 'undone', undone_at = :now where id = :id")
				.param("id", id).param("now", Timestamp.from(now)).update();
	}

	int countFailures(UUID id) {
		return jdbc.sql("select count(*) from import_failures where job_id = :id").param("id", id).query(Integer.class).single();
	}

	record Failure(int rowNumber, List<Map<String, Object>> problems, UUID recordId) {
	}

	/** The failures of a job in row order, a page at a time from {@code afterRow}. */
	List<Failure> failures(UUID id, int afterRow, int limit) {
		return jdbc.sql("""
				select row_number, problems::text as problems, record_id from import_failures
				where job_id = :id and row_number > :after order by row_number limit :limit""")
				.param("id", id).param("after", afterRow).param("limit", limit)
				.query((rs, n) -> new Failure(rs.getInt("row_number"),
						json.readValue(rs.getString("problems"), new TypeReference<List<Map<String, Object>>>() {
						}), rs.getObject("record_id", UUID.class)))
				.list();
	}

	void recordFailures(UUID jobId) {
		jdbc.sql("""
				insert into import_failures (job_id, workspace_id, row_number, problems)
				select :job, sen_workspace(), row_number, problems from import_staging where problems is not null""")
				.param("job", jobId).update();
		jdbc.sql("delete from import_staging where problems is not null").update();
	}

	private ImportJob job(ResultSet rs, int n) throws SQLException {
		var matchBy = Arrays.stream((String[]) rs.getArray("match_by").getArray())
				.map(k -> ImportOptions.MatchKey.of(k).orElseThrow()).toList();
		var options = new ImportOptions(matchBy, ImportOptions.OnMatch.of(rs.getString("on_match")).orElseThrow(),
				ImportOptions.OnNoMatch.of(rs.getString("on_no_match")).orElseThrow(), rs.getBoolean("allow_duplicates"));
		return new ImportJob(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("status"),
				rs.getString("file_name"), rs.getString("file_format"), rs.getString("encoding"),
				json.readValue(rs.getString("mapping"), new TypeReference<java.util.LinkedHashMap<String, String>>() {
				}),
				json.readValue(rs.getString("header"), new TypeReference<List<String>>() {
				}),
				options, rs.getObject("created_by", UUID.class), rs.getString("locale"), rs.getInt("rows_read"),
				rs.getInt("created"), rs.getInt("updated"), rs.getInt("skipped"), rs.getInt("failed"), rs.getInt("attempts"),
				rs.getString("note"), rs.getString("error"), rs.getBoolean("cancel_requested"),
				instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "progress_at"), instant(rs, "finished_at"),
				instant(rs, "undone_at"), rs.getObject("share_read") == null ? null : rs.getDouble("share_read"),
				json.readValue(rs.getString("defaults"), new TypeReference<java.util.LinkedHashMap<String, String>>() {
				}));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
