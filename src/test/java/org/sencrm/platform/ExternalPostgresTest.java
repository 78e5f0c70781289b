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
				"--sen.admin.password=external-admin-password")) {

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
}
