package org.sencrm.directory.duplicates;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.platform.AfterCommit;
import org.sencrm.platform.Ids;
import org.sencrm.platform.WorkspaceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans in the background, cluster-safe: asking for a scan stores it as queued (at most one queued
 * or running per workspace and kind, a unique index, so a second request — from any node — gets
 * the open one); after the commit a worker thread claims it ({@code update … where status =
 * 'queued'}, which one node wins) and runs it in one transaction. A scan left queued or running by
 * a node that died is marked failed when the next one is asked for.
 */
@Service
public class DuplicateScans {

	/** A scan as the API shows it. */
	public record Scan(UUID id, String type, String status, Instant requestedAt, Instant startedAt, Instant finishedAt,
			Long candidates, Integer pairs, Integer groups) {
	}

	private static final Logger log = LoggerFactory.getLogger(DuplicateScans.class);
	private static final Duration ABANDONED = Duration.ofHours(2);

	private final JdbcClient jdbc;
	private final DuplicateFinder finder;
	private final Access access;
	private final TaskExecutor executor;
	private final TransactionTemplate transactions;
	private final Clock clock;

	DuplicateScans(JdbcClient jdbc, DuplicateFinder finder, Access access, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.finder = finder;
		this.access = access;
		this.executor = executor;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Asks for a fresh scan of this kind (any user who writes); returns it, or the one already open. */
	@Transactional
	public Scan start(String type) {
		access.requireWrite();
		var kind = DuplicateKind.checked(type);
		return request(kind, access.currentUser().id());
	}

	/**
	 * Asks for a scan as the system (after an import, say): the same queue, no user. Returns the scan,
	 * or the one already open.
	 */
	@Transactional
	public Scan startAsSystem(String type) {
		return request(DuplicateKind.checked(type), null);
	}

	private Scan request(DuplicateKind kind, UUID requestedBy) {
		var ws = WorkspaceContext.workspaceId();
		var now = Instant.now(clock);
		jdbc.sql("""
				update duplicate_scans set status = 'failed', finished_at = :now
				where workspace_id = :ws and entity = :entity and status in ('queued', 'running') and requested_at < :abandoned""")
				.param("ws", ws).param("entity", kind.key()).param("now", Timestamp.from(now))
				.param("abandoned", Timestamp.from(now.minus(ABANDONED))).update();
		var id = Ids.next();
		var inserted = jdbc.sql("""
				insert into duplicate_scans (id, workspace_id, entity, status, requested_by, requested_at)
				values (:id, :ws, :entity, 'queued', :by, :at)
				on conflict (workspace_id, entity) where status in ('queued', 'running') do nothing""")
				.param("id", id).param("ws", ws).param("entity", kind.key()).param("by", requestedBy)
				.param("at", Timestamp.from(now)).update();
		if (inserted == 1) {
			var scope = WorkspaceContext.current();
			AfterCommit.run(() -> executor.execute(() -> WorkspaceContext.callAs(scope, () -> {
				run(id);
				return null;
			})));
			return find(id).orElseThrow();
		}
		return latest(kind.key()).orElseThrow();
	}

	/** Claims the queued scan (one node wins) and runs it; a failure marks it failed. */
	void run(UUID id) {
		var claimed = transactions.execute(status -> jdbc.sql("""
				update duplicate_scans set status = 'running', started_at = :now
				where workspace_id = :ws and id = :id and status = 'queued' returning entity""")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("now", Timestamp.from(Instant.now(clock)))
				.query(String.class).optional());
		if (claimed == null || claimed.isEmpty()) {
			return;
		}
		try {
			transactions.executeWithoutResult(status -> {
				var found = finder.scan(claimed.get());
				jdbc.sql("""
						update duplicate_scans set status = 'done', finished_at = :now, candidates = :candidates, pairs = :pairs,
						  groups = :groups
						where workspace_id = :ws and id = :id""")
						.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("now", Timestamp.from(Instant.now(clock)))
						.param("candidates", found.candidates()).param("pairs", found.pairs()).param("groups", found.groups())
						.update();
			});
		} catch (RuntimeException e) {
			log.warn("Duplicate scan {} of workspace {} failed", id, WorkspaceContext.workspaceId(), e);
			transactions.executeWithoutResult(status -> jdbc.sql("""
					update duplicate_scans set status = 'failed', finished_at = :now where workspace_id = :ws and id = :id""")
					.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("now", Timestamp.from(Instant.now(clock)))
					.update());
		}
	}

	@Transactional(readOnly = true)
	public Optional<Scan> find(UUID id) {
		return jdbc.sql("select * from duplicate_scans where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).query(this::scan).optional();
	}

	/** The newest scan of this kind, if any. */
	@Transactional(readOnly = true)
	public Optional<Scan> latest(String type) {
		var kind = DuplicateKind.checked(type);
		return jdbc.sql("""
				select * from duplicate_scans where workspace_id = :ws and entity = :entity order by requested_at desc, id desc limit 1""")
				.param("ws", WorkspaceContext.workspaceId()).param("entity", kind.key()).query(this::scan).optional();
	}

	/** Runs a scan now, in the caller's thread and transaction (tests and benchmarks of the finder itself). */
	@Transactional
	public DuplicateFinder.Found scanNow(String type) {
		return finder.scan(DuplicateKind.checked(type).key());
	}

	private Scan scan(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Scan(rs.getObject("id", UUID.class), rs.getString("entity"), rs.getString("status"),
				instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
				rs.getObject("candidates", Long.class), rs.getObject("pairs", Integer.class), rs.getObject("groups", Integer.class));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static List<String> types() {
		return List.of(DuplicateKind.PERSON.key(), DuplicateKind.ORGANIZATION.key());
	}
}
