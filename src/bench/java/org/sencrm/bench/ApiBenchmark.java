package org.sencrm.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The API as users run it: the packaged jar ({@code target/sen-crm-*.jar}, built by the same Maven run)
 * started in its own JVM on a fresh embedded database, loaded by {@code wrk} (Debian package) from
 * outside. Measures reading one person ({@code GET /api/v1/persons/{id}}, 32 connections, over a
 * thousand different persons) and creating persons ({@code POST /api/v1/persons}, 8 connections, every
 * body a new person), each after a warm-up run of the same length that lets the JIT compile the hot
 * paths, and {@code GET /api/v1/me} as the floor a trivial authenticated endpoint sets on this machine.
 * wrk and the server share the machine's cores, as they do in the targets of issue 9.
 * Run: {@code ./mvnw -Pbench verify -Dit.test=ApiBenchmark [-Dbench.api-seconds=30]}.
 */
@Tag("benchmark")
class ApiBenchmark {

	private static final String ADMIN_EMAIL = "api-admin@sen.local";
	private static final String PASSWORD = "bench-lotus-copper-river-api";
	private static final int READ_CONNECTIONS = 32;
	private static final int WRITE_CONNECTIONS = 8;

	/** What one wrk run printed: requests a second, latency percentiles in ms, and answers that were not 2xx. */
	record Run(String name, int connections, double perSecond, double p50, double p90, double p99, long requests, long errors) {
	}

