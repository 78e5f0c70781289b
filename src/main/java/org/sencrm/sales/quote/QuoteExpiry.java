package org.sencrm.sales.quote;

import java.time.Clock;
import java.util.UUID;

import org.sencrm.identity.AllWorkspaces;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.pricing.LinePricing;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Daily: sent quotes past their validity date become expired (one update per workspace, safe on several nodes). */
@Component
class QuoteExpiry {

	private final AllWorkspaces workspaces;
	private final UserDirectory users;
	private final Quotes quotes;
	private final Clock clock;

	QuoteExpiry(AllWorkspaces workspaces, UserDirectory users, Quotes quotes, Clock clock) {
		this.workspaces = workspaces;
		this.users = users;
		this.quotes = quotes;
		this.clock = clock;
	}

	@Scheduled(cron = "${sen.jobs.quote-expiry-cron:0 5 0 * * *}")
	void runAll() {
		for (var workspace : workspaces.ids()) {
			run(workspace);
		}
	}

	int run(UUID workspaceId) {
		return WorkspaceContext.callAsSystem(workspaceId, () -> quotes.expireOverdue(users.workspace().today(clock)));
	}
}
