package org.sencrm.platform.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the migrations, as the role that ran them (the schema's owner): the application's role
 * may read and write the rows of every table — and of every table later migrations make — but owns
 * none, so it can neither lift row-level security nor drop a policy; {@code history} is
 * append-only for it (no update, delete or truncate); the migrations' own table is not its to touch.
 *
 * <p>When the application signs in as the same role that owns the tables (an external database
 * set up with one role), nothing is granted and a warning says what that allows (decision 19).
 */
class DatabaseRoles implements Callback {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

	private final DataSource application;

	DatabaseRoles(DataSource application) {
		this.application = application;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			var owner = currentUser(context.getConnection());
			String app;
			try (var connection = application.getConnection()) {
				app = currentUser(connection);
			}
			if (owner.equals(app)) {
				log.warn("The database role '{}' both runs the migrations and serves the application, so it owns the tables: "
						+ "a statement of the application could lift row-level security. Give the migrations a role of their own "
						+ "(spring.flyway.user / spring.flyway.password; README, 'External PostgreSQL').", app);
				return;
			}
			var role = quoted(app);
			var historyTable = quoted(context.getConfiguration().getTable());
			try (var statement = context.getConnection().createStatement()) {
				statement.execute("grant usage on schema public to " + role);
				statement.execute("grant select, insert, update, delete on all tables in schema public to " + role);
				statement.execute("grant usage, select, update on all sequences in schema public to " + role);
				statement.execute("grant execute on all functions in schema public to " + role);
				statement.execute("alter default privileges in schema public grant select, insert, update, delete on tables to " + role);
				statement.execute("alter default privileges in schema public grant usage, select, update on sequences to " + role);
				statement.execute("alter default privileges in schema public grant execute on functions to " + role);
				statement.execute("revoke all on table " + historyTable + " from " + role);
				statement.execute("revoke update, delete, truncate on table history from " + role);
			}
		} catch (SQLException e) {
			throw new IllegalStateException("Could not grant the application's database role its rights", e);
		}
	}

	@Override
	public String getCallbackName() {
		return "sen-database-roles";
	}

	private static String currentUser(Connection connection) throws SQLException {
		try (var statement = connection.createStatement(); var rows = statement.executeQuery("select current_user")) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static String quoted(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}
}