	@Test
	void readAndCreatePersons() throws Exception {
		var settings = Settings.fromSystemProperties();
		var seconds = Integer.getInteger("bench.api-seconds", 30);
		var work = settings.baseDir().resolve("target/bench/api");
		wipe(work);
		Files.createDirectories(work);
		var jar = packagedJar(settings.baseDir());
		var port = freePort();
		var heap = System.getProperty("bench.api-heap", "1g");
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var command = List.of(java, "-Xmx" + heap, "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
				"--sen.data-dir=" + work.resolve("data"), "--sen.demo-data=false", "--sen.jobs.enabled=false",
				"--sen.admin.email=" + ADMIN_EMAIL, "--sen.admin.password=" + PASSWORD, "--spring.main.banner-mode=off",
				"--logging.level.root=WARN");
		Bench.progress("Starting %s on port %d", jar.getFileName(), port);
		var server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile()).start();
		try {
			var http = new Http(port);
			awaitUp(http, server, work);
			var token = http.expect(201, http.post("/api/v1/auth/tokens", Map.of("email", ADMIN_EMAIL, "password", PASSWORD)),
					"sign-in").body().get("token").asString();
			http.token(token);

			Bench.progress("Creating persons: warm-up %d s, then %d s measured (%d connections)", seconds, seconds, WRITE_CONNECTIONS);
			wrk(work, port, createScript(work, token, "warmup", "91"), WRITE_CONNECTIONS, seconds, "create (warm-up)");
			var loadBefore = MachineFacts.loadAverage();
			var create = wrk(work, port, createScript(work, token, "measured", "90"), WRITE_CONNECTIONS, seconds, "POST /api/v1/persons");

			var ids = new ArrayList<String>();
			String cursor = null;
			while (ids.size() < 1000) {
				var page = http.expect(200, http.get("/api/v1/persons?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)),
						"list").body();
				page.get("items").forEach(item -> ids.add(item.get("id").asString()));
				cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
				if (cursor == null) {
					break;
				}
			}
			var idFile = work.resolve("ids.txt");
			Files.write(idFile, ids);
			var readScript = script(work, "read.lua", """
					local ids = {}
					for line in io.lines("%s") do ids[#ids + 1] = line end
					local i = math.random(#ids)
					function request()
					  i = i %% #ids + 1
					  return wrk.format("GET", "/api/v1/persons/" .. ids[i], {["Authorization"] = "Bearer %s", ["Accept"] = "application/json"})
					end
					""".formatted(idFile, token));
			var meScript = script(work, "me.lua", """
					function request()
					  return wrk.format("GET", "/api/v1/me", {["Authorization"] = "Bearer %s", ["Accept"] = "application/json"})
					end
					""".formatted(token));
			Bench.progress("Reading %d persons: warm-up %d s, then %d s measured (%d connections)", ids.size(), seconds, seconds,
					READ_CONNECTIONS);
			wrk(work, port, readScript, READ_CONNECTIONS, seconds, "read (warm-up)");
			var read = wrk(work, port, readScript, READ_CONNECTIONS, seconds, "GET /api/v1/persons/{id}");
			wrk(work, port, meScript, READ_CONNECTIONS, Math.max(10, seconds / 3), "me (warm-up)");
			var me = wrk(work, port, meScript, READ_CONNECTIONS, seconds, "GET /api/v1/me");
			var loadAfter = MachineFacts.loadAverage();

			var runs = List.of(read, create, me);
			var section = report(runs, seconds, heap, loadBefore, loadAfter, jar.getFileName().toString());
			Bench.progress("%n%s", section);
			ResultsFile.updateNamed(settings.results(), "api-throughput", section);
		} finally {
			server.destroy();
			if (!server.waitFor(60, TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
		}
	}

	private static String report(List<Run> runs, int seconds, String heap, String loadBefore, String loadAfter, String jar) {
		var rows = new StringBuilder();
		for (var run : runs) {
			rows.append("| %s | %d | %,.0f | %.1f | %.1f | %.1f | %,d | %d |%n".formatted(run.name(), run.connections(),
					run.perSecond(), run.p50(), run.p90(), run.p99(), run.requests(), run.errors()));
		}
		return """
				### API throughput: one person read, persons created (measured %s)

				The packaged jar (`%s`, started with `java -Xmx%s -jar`, embedded PostgreSQL with its durable defaults, no
				demo data, jobs off), loaded from the same machine by `wrk -t2` for %d s per row after a warm-up run of the
				same length. Machine: %s, %d cores, %s, %s; %s. Load average %s before, %s after.

				| request | connections | requests/s | p50 ms | p90 ms | p99 ms | requests | not 2xx |
				| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
				%s
				Targets (issue 9): `GET /api/v1/persons/{id}` ≥ 3,000 requests/s with 32 connections and p99 ≤ 25 ms;
				`POST /api/v1/persons` ≥ 1,000 persons/s with 8 clients. `GET /api/v1/me` is the floor: a trivial
				authenticated request on the same machine.
				""".formatted(LocalDate.now(), jar, heap, seconds, MachineFacts.readCpu(), Runtime.getRuntime().availableProcessors(), MachineFacts.readMemory(),
				System.getProperty("os.name") + " " + System.getProperty("os.version"),
				System.getProperty("java.vm.vendor") + " " + Runtime.version(), loadBefore, loadAfter, rows);
	}

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
	private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
	private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private static Run wrk(Path work, int port, Path script, int connections, int seconds, String name)
			throws IOException, InterruptedException {
		var out = work.resolve("wrk-" + name.replaceAll("[^a-zA-Z0-9]+", "-") + ".txt");
		var process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "--timeout", "10s",
				"-s", script.toString(), "http://127.0.0.1:" + port).redirectErrorStream(true).redirectOutput(out.toFile()).start();
		if (!process.waitFor(seconds + 120L, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("wrk failed (is Debian's wrk installed?): " + Files.readString(out));
		}
		var text = Files.readString(out, StandardCharsets.UTF_8);
		var errors = find(ERRORS, text, 0);
		var socket = SOCKET_ERRORS.matcher(text);
		if (socket.find()) {
			for (int g = 1; g <= 4; g++) {
				errors += Long.parseLong(socket.group(g));
			}
		}
		var run = new Run(name, connections, Double.parseDouble(RATE.matcher(text).results().findFirst().orElseThrow().group(1)),
				percentile(text, "50%"), percentile(text, "90%"), percentile(text, "99%"), find(REQUESTS, text, 0), errors);
		Bench.progress("%s: %,.0f/s, p99 %.1f ms, %d not 2xx", name, run.perSecond(), run.p99(), run.errors());
		return run;
	}

	private static long find(Pattern pattern, String text, long otherwise) {
		var matcher = pattern.matcher(text);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : otherwise;
	}

	/** A latency percentile of wrk's --latency table, in milliseconds. */
	private static double percentile(String text, String label) {
		var matcher = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([\\d.]+)(us|ms|s)").matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + label + " in wrk's output:\n" + text);
		}
		var value = Double.parseDouble(matcher.group(1));
		return switch (matcher.group(2)) {
			case "us" -> value / 1000;
			case "s" -> value * 1000;
			default -> value;
		};
	}

	/**
	 * The create script of one run: each run its own emails and phones ({@code +84<mobilePrefix>…}),
	 * since the same ones again would be refused as duplicates (409).
	 */
	private static Path createScript(Path work, String token, String run, String mobilePrefix) throws IOException {
		return script(work, "create-" + run + ".lua", """
					local thread_count = 0
					function setup(thread)
					  thread_count = thread_count + 1
					  thread:set("tid", thread_count)
					end
					local n = 0
					function request()
					  n = n + 1
					  local body = string.format('{"familyName":"Nguyễn","middleName":"Văn","givenName":"Khách %%d-%%d",'
					    .. '"emails":[{"address":"khach-%s-%%d-%%d@bench.vn"}],"phones":[{"number":"+84%s%%07d"}],"tags":["bench"]}',
					    tid, n, tid, n, (tid * 1000000 + n) %% 10000000)
					  return wrk.format("POST", "/api/v1/persons",
					    {["Authorization"] = "Bearer %s", ["Content-Type"] = "application/json", ["Accept"] = "application/json"}, body)
					end
					""".formatted(run, mobilePrefix, token));
	}

	private static Path script(Path work, String name, String text) throws IOException {
		var file = work.resolve(name);
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	private static void awaitUp(Http http, Process server, Path work) throws InterruptedException, IOException {
		var deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			if (!server.isAlive()) {
				throw new IllegalStateException("the server stopped: " + Files.readString(work.resolve("server.log")));
			}
			try {
				if (http.get("/actuator/health").status() == 200) {
					return;
				}
			} catch (RuntimeException notYet) {
				// not listening yet
			}
			Thread.sleep(500); // polling a process that is starting; nothing is asserted on time
		}
		throw new IllegalStateException("the server did not start in 3 minutes: " + Files.readString(work.resolve("server.log")));
	}

	private static Path packagedJar(Path baseDir) throws IOException {
		try (var files = Files.list(baseDir.resolve("target"))) {
			return files.filter(f -> f.getFileName().toString().matches("sen-crm-.*\\.jar")).findFirst()
					.orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run with -Pbench verify (it packages first)"));
		}
	}

	private static void wipe(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (var files = Files.walk(folder)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
