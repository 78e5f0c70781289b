package org.sencrm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.sencrm.SenCrmApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Sen CRM started afresh for one benchmark: a new embedded database in {@code dataDir} (an earlier
 * run's is deleted), no demo data, no background jobs, on a free port of 127.0.0.1, with the first
 * administrator signed in through the API.
 *
 * @param http    API client with the administrator's token
 * @param me      the administrator as {@code GET /api/v1/me} answers (id, workspaceId…)
 * @param jdbcUrl the embedded database, for set-based loading as the superuser {@code postgres}
 */
record BenchApp(ConfigurableApplicationContext context, int port, Http http, JsonNode me, String jdbcUrl)
		implements AutoCloseable {

	static BenchApp start(Path dataDir, String adminEmail, String password) throws IOException, java.sql.SQLException {
		return start(dataDir, adminEmail, password, false);
	}

	/** As {@link #start(Path, String, String)}; with {@code keep}, an earlier run's database in {@code dataDir} is used again. */
	static BenchApp start(Path dataDir, String adminEmail, String password, boolean keep) throws IOException, java.sql.SQLException {
		if (!keep && Files.exists(dataDir)) {
			try (var files = Files.walk(dataDir)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		var app = new SpringApplicationBuilder(SenCrmApplication.class).run("--server.port=0", "--server.address=127.0.0.1",
				"--sen.data-dir=" + dataDir, "--sen.demo-data=false", "--sen.jobs.enabled=false",
				"--sen.admin.email=" + adminEmail, "--sen.admin.password=" + password,
				"--spring.main.banner-mode=off", "--logging.level.root=WARN");
		var port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		var http = new Http(port);
		http.token(http.expect(201, http.post("/api/v1/auth/tokens", Map.of("email", adminEmail, "password", password)),
				"sign-in").body().get("token").asString());
		var me = http.expect(200, http.get("/api/v1/me"), "me").body();
		var jdbcUrl = app.getBean(DataSource.class).unwrap(HikariDataSource.class).getJdbcUrl();
		return new BenchApp(app, port, http, me, jdbcUrl);
	}

	String workspaceId() {
		return me.get("workspaceId").asString();
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}
}
