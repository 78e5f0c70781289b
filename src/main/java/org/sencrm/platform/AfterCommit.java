package org.sencrm.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must wait until the current transaction has committed (files to remove, caches to forget). */
public final class AfterCommit {

	private AfterCommit() {
	}

	/** Runs {@code work} once the current transaction commits (not if it rolls back); at once when there is none. */
	public static void run(Runnable work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			work.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				work.run();
			}
		});
	}
}
