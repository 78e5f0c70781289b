package org.sencrm.directory.export;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sencrm.directory.ExportKind;
import org.sencrm.directory.ExportReady;
import org.sencrm.identity.AllWorkspaces;
import org.sencrm.identity.CurrentUser;
import org.sencrm.platform.AfterCommit;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports too big to answer at once, run in the background (decision 34). A job is a row of
 * {@code exports}; the node that queued it starts it right after the commit, and every node looks
 * for queued jobs now and then, so a job never waits for the node that took it. A node claims a job
 * with {@code for update skip locked} and a lease it extends with every chunk it writes; a job whose
 * node stopped is claimed again when the lease runs out and written anew (three tries, then failed).
 * The finished file is kept in {@code export_chunks} for {@code sen.exports.keep-for} (a day), then
 * removed with its job; the user is told when it is ready ({@link ExportReady}).
 */
@Component
class ExportJobs {

	private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);
	private static final int MAX_ATTEMPTS = 3;

	/** An export job as stored. */
	record Job(UUID id, UUID userId, String kind, String format, MultiValueMap<String, String> filter, List<String> columns,
			String language, String status, long rows, long bytes, int attempts, String error, Instant createdAt,
			Instant finishedAt, Instant expiresAt) {
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final AllWorkspaces workspaces;
	private final ExportKinds kinds;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;
	private final Duration keepFor;
	private final Duration lease;
	private final ExecutorService runner = Executors.newFixedThreadPool(2, Thread.ofVirtual().name("export-", 0).factory());

	ExportJobs(JdbcClient jdbc, PlatformTransactionManager transactions, AllWorkspaces workspaces, ExportKinds kinds,
			ApplicationEventPublisher events, JsonMapper json, Clock clock,
			@Value("${sen.exports.keep-for:P1D}") Duration keepFor, @Value("${sen.exports.lease:PT2M}") Duration lease) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.workspaces = workspaces;
		this.kinds = kinds;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.keepFor = keepFor;
		this.lease = lease;
	}

	/** Queues an export for the user; it starts on this node once the transaction has committed. */
	UUID queue(ExportRequest request, CurrentUser user) {
		var id = Ids.next();
		var now = clock.instant();
		var workspaceId = WorkspaceContext.workspaceId();
		transactions.executeWithoutResult(status -> {
			jdbc.sql("""
					insert into exports (id, workspace_id, user_id, kind, format, filter, columns, language, status, created_at, expires_at)
					values (:id, :ws, :user, :kind, :format, :filter, :columns, :language, 'queued', :now, :expires)""")
					.param("id", id).param("ws", workspaceId).param("user", user.id()).param("kind", request.kind().key())
					.param("format", request.format().key).param("filter", json.writeValueAsString(request.filter()))
					.param("columns", request.columns().toArray(String[]::new))
					.param("language", user.language() == null ? "vi" : user.language())
					.param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(keepFor))).update();
			AfterCommit.run(() -> runner.execute(() -> runDue(workspaceId)));
		});
		return id;
	}

	@Scheduled(fixedDelayString = "${sen.exports.poll-every:PT20S}", initialDelayString = "PT20S")
	void runAll() {
		for (var workspace : workspaces.ids()) {
			runDue(workspace);
		}
	}

	@Scheduled(fixedDelayString = "${sen.exports.clean-every:PT1H}", initialDelayString = "PT1M")
	void removeAllExpired() {
		for (var workspace : workspaces.ids()) {
			removeExpired(workspace);
		}
	}

	/** Runs the workspace's jobs that are queued, or whose node stopped, one after the other; returns how many ran. */
	int runDue(UUID workspaceId) {
		int ran = 0;
		Optional<Job> job;
		while ((job = claim(workspaceId)).isPresent()) {
			run(workspaceId, job.get());
			ran++;
		}
		return ran;
	}

	/** Removes the workspace's exports past their time, with their files; returns how many. */
	int removeExpired(UUID workspaceId) {
		return WorkspaceContext.callAsSystem(workspaceId, () -> transactions.execute(status -> jdbc.sql(
				"delete from exports where workspace_id = :ws and expires_at < :now")
				.param("ws", workspaceId).param("now", Timestamp.from(clock.instant())).update()));
	}

	private Optional<Job> claim(UUID workspaceId) {
		return WorkspaceContext.callAsSystem(workspaceId, () -> transactions.execute(status -> {
			var now = Timestamp.from(clock.instant());
			jdbc.sql("""
					update exports set status = 'failed', error = 'gave up', finished_at = :now
					where workspace_id = :ws and status = 'running' and claimed_until < :now and attempts >= :max""")
					.param("ws", workspaceId).param("now", now).param("max", MAX_ATTEMPTS).update();
			return jdbc.sql("""
					update exports set status = 'running', attempts = attempts + 1, claimed_until = :until, rows = 0, bytes = 0
					where id = (select id from exports where workspace_id = :ws
					              and (status = 'queued' or (status = 'running' and claimed_until < :now))
					            order by created_at limit 1 for update skip locked)
					returning *""")
					.param("ws", workspaceId).param("now", now).param("until", Timestamp.from(clock.instant().plus(lease)))
					.query((rs, n) -> job(rs)).optional();
		}));
	}

	private void run(UUID workspaceId, Job job) {
		WorkspaceContext.callAs(new WorkspaceContext.Scope(workspaceId, job.userId(), "export"), () -> {
			try {
				var kind = kinds.get(job.kind());
				var request = new ExportRequest(kind, ExportFormat.of(job.format()), job.columns(), job.filter());
				transactions.executeWithoutResult(status -> jdbc.sql("delete from export_chunks where export_id = :id")
						.param("id", job.id()).update());
				var rows = new long[1];
				var out = new ChunkOutputStream(jdbc, transactions, job.id(), chunk -> extendLease(job, rows[0]));
				rows[0] = ExportFile.write(request, sink -> RowPipe.run(reader -> kind.rows(request.filter(), request.columns(), reader),
						row -> {
							rows[0]++;
							return sink.test(row);
						}), out);
				out.close();
				finish(workspaceId, job, rows[0], out.bytes());
			} catch (LeaseLost lost) {
				log.info("Export {} was taken over by another node", job.id());
			} catch (RuntimeException e) {
				log.warn("Export {} failed", job.id(), e);
				transactions.executeWithoutResult(status -> jdbc.sql("""
						update exports set status = 'failed', error = :error, finished_at = :now, claimed_until = null
						where id = :id and attempts = :attempt""")
						.param("id", job.id()).param("attempt", job.attempts()).param("now", Timestamp.from(clock.instant()))
						.param("error", String.valueOf(e.getMessage())).update());
			}
			return null;
		});
	}

	private void extendLease(Job job, long rows) {
		var extended = transactions.execute(status -> jdbc.sql("""
				update exports set claimed_until = :until, rows = :rows
				where id = :id and status = 'running' and attempts = :attempt""")
				.param("id", job.id()).param("attempt", job.attempts()).param("rows", rows)
				.param("until", Timestamp.from(clock.instant().plus(lease))).update());
		if (extended == null || extended == 0) {
			throw new LeaseLost();
		}
	}

	private void finish(UUID workspaceId, Job job, long rows, long bytes) {
		transactions.executeWithoutResult(status -> {
			var now = clock.instant();
			var done = jdbc.sql("""
					update exports set status = 'done', rows = :rows, bytes = :bytes, finished_at = :now, expires_at = :expires,
					  claimed_until = null
					where id = :id and status = 'running' and attempts = :attempt""")
					.param("id", job.id()).param("attempt", job.attempts()).param("rows", rows).param("bytes", bytes)
					.param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(keepFor))).update();
			if (done == 0) {
				throw new LeaseLost();
			}
			events.publishEvent(new ExportReady(workspaceId, job.id(), job.userId(), job.kind(), job.format(), rows, job.language()));
		});
	}

	/** The user's export, or 404 (another user's is not theirs to see). */
	Job mine(UUID id, UUID userId) {
		return transactions.execute(status -> jdbc.sql("select * from exports where workspace_id = :ws and id = :id and user_id = :user")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("user", userId)
				.query((rs, n) -> job(rs)).optional())
				.orElseThrow(() -> new NotFoundException("entity.export"));
	}

	/** The user's exports, newest first (at most 50). */
	List<Job> mine(UUID userId) {
		return transactions.execute(status -> jdbc.sql(
				"select * from exports where workspace_id = :ws and user_id = :user order by created_at desc limit 50")
				.param("ws", WorkspaceContext.workspaceId()).param("user", userId).query((rs, n) -> job(rs)).list());
	}

	/** Copies a finished export's file to {@code out}, one chunk at a time. */
	void copy(UUID id, OutputStream out) {
		for (int seq = 0;; seq++) {
			var number = seq;
			var bytes = transactions.execute(status -> jdbc.sql(
					"select bytes from export_chunks where workspace_id = :ws and export_id = :id and seq = :seq")
					.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("seq", number)
					.query((rs, n) -> rs.getBytes(1)).optional());
			if (bytes == null || bytes.isEmpty()) {
				return;
			}
			try {
				out.write(bytes.get());
			} catch (java.io.IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	private Job job(java.sql.ResultSet rs) throws java.sql.SQLException {
		Map<String, List<String>> filter = json.readValue(rs.getString("filter"), new TypeReference<Map<String, List<String>>>() {
		});
		return new Job(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("kind"),
				rs.getString("format"), new LinkedMultiValueMap<>(filter), List.of((String[]) rs.getArray("columns").getArray()),
				rs.getString("language"), rs.getString("status"), rs.getLong("rows"), rs.getLong("bytes"), rs.getInt("attempts"),
				rs.getString("error"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("finished_at")),
				instant(rs.getTimestamp("expires_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	@PreDestroy
	void stop() {
		runner.shutdownNow();
	}

	/** Another node claimed the job after this one's lease ran out: this one stops writing. */
	private static final class LeaseLost extends RuntimeException {
		LeaseLost() {
			super(null, null, false, false);
		}
	}
}
