package org.sencrm.timeline.notification;

import org.sencrm.exchange.ImportFinished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the user who started an import that it ended, with a link to it; once, however often the event comes. */
@Component
class ImportNotices {

	private final Notifications notifications;

	ImportNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(ImportFinished finished) {
		notifications.notifyOnce(finished.userId(), "import", finished.message(), finished.link());
	}
}
