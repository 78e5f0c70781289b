package org.sencrm.platform.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Binds each transaction to the workspace of the current thread with a transaction-local
 * setting, {@code sen.workspace_id}, that the row-level security policies read. A transaction
 * begun without a workspace sees no tenant rows at all.
 */
class WorkspaceTransactionManager extends JdbcTransactionManager {

	WorkspaceTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition) throws SQLException {
		super.prepareTransactionalConnection(connection, definition);
		var scope = WorkspaceContext.current();
		try (var statement = connection.prepareStatement("select set_config('sen.workspace_id', ?, true)")) {
			statement.setString(1, scope == null ? "" : scope.workspaceId().toString());
			statement.execute();
		}
	}
}
