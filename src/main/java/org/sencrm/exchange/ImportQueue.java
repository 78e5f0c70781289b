package org.sencrm.exchange;

import java.util.List;
import java.util.UUID;

import org.sencrm.identity.AllWorkspaces;
import org.sencrm.platform.AfterCommit;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where imports wait and who runs them. A new import starts on the node that took the upload, right
 * after its transaction commits, on this node's import thread ({@code sen.imports.threads}, 1 by
 * default: an import keeps a core busy). Every 30 seconds, and once after start, each node also
 * looks for work in every workspace: running imports whose node is gone (their transaction was
 * rolled back by PostgreSQL when its connection died, so nothing of them is stored) are queued again
 * with the note {@code restarted}, and queued imports are run. The claim is an update in PostgreSQL,
 * so one node runs each import.
 */
@Component
class ImportQueue implements DisposableBean {

	private final ImportRunner runner;
	private final ImportJobs jobs;
	private final AllWorkspaces workspaces;
	private final TransactionTemplate transaction;
	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	ImportQueue(ImportRunner runner, ImportJobs jobs, AllWorkspaces workspaces, PlatformTransactionManager transactions,
			@org.springframework.beans.factory.annotation.Value("${sen.imports.threads:1}") int threads) {
		this.runner = runner;
		this.jobs = jobs;
		this.workspaces = workspaces;
		this.transaction = new TransactionTemplate(transactions);
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setThreadNamePrefix("import-");
		executor.setWaitForTasksToCompleteOnShutdown(false);
		executor.initialize();
	}

	/** Runs the job on this node once the current transaction has committed. */
	void startAfterCommit(UUID jobId) {
		var workspaceId = WorkspaceContext.workspaceId();
		AfterCommit.run(() -> executor.execute(() -> runner.run(workspaceId, jobId)));
	}

	@Scheduled(fixedDelayString = "${sen.jobs.imports-every:PT30S}", initialDelayString = "PT15S")
	void round() {
		for (var workspaceId : workspaces.ids()) {
			var waiting = recover(workspaceId);
			waiting.forEach(jobId -> executor.execute(() -> runner.run(workspaceId, jobId)));
		}
	}

	/**
	 * Queues again the workspace's running imports whose node is gone and returns the imports waiting
	 * to run. An import whose transaction is alive holds its row, so it is never taken from a live node.
	 */
	List<UUID> recover(UUID workspaceId) {
		return WorkspaceContext.callAsSystem(workspaceId, () -> transaction.execute(tx -> {
			jobs.requeueAbandoned();
			return jobs.queued();
		}));
	}

	@Override
	public void destroy() {
		executor.shutdown();
	}
}
