package org.sencrm.bench;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sencrm.directory.contact.ContactJson;

/**
 * A person import at scale (issue 10 §2): a CSV of {@code bench.import-rows} persons (names, emails,
 * phones as people type them — "0901 234 567" —, addresses, tags) into a workspace of
 * {@code bench.persons} persons loaded in bulk, matched by email: half the rows are existing persons
 * (their empty fields filled), half new ones; one row in a hundred has a broken email. Uploaded with
 * {@code POST /api/v1/imports} as a browser would, then followed with {@code GET /api/v1/imports/{id}}
 * until done. Reports rows per second end to end (from the upload to the end of the import) and the
 * heap's peak while it ran (server and benchmark share one JVM).
 * Run: {@code ./mvnw -Pbench verify -Dit.test=ImportBenchmark [-Dbench.persons=1000000] [-Dbench.import-rows=1000000]}.
 */
@Tag("benchmark")
class ImportBenchmark {

	private static final String ADMIN_EMAIL = "import-admin@sen.local";
	private static final String PASSWORD = "bench-lotus-copper-river-25";
	private static final int OWNERS = 5;

	@Test
	void personImportAtScale() throws Exception {
		var settings = Settings.fromSystemProperties();
		var rows = Integer.getInteger("bench.import-rows", settings.persons());
		var started = System.nanoTime();
		var deadline = started + Duration.ofMinutes(settings.maxMinutes()).toNanos();
		try (var app = BenchApp.start(settings.baseDir().resolve("target/bench/import-" + settings.persons()), ADMIN_EMAIL,
				PASSWORD)) {
			var http = app.http();
			var me = app.me();
			var workspaceId = UUID.fromString(app.workspaceId());
			var url = app.jdbcUrl();
			var owners = DirectoryBenchmark.owners(http, UUID.fromString(me.get("id").asString()));
			var base = new CustomerBase(settings.seed(), settings.persons(), OWNERS);
			Bench.progress("Loading %,d persons and %,d organizations in bulk", settings.persons(), base.organizations());
			var bulk = new BulkLoad(url, app.bean(ContactJson.class), base, workspaceId, owners,
					DirectoryBenchmark.tags(url, workspaceId));
			bulk.load(new UUID[0], new UUID[0], true, deadline);

			var file = settings.baseDir().resolve("target/bench/persons-" + rows + ".csv");
			Bench.progress("Writing a CSV of %,d rows", rows);
			write(file, base, new CustomerBase(settings.seed() + 1, rows, OWNERS), rows);
			var bytes = Files.size(file);

			var runtime = Runtime.getRuntime();
			System.gc();
			var heapBefore = runtime.totalMemory() - runtime.freeMemory();
			var peak = new AtomicLong(heapBefore);
			var sampler = Thread.ofPlatform().daemon().start(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
					try {
						Thread.sleep(50);
					} catch (InterruptedException e) {
						return;
					}
				}
			});
			Bench.progress("Importing %,d rows (%,d MB)", rows, bytes >> 20);
			var uploadStarted = System.nanoTime();
			var id = upload(app.port(), token(http), file);
			var job = http.get("/api/v1/imports/" + id).body();
			while (job.get("status").asString().equals("queued") || job.get("status").asString().equals("running")) {
				Thread.sleep(500);
				job = http.get("/api/v1/imports/" + id).body();
			}
			var seconds = (System.nanoTime() - uploadStarted) / 1e9;
			sampler.interrupt();
			sampler.join();
			var importSeconds = Duration.between(Instant.parse(job.get("startedAt").asString()),
					Instant.parse(job.get("finishedAt").asString())).toMillis() / 1000.0;
			Bench.progress("  %s in %.1f s", job, seconds);
			String facts;
			try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(url)) {
				var machine = MachineFacts.of(connection);
				facts = machine.cpu() + ", " + machine.cores() + " cores, " + machine.memory() + ", " + machine.jdk() + ", "
						+ machine.postgres();
			}
			var markdown = """
					### Person import of %,d rows into %,d persons (%s)

					Machine: %s, shared with other work while it ran (load average after the run: %s), so the
					figures are noisy. The file: %,d MB of CSV, half existing persons (matched by email, their
					empty fields filled), half new ones, one row in a hundred with a broken email; phones typed
					as "0901 234 567".

					| `POST /api/v1/imports` (multipart) until `done` | |
					| --- | ---: |
					| status | %s |
					| rows read / created / updated / skipped / failed | %,d / %,d / %,d / %,d / %,d |
					| end to end (upload, queue, import) | %.1f s |
					| rows per second end to end (target ≥ 20,000) | %.0f |
					| the import itself (startedAt → finishedAt) | %.1f s |
					| heap used before → peak during the import (server and benchmark share the JVM) | %d MB → %d MB |

					Whole run: %.1f minutes.
					""".formatted(rows, settings.persons(), LocalDate.now(), facts, MachineFacts.loadAverage(), bytes >> 20,
					job.get("status").asString(), job.get("rowsRead").asInt(), job.get("created").asInt(),
					job.get("updated").asInt(), job.get("skipped").asInt(), job.get("failed").asInt(), seconds, rows / seconds,
					importSeconds, heapBefore >> 20, peak.get() >> 20,
					Duration.ofNanos(System.nanoTime() - started).toSeconds() / 60.0);
			ResultsFile.updateNamed(settings.results(), "person-import persons=" + settings.persons() + " rows=" + rows, markdown);
			System.out.println(markdown);
		}
	}

	private static String token(Http http) throws Exception {
		var field = Http.class.getDeclaredField("token");
		field.setAccessible(true);
		return (String) field.get(http);
	}

	/** The file as a multipart body streamed from disk, never whole in memory. */
	private static String upload(int port, String token, Path file) throws Exception {
		var boundary = "----sen-bench-" + System.nanoTime();
		var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\npersons\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"matchBy\"\r\n\r\nemail\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"onMatch\"\r\n\r\nupdate_empty\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		var body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
				HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports"))
				.header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.timeout(Duration.ofMinutes(30)).POST(body).build();
		var response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request,
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 202) {
			throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
		}
		var matcher = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]+)\"").matcher(response.body());
		if (!matcher.find()) {
			throw new IllegalStateException("no id in " + response.body());
		}
		return matcher.group(1);
	}

	private static void write(Path file, CustomerBase existing, CustomerBase newcomers, int rows) throws Exception {
		Files.createDirectories(file.getParent());
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("Họ và tên,Email,Điện thoại,Địa chỉ,Quận/Huyện,Tỉnh/Thành phố,Ngày sinh,Nhãn\n");
			for (int i = 0; i < rows; i++) {
				var person = i % 2 == 0 ? existing.person((int) ((i * 7919L) % existing.persons())) : newcomers.person(i);
				var name = person.name();
				var fullName = String.join(" ", java.util.stream.Stream.of(name.family(), name.middle(), name.given())
						.filter(s -> s != null && !s.isBlank()).toList());
				var email = person.emails().isEmpty() ? "" : person.emails().getFirst();
				if (i % 2 == 1 && !email.isEmpty()) {
					email = "n" + i + "." + email; // new people have addresses of their own
				}
				if (i % 100 == 99) {
					email = "khong-hop-le@";
				}
				var phone = person.phones().isEmpty() ? "" : typed(person.phones().getFirst());
				var address = person.address();
				out.write(String.join(",", quote(fullName), quote(email), quote(phone),
						quote(address == null ? "" : address.line1()), quote(address == null ? "" : address.district()),
						quote(address == null ? "" : address.province()),
						person.birthday() == null ? "" : person.birthday().toString(), quote(String.join(";", person.tags()))));
				out.write('\n');
			}
		}
	}

	/** "+84901234567" as people type it: "0901 234 567". */
	private static String typed(String phone) {
		if (!phone.startsWith("+84") || phone.length() < 12) {
			return phone;
		}
		var national = "0" + phone.substring(3);
		return national.substring(0, 4) + " " + national.substring(4, 7) + " " + national.substring(7);
	}

	private static String quote(String value) {
		return value == null || value.isEmpty() || value.equals("null") ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
	}
}
