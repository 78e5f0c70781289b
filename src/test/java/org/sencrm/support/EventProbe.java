package org.sencrm.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.sencrm.platform.WorkspaceContext;
import org.sencrm.platform.WorkspaceEvent;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A listener that tests make fail on purpose, to see failed deliveries retried: the first
 * {@code failures} deliveries of a {@link Probed} event throw, the others succeed. It keeps every
 * run with the workspace it ran in, as the application and as PostgreSQL saw it.
 */
@TestComponent
public class EventProbe {

	/** An event for the probe, of one workspace; {@code failures} of its deliveries fail first. */
	public record Probed(UUID workspaceId, UUID id, int failures) implements WorkspaceEvent {
	}

	/** One delivery: the scope bound for the listener, {@code sen.workspace_id} in its transaction, and whether it threw. */
	public record Run(WorkspaceContext.Scope scope, String databaseWorkspace, boolean failed) {
	}

	private final Map<UUID, List<Run>> runs = new ConcurrentHashMap<>();
	private final JdbcClient jdbc;

	EventProbe(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(Probed event) {
		var mine = runs.computeIfAbsent(event.id(), id -> new CopyOnWriteArrayList<>());
		var fail = mine.size() < event.failures();
		var database = jdbc.sql("select current_setting('sen.workspace_id', true)").query(String.class).single();
		mine.add(new Run(WorkspaceContext.current(), database, fail));
		if (fail) {
			throw new IllegalStateException("Probe " + event.id() + " fails on purpose");
		}
	}

	public List<Run> runs(UUID id) {
		return List.copyOf(runs.getOrDefault(id, List.of()));
	}

	public long successes(UUID id) {
		return runs(id).stream().filter(run -> !run.failed()).count();
	}
}
