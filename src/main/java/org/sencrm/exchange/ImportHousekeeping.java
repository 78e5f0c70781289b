package org.sencrm.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.sencrm.identity.AllWorkspaces;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nightly (with {@code sen.jobs.enabled}, decision 36): drafts of imports never started are removed
 * after a day ({@code sen.imports.drafts-kept}), file and all; the stored file of a finished import
 * goes once its undo period is over ({@code sen.imports.files-kept}, 7 days), leaving the job, its
 * counters and its failures. Each workspace in its own transaction; rows are claimed with
 * {@code for update skip locked}, so several nodes running it at once share the work and never wait
 * on each other; running it twice changes nothing more.
 */
@Component
class ImportHousekeeping {

	/** What one round removed. */
	record Removed(int drafts, int fileParts) {
	}

	private final AllWorkspaces workspaces;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final Duration draftsKept;
	private final Duration filesKept;

	ImportHousekeeping(AllWorkspaces workspaces, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			@Value("${sen.imports.drafts-kept:P1D}") Duration draftsKept,
			@Value("${sen.imports.files-kept:P7D}") Duration filesKept) {
		this.workspaces = workspaces;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.draftsKept = draftsKept;
		this.filesKept = filesKept;
	}

	@Scheduled(cron = "${sen.jobs.import-housekeeping-cron:0 20 3 * * *}")
	void runAll() {
		for (var workspace : workspaces.ids()) {
			run(workspace);
		}
	}

	/** One workspace's round as of the clock's now. */
	Removed run(UUID workspaceId) {
		var now = Instant.now(clock);
		return WorkspaceContext.callAsSystem(workspaceId, () -> transactions.execute(tx -> {
			var ws = WorkspaceContext.workspaceId();
			int drafts = jdbc.sql("""
					delete from import_jobs where id in (
					  select id from import_jobs where workspace_id = :ws and status = 'draft' and created_at < :before
					  for update skip locked)""")
					.param("ws", ws).param("before", Timestamp.from(now.minus(draftsKept))).update();
			int fileParts = jdbc.sql("""
					delete from import_files f using (
					  select id from import_jobs where workspace_id = :ws and status in ('done', 'failed', 'cancelled', 'undone')
					    and finished_at < :before
					  for update skip locked) j
					where f.job_id = j.id and f.workspace_id = :ws""")
					.param("ws", ws).param("before", Timestamp.from(now.minus(filesKept))).update();
			return new Removed(drafts, fileParts);
		}));
	}
}
