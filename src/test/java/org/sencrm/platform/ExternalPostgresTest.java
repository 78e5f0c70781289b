package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sencrm.SenCrmApplication;
import org.sencrm.platform.database.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * With the standard spring.datasource.* settings the application uses that PostgreSQL and
 * starts no database of its own. The "external" server here is started separately, as an
 * operator would run theirs.
 */
class ExternalPostgresTest {

	@Test
	void usesTheConfiguredDatabaseInsteadOfItsOwn() throws Exception {
		var external = EmbeddedPostgres.start(Path.of("target/external-pg"), 0, false, true);
		external.createSingleRoleDatabase("crm", "crm_app", "s3cret-app-password");
		var dataDir = Path.of("target/external-data-" + System.nanoTime());
		try (var app = new SpringApplicationBuilder(SenCrmApplication.class).run(
				"--spring.datasource.url=" + external.jdbcUrl("crm"),
				"--spring.datasource.username=crm_app",
				"--spring.datasource.password=s3cret-app-password",
				"--sen.data-dir=" + dataDir,
				"--server.port=0",
				"--sen.demo-data=false",
				"--sen.security.bcrypt-strength=4",
				"--sen.admin.email=ops@external.test",
				"--sen.admin.password=copper-kite-meadow-73")) {

			try (var connection = external.superuser("crm");
					var rows = connection.createStatement().executeQuery(
							"select count(*) from credentials where email = 'ops@external.test'")) {
				rows.next();
				assertThat(rows.getInt(1)).isEqualTo(1);
			}
			// no embedded database; the data folder holds only the secret key (sen.secret-key is not set)
			assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
			try (var files = Files.list(dataDir)) {
				assertThat(files.map(f -> f.getFileName().toString())).containsExactly("secret.key");
			}
		} finally {
			external.close();
		}
	}

	@Test
	void withAnOwnerRoleForTheMigrationsTheApplicationsRoleOwnsNoTable() throws Exception {
		var external = EmbeddedPostgres.start(Path.of("target/external-pg-two-roles"), 0, false, true);
		// as the README says
		try (var connection = external.superuser("postgres"); var sql = connection.createStatement()) {
			sql.execute("create role crm_owner login password 'owner-password' nosuperuser nobypassrls");
			sql.execute("create role crm_app login password 'app-password' nosuperuser nobypassrls");
			sql.execute("create database crm owner crm_owner encoding 'UTF8' template template0");
		}
		try (var connection = external.superuser("crm"); var sql = connection.createStatement()) {
			sql.execute("revoke create on schema public from public");
			sql.execute("grant usage on schema public to crm_app");
		}
		try (var app = new SpringApplicationBuilder(SenCrmApplication.class).run(
				"--spring.datasource.url=" + external.jdbcUrl("crm"),
				"--spring.datasource.username=crm_app",
				"--spring.datasource.password=app-password",
				"--spring.flyway.user=crm_owner",
				"--spring.flyway.password=owner-password",
				"--sen.data-dir=target/external-data-" + System.nanoTime(),
				"--server.port=0",
				"--sen.demo-data=false",
				"--sen.security.bcrypt-strength=4",
				"--sen.admin.email=ops@two-roles.test",
				"--sen.admin.password=copper-kite-meadow-73")) {

			try (var connection = external.superuser("crm");
					var rows = connection.createStatement().executeQuery("""
							select (select count(*) from credentials where email = 'ops@two-roles.test'),
							  (select count(*) from pg_tables where schemaname = 'public' and tableowner = 'crm_app')""")) {
				rows.next();
				assertThat(rows.getInt(1)).as("the application wrote through crm_app").isEqualTo(1);
				assertThat(rows.getInt(2)).isZero();
			}
			try (var connection = app.getBean(javax.sql.DataSource.class).getConnection(); var sql = connection.createStatement()) {
				org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.execute("alter table persons disable row level security"))
						.hasMessageContaining("must be owner");
				org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.execute("delete from history"))
						.hasMessageContaining("permission denied");
			}
		} finally {
			external.close();
		}
	}
}
