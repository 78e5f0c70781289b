package org.sencrm.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections bound to the workspace of the current thread: the setting
 * {@code sen.workspace_id}, which the row-level security policies read, holds the thread's
 * workspace (or nothing, which sees no tenant rows) on every connection taken from the pool, with
 * or without a transaction. The setting is the session's and is written only when it changes:
 * each physical connection remembers what it holds, so a request of the same workspace as the
 * last user of its connection saves a round trip to the database (decision 27). Written with
 * auto-commit on, it cannot be undone by a rollback; if writing it fails, the connection is
 * given back and nothing is remembered.
 */
final class WorkspaceConnections extends DelegatingDataSource implements AutoCloseable {

	/** What each physical connection's session holds; weak, so that closed connections go. */
	private final Map<PGConnection, String> held = Collections.synchronizedMap(new WeakHashMap<>());

	WorkspaceConnections(DataSource pool) {
		super(pool);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return bound(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return bound(super.getConnection(username, password));
	}

	private Connection bound(Connection connection) throws SQLException {
		try {
			var scope = WorkspaceContext.current();
			var wanted = scope == null ? "" : scope.workspaceId().toString();
			var session = connection.unwrap(PGConnection.class);
			if (!wanted.equals(held.get(session))) {
				if (!connection.getAutoCommit()) {
					throw new IllegalStateException("connections must come from the pool with auto-commit on");
				}
				held.remove(session);
				try (var statement = connection.prepareStatement("select set_config('sen.workspace_id', ?, false)")) {
					statement.setString(1, wanted);
					statement.execute();
				}
				held.put(session, wanted);
			}
			return connection;
		} catch (SQLException | RuntimeException e) {
			connection.close();
			throw e;
		}
	}

	@Override
	public void close() throws Exception {
		if (getTargetDataSource() instanceof AutoCloseable pool) {
			pool.close();
		}
	}
}
