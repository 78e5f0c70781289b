package org.sencrm.timeline.notification;

import java.util.Locale;

import org.sencrm.directory.ExportReady;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells a user that the export they started is ready, in their language, with a link to its download page. */
@Component
class ExportNotifications {

	private final Notifications notifications;
	private final MessageSource messages;
	private final JdbcClient jdbc;

	ExportNotifications(Notifications notifications, MessageSource messages, JdbcClient jdbc) {
		this.notifications = notifications;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(ExportReady ready) {
		var link = "/exports/" + ready.exportId();
		var told = jdbc.sql("select count(*) from notifications where workspace_id = :ws and user_id = :user and link = :link")
				.param("ws", ready.workspaceId()).param("user", ready.userId()).param("link", link).query(Long.class).single();
		if (told > 0) {
			return; // a delivery run again (decision 25) tells no one twice
		}
		var locale = Locale.forLanguageTag(ready.language() == null ? "vi" : ready.language());
		var kind = messages.getMessage("export.kind." + ready.kind(), null, ready.kind(), locale);
		var text = messages.getMessage("export.ready", new Object[] {kind, ready.rows()}, locale);
		notifications.notify(ready.userId(), "export-ready", text, link);
	}
}
