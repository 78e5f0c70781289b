package org.sencrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The packaged jar starts as the README's first command starts the server — embedded PostgreSQL,
 * demo data, a generated administrator password printed once — and answers. The test suite runs on
 * the test classpath, so only this catches a dependency missing from the jar (run by failsafe, after
 * {@code package}).
 */
class PackagedJarIT {

	@Test
	void theJarStartsWithItsEmbeddedDefaultsAndAnswers() throws Exception {
		var work = Path.of("target/packaged-jar-it-" + System.nanoTime()).toAbsolutePath();
		Files.createDirectories(work);
		var log = work.resolve("server.log");
		var port = freePort();
		var javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var server = new ProcessBuilder(List.of(javaCommand, "-Xmx512m", "-jar", jar().toString(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--sen.data-dir=" + work.resolve("data"), "--sen.embedded-db.durable=false"))
				.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			var http = HttpClient.newHttpClient();
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
				assertThat(server.isAlive()).as("the server stopped:\n%s", Files.readString(log)).isTrue();
				return status(http, port, "/actuator/health") == 200;
			});

			assertThat(Files.readString(log)).as("the first start prints the administrator's temporary password")
					.contains("email:    admin@sen.local").containsPattern("password: \\S{12,}");
			assertThat(get(http, port, "/login").body()).contains("<form");
			assertThat(get(http, port, "/v3/api-docs").body()).contains("\"openapi\"", "/api/v1/persons/{id}");
		} finally {
			server.destroy();
			if (!server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
		}
	}

	private static Path jar() throws IOException {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter(file -> file.getFileName().toString().matches("sen-crm-.*\\.jar")
					&& !file.getFileName().toString().endsWith("-plain.jar")).findFirst()
					.orElseThrow(() -> new IllegalStateException("no packaged jar in target/"));
		}
	}

	private static int status(HttpClient http, int port, String path) {
		try {
			return get(http, port, path).statusCode();
		} catch (IOException notListeningYet) {
			return 0;
		}
	}

	private static HttpResponse<String> get(HttpClient http, int port, String path) throws IOException {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		} catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IOException(interrupted);
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
