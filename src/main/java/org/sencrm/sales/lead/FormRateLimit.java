package org.sencrm.sales.lead;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.sencrm.platform.WorkspaceContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * At most {@code sen.web-forms.rate-limit} submissions per form and client address in each
 * window of {@code sen.web-forms.rate-window} (fixed windows). Counted in PostgreSQL with one
 * upsert, so every app node sees the same count, and in its own transaction, so refused and
 * invalid submissions count too.
 */
@Component
class FormRateLimit {

	private final JdbcClient jdbc;
	private final int limit;
	private final Duration window;
	private final Clock clock;

	FormRateLimit(JdbcClient jdbc, @Value("${sen.web-forms.rate-limit:5}") int limit,
			@Value("${sen.web-forms.rate-window:PT1M}") Duration window, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.limit = limit;
		this.window = window;
	}

	Duration window() {
		return window;
	}

	/** Counts a submission; false when this client has sent too many to this form in the current window. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean tryHit(UUID formId, String client) {
		var now = clock.millis();
		var start = Instant.ofEpochMilli(now - now % window.toMillis());
		var hits = jdbc.sql("""
				insert into web_form_hits (workspace_id, form_id, client, window_start, hits) values (:ws, :form, :client, :start, 1)
				on conflict (form_id, client, window_start) do update set hits = web_form_hits.hits + 1
				returning hits""")
				.param("ws", WorkspaceContext.workspaceId()).param("form", formId).param("client", client)
				.param("start", Timestamp.from(start)).query(Integer.class).single();
		if (hits == 1) {
			// a new window: forget this form's old ones
			jdbc.sql("delete from web_form_hits where workspace_id = :ws and form_id = :form and window_start < :start")
					.param("ws", WorkspaceContext.workspaceId()).param("form", formId).param("start", Timestamp.from(start)).update();
		}
		return hits <= limit;
	}
}
