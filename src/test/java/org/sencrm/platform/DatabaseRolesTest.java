package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.sencrm.platform.database.EmbeddedPostgres;
import org.sencrm.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded PostgreSQL asks every role for its password, and the application's role owns no
 * table, so nothing the application runs can lift row-level security (decision 19).
 */
@IntegrationTest
class DatabaseRolesTest {

	@Autowired
	DataSource dataSource;

	@Test
	void theApplicationsRoleCannotLiftRowLevelSecurityOrBecomeTheOwner() throws SQLException {
		for (var statement : List.of("alter table persons disable row level security",
				"alter table persons no force row level security",
				"drop policy workspace_isolation on persons",
				"create policy everything on persons using (true)",
				"set role sen_owner",
				"alter table persons owner to sen",
				"create table smuggled (id int)")) {
			try (var connection = dataSource.getConnection(); var sql = connection.createStatement()) {
				assertThatThrownBy(() -> sql.execute(statement)).as(statement).isInstanceOf(SQLException.class)
						.satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(statement)
								.isEqualTo("42501")); // insufficient privilege
			}
		}
	}

	@Test
	void theApplicationsRoleOwnsNothingAndIsNoSuperuser() throws SQLException {
		try (var connection = dataSource.getConnection(); var sql = connection.createStatement()) {
			var rows = sql.executeQuery("""
					select current_user, r.rolsuper, r.rolbypassrls,
					  (select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user),
					  (select count(*) from pg_tables where schemaname = 'public' and tableowner = 'sen_owner')
					from pg_roles r where r.rolname = current_user""");
			rows.next();
			assertThat(rows.getString(1)).isEqualTo("sen");
			assertThat(rows.getBoolean(2)).isFalse();
			assertThat(rows.getBoolean(3)).isFalse();
			assertThat(rows.getInt(4)).isZero();
			assertThat(rows.getInt(5)).isGreaterThan(30);
		}
	}

	@Test
	void historyStaysAppendOnlyForTheApplicationAndForTheOwner() throws SQLException {
		for (var statement : List.of("update history set actor_name = 'x'", "delete from history", "truncate history")) {
			try (var connection = dataSource.getConnection(); var sql = connection.createStatement()) {
				assertThatThrownBy(() -> sql.execute(statement)).as(statement).hasMessageContaining("permission denied");
			}
		}
		try (var owner = EmbeddedPostgres.superuserConnection(url()); var sql = owner.createStatement()) {
			sql.execute("set role sen_owner");
			assertThatThrownBy(() -> sql.execute("delete from history")).hasMessageContaining("append-only");
		}
	}

	@Test
	void connectionsWithoutTheRightPasswordAreRefused() {
		for (var user : List.of("sen", "sen_owner", "postgres")) {
			for (var password : List.of("", "sen", "postgres")) {
				assertThatThrownBy(() -> connect(user, password)).as(user + " / '" + password + "'")
						.isInstanceOf(SQLException.class)
						// 28P01: the server refused the password; 08004: the driver will not even offer an empty one
						.satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
			}
		}
	}

	@Test
	void onlyPasswordsOverLoopbackAreAcceptedAndTheSecretIsTheJvmUsersAlone() throws Exception {
		var hba = Files.readString(Path.of("target/test-db/postgres/pg_hba.conf"));
		var rules = hba.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

		assertThat(rules).containsExactly("host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of("target/test-db/postgres-secret"))))
				.isEqualTo("rw-------");
	}

	private Connection connect(String user, String password) throws SQLException {
		return DriverManager.getConnection(url(), user, password);
	}

	private String url() throws SQLException {
		return dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
	}
}
