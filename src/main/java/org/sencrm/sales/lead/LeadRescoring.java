package org.sencrm.sales.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.sencrm.identity.AllWorkspaces;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly rescoring: rules such as "last touch within 14 days" stop holding while a lead
 * stays the same, so scores stored when the lead last changed would stay high. Once a day, per
 * workspace and as the system, the open leads that were ever touched — the only ones whose score
 * moves with the clock — are scored again, 500 at a time in id order (keyset), one transaction per
 * batch, and only changed scores are written. A workspace with no time-based rule is skipped.
 * Running on several nodes at once is harmless: each writes the same scores, and a lead changed
 * meanwhile keeps the score its change gave it.
 */
@Component
public class LeadRescoring {

	static final int BATCH = 500;

	private final AllWorkspaces workspaces;
	private final ScoringRules rules;
	private final LeadRepository leads;
	private final TransactionTemplate transactions;
	private final Clock clock;

	LeadRescoring(AllWorkspaces workspaces, ScoringRules rules, LeadRepository leads, PlatformTransactionManager transactions, Clock clock) {
		this.workspaces = workspaces;
		this.rules = rules;
		this.leads = leads;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(cron = "${sen.jobs.lead-rescore-cron:0 30 4 * * *}")
	public void runAll() {
		for (var workspace : workspaces.ids()) {
			run(workspace);
		}
	}

	/** One workspace's rescoring; returns how many scores changed. */
	public int run(UUID workspaceId) {
		return WorkspaceContext.callAsSystem(workspaceId, () -> {
			var current = rules.stored();
			if (current.stream().noneMatch(ScoringRule::timeBased)) {
				return 0;
			}
			var now = Instant.now(clock);
			var changed = 0;
			var after = new UUID(0, 0);
			while (true) {
				var from = after;
				var batch = transactions.execute(status -> {
					var open = leads.touchedOpenAfter(from, BATCH);
					var written = (int) open.stream().filter(lead -> leads.rescore(lead, ScoringRule.score(lead, current, now))).count();
					return new Batch(open.isEmpty() ? null : open.getLast().id(), open.size(), written);
				});
				changed += batch.written();
				if (batch.size() < BATCH) {
					return changed;
				}
				after = batch.last();
			}
		});
	}

	private record Batch(UUID last, int size, int written) {
	}
}
