package org.sencrm.trash;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sencrm.identity.AllWorkspaces;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nightly: trash entries older than their workspace's retention are removed for good, each in its own
 * transaction, claimed with {@code for update skip locked} so several app nodes share the work and
 * never purge one twice. An entry that cannot be purged (a record that something live still points
 * at) is logged and left for the next night; the others go on.
 */
@Component
public class TrashPurge {

	private static final Logger log = LoggerFactory.getLogger(TrashPurge.class);

	private final AllWorkspaces workspaces;
	private final TrashEntries entries;
	private final TrashSettings settings;
	private final TransactionTemplate transactions;
	private final Clock clock;

	TrashPurge(AllWorkspaces workspaces, TrashEntries entries, TrashSettings settings, PlatformTransactionManager transactions,
			Clock clock) {
		this.workspaces = workspaces;
		this.entries = entries;
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(cron = "${sen.jobs.trash-purge-cron:0 45 2 * * *}")
	public void runAll() {
		var now = Instant.now(clock);
		for (var workspace : workspaces.ids()) {
			run(workspace, now);
		}
	}

	/** One workspace's purge as of {@code now}; returns how many entries it removed. */
	public int run(UUID workspaceId, Instant now) {
		return WorkspaceContext.callAsSystem(workspaceId, () -> {
			var cutoff = now.minus(Duration.ofDays(settings.retentionDays()));
			var skipped = new HashSet<UUID>();
			var purged = 0;
			while (true) {
				var next = transactions.execute(status -> entries.nextDue(cutoff, skipped));
				if (next == null || next.isEmpty()) {
					return purged;
				}
				var id = next.get();
				try {
					if (Boolean.TRUE.equals(transactions.execute(status -> entries.purgeIfDue(id, cutoff, now)))) {
						purged++;
					} else {
						skipped.add(id);
					}
				} catch (RuntimeException e) {
					log.warn("Trash entry {} of workspace {} could not be purged; it stays for the next run", id, workspaceId, e);
					skipped.add(id);
				}
			}
		});
	}
}
