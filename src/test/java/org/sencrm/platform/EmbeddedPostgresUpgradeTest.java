package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.sencrm.SenCrmApplication;
import org.sencrm.platform.database.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A data folder made by a version before decision 19 — every local connection trusted, the
 * application's role {@code sen} (password "sen") owning the database and its tables — keeps
 * working, and is secured at its first start: passwords required, tables handed to the owner.
 */
class EmbeddedPostgresUpgradeTest {

	@Test
	void anOlderDataFolderIsSecuredAtStartAndKeepsItsData() throws Exception {
		var dataDir = Path.of("target/upgrade-data-" + System.nanoTime());
		try (var first = start(dataDir)) {
			assertThat(first.isRunning()).isTrue();
		}
		makeItLikeAnOlderVersion(dataDir.resolve("postgres"));

		try (var app = start(dataDir)) {
			var url = app.getBean(javax.sql.DataSource.class).unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
			try (var superuser = EmbeddedPostgres.superuserConnection(url); var sql = superuser.createStatement()) {
				var rows = sql.executeQuery("""
						select (select count(*) from credentials where email = 'upgrade@sen.test'),
						  (select count(*) from pg_tables where schemaname = 'public' and tableowner = 'sen'),
						  (select pg_get_userbyid(datdba) from pg_database where datname = 'sen')""");
				rows.next();
				assertThat(rows.getInt(1)).as("the data is still there").isEqualTo(1);
				assertThat(rows.getInt(2)).as("tables still owned by the application's role").isZero();
				assertThat(rows.getString(3)).isEqualTo("sen_owner");
			}
			assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf")).lines().filter(line -> !line.startsWith("#")))
					.isNotEmpty().noneMatch(line -> line.contains("trust") || line.startsWith("local"));
			assertThatThrownBy(() -> DriverManager.getConnection(url, "sen", "sen")).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "x")).isInstanceOf(SQLException.class);
			try (var connection = app.getBean(javax.sql.DataSource.class).getConnection(); var sql = connection.createStatement()) {
				assertThatThrownBy(() -> sql.execute("alter table persons disable row level security"))
						.hasMessageContaining("must be owner");
			}
		}
	}

	/** As versions before decision 19 left it: trust for every local connection, sen owning everything, no owner role, no secret. */
	private static void makeItLikeAnOlderVersion(Path folder) throws Exception {
		var server = EmbeddedPostgres.start(folder, 0, false);
		try {
			try (var connection = server.superuser("sen"); var sql = connection.createStatement()) {
				sql.execute("reassign owned by sen_owner to sen");
				sql.execute("drop owned by sen_owner");
			}
			try (var connection = server.superuser("postgres"); var sql = connection.createStatement()) {
				sql.execute("drop role sen_owner");
				sql.execute("alter role sen password 'sen'");
				sql.execute("alter role postgres password null");
				Files.writeString(folder.resolve("pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
				sql.execute("select pg_reload_conf()");
			}
		} finally {
			server.close();
		}
		Files.delete(folder.resolveSibling("postgres-secret"));
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(SenCrmApplication.class).run("--sen.data-dir=" + dataDir, "--server.port=0",
				"--sen.embedded-db.durable=false", "--sen.demo-data=false", "--sen.jobs.enabled=false",
				"--sen.security.bcrypt-strength=4", "--sen.admin.email=upgrade@sen.test", "--sen.admin.password=quiet-heron-lantern-58");
	}
}
