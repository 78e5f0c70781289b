package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.platform.database.EmbeddedPostgres;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * History stays append-only while a person's values can be erased from it (V70, decision 26):
 * only sen_erase_history may change a line, and only by turning values into "[erased]".
 */
@IntegrationTest
class HistoryErasureTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	DataSource dataSource;

	TestWorkspaces.TestWorkspace workspace;
	String person;

	@BeforeEach
	void aPersonWithHistory() {
		workspace = workspaces.create();
		var admin = new Api(port, workspace.member(Role.ADMIN).token());
		person = admin.post("/api/v1/persons", Map.of("familyName", "Lý", "givenName", "Thường Kiệt",
				"emails", List.of(Map.of("address", "kiet.ly@example.vn")))).body().get("id").asString();
		admin.patch("/api/v1/persons/" + person, Map.of("source", "Hội chợ"));
	}

	@Test
	void noStatementChangesOrRemovesALineOutsideTheErasure() throws SQLException {
		// the application's role has no right to change history at all (decision 19) ...
		inWorkspace(connection -> {
			assertThatThrownBy(() -> connection.createStatement().executeUpdate(
					"update history set changes = '{}' where entity_id = '" + person + "'")).hasMessageContaining("permission denied");
		});
		// ... and even a role that has (the owner, a superuser) is stopped by the trigger
		asSuperuser(connection -> {
			assertThatThrownBy(() -> connection.createStatement().executeUpdate(
					"update history set changes = '{}' where entity_id = '" + person + "'")).hasMessageContaining("append-only");
		});
		asSuperuser(connection -> {
			assertThatThrownBy(() -> connection.createStatement().executeUpdate("delete from history where entity_id = '" + person + "'"))
					.hasMessageContaining("append-only");
		});
	}

	@Test
	void evenWithTheErasureFlagAnUpdateMayOnlyBlankValuesNeverWriteNewOnes() throws SQLException {
		asSuperuser(connection -> {
			connection.createStatement().execute("select set_config('sen.history_erasure', 'on', true)");
			assertThatThrownBy(() -> connection.createStatement().executeUpdate("""
					update history set changes = jsonb_set(changes, '{familyName,to}', '"Forged"')
					where entity_id = '%s' and action = 'created'""".formatted(person))).hasMessageContaining("append-only");
		});
		asSuperuser(connection -> {
			connection.createStatement().execute("select set_config('sen.history_erasure', 'on', true)");
			assertThatThrownBy(() -> connection.createStatement().executeUpdate(
					"update history set actor_name = 'Someone else' where entity_id = '" + person + "'"))
					.hasMessageContaining("append-only");
		});
		asSuperuser(connection -> {
			connection.createStatement().execute("select set_config('sen.history_erasure', 'on', true)");
			assertThatThrownBy(() -> connection.createStatement().executeUpdate(
					"update history set changes = changes - 'familyName' where entity_id = '" + person + "' and action = 'created'"))
					.as("a key may not go either").hasMessageContaining("append-only");
		});
	}

	@Test
	void theErasureBlanksTheValuesOfTheRecordAndWhereOthersQuoteThemKeepingKeysActorsAndTimes() throws SQLException {
		var other = new Api(port, workspace.member(Role.ADMIN).token()).post("/api/v1/organizations",
				Map.of("name", "Công ty của kiet.ly@example.vn", "industry", "Thương mại")).body().get("id").asString();

		inWorkspace(connection -> {
			var erased = connection.prepareStatement("select sen_erase_history(?, ?, ?)");
			erased.setObject(1, workspace.id());
			erased.setArray(2, connection.createArrayOf("uuid", new Object[] {UUID.fromString(person)}));
			erased.setArray(3, connection.createArrayOf("text", new Object[] {"kiet.ly@example.vn", "mại"}));
			var result = erased.executeQuery();
			result.next();
			assertThat(result.getInt(1)).isEqualTo(3);
			var lines = connection.createStatement().executeQuery("""
					select changes::text, actor_name from history where entity_id = '%s' order by at""".formatted(person));
			lines.next();
			assertThat(lines.getString(1)).contains("\"familyName\": {\"to\": \"[erased]\"}").doesNotContain("Lý", "kiet.ly");
			assertThat(lines.getString(2)).startsWith("Admin");
			lines.next();
			assertThat(lines.getString(1)).contains("\"source\": {\"to\": \"[erased]\"}");
			var quoted = connection.createStatement().executeQuery(
					"select changes::text from history where entity_id = '" + other + "'");
			quoted.next();
			assertThat(quoted.getString(1)).as("only the value that names them")
					.contains("\"name\": {\"to\": \"[erased]\"}", "\"industry\": {\"to\": \"Thương mại\"}");
		});
	}

	@Test
	void theErasureRefusesAnotherWorkspacesHistory() throws SQLException {
		var other = workspaces.create();
		inWorkspace(connection -> {
			var erased = connection.prepareStatement("select sen_erase_history(?, ?, ?)");
			erased.setObject(1, other.id());
			erased.setArray(2, connection.createArrayOf("uuid", new Object[] {UUID.fromString(person)}));
			erased.setArray(3, connection.createArrayOf("text", new Object[] {}));
			assertThatThrownBy(erased::executeQuery).hasMessageContaining("workspace of the transaction");
		});
	}

	interface Work {
		void run(Connection connection) throws SQLException;
	}

	/** A transaction bound to the test's workspace, as the application's role, rolled back after. */
	private void inWorkspace(Work work) throws SQLException {
		try (var connection = dataSource.getConnection()) {
			inWorkspace(connection, work);
		}
	}

	/** The same as the database's superuser, who has every right on the table and bypasses row-level security. */
	private void asSuperuser(Work work) throws SQLException {
		var url = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
		try (var connection = EmbeddedPostgres.superuserConnection(url)) {
			inWorkspace(connection, work);
		}
	}

	private void inWorkspace(Connection connection, Work work) throws SQLException {
		connection.setAutoCommit(false);
		try {
			connection.createStatement().execute("select set_config('sen.workspace_id', '" + workspace.id() + "', true)");
			work.run(connection);
		} finally {
			connection.rollback();
		}
	}
}
