package org.sencrm.platform;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Who is working in which workspace on the current thread. Every transaction opened while a
 * context is set is bound to its workspace in PostgreSQL; without one, tenant tables look empty.
 */
public final class WorkspaceContext {

	/** The actor of a unit of work: a signed-in user, or the system itself ({@code actorId} null). */
	public record Scope(UUID workspaceId, UUID actorId, String actorName) {
	}

	private static final ThreadLocal<Scope> current = new ThreadLocal<>();

	private WorkspaceContext() {
	}

	public static Scope current() {
		return current.get();
	}

	public static UUID workspaceId() {
		var scope = current.get();
		if (scope == null) {
			throw new IllegalStateException("No workspace bound to this thread");
		}
		return scope.workspaceId();
	}

	public static void set(Scope scope) {
		current.set(scope);
	}

	public static void clear() {
		current.remove();
	}

	/** Runs work as the system inside the given workspace, restoring the previous context after. */
	public static <T> T callAsSystem(UUID workspaceId, Supplier<T> work) {
		return callAs(new Scope(workspaceId, null, "system"), work);
	}

	public static <T> T callAs(Scope scope, Supplier<T> work) {
		var previous = current.get();
		current.set(scope);
		try {
			return work.get();
		} finally {
			if (previous == null) {
				current.remove();
			} else {
				current.set(previous);
			}
		}
	}

	public static void runAsSystem(UUID workspaceId, Runnable work) {
		callAsSystem(workspaceId, () -> {
			work.run();
			return null;
		});
	}
}
