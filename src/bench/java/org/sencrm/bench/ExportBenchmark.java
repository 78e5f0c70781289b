package org.sencrm.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sencrm.directory.contact.ContactJson;

/**
 * The export of a whole customer base to Excel (decision 34): {@code bench.persons} persons (names,
 * emails, phones, addresses, tags, contact roles) loaded in bulk, then {@code GET /api/v1/persons/export?format=xlsx}
 * with every default column — more than 10,000 rows, so it runs in the background; the time from the
 * request to the finished file (read in keyset pages of 2,000, written as it comes, stored in 1 MB
 * chunks), the download, and the heap sampled while it runs. The file is read back (streaming) and
 * its rows counted. Run: {@code ./mvnw -Pbench verify -Dit.test=ExportBenchmark -Dbench.persons=1000000
 * [-Dbench.reuse=true]} (reuse: the persons loaded by an earlier run of this benchmark).
 */
@Tag("benchmark")
class ExportBenchmark {

	private static final String ADMIN_EMAIL = "export-admin@sen.local";
	private static final String PASSWORD = "bench-lotus-copper-river-25";
	private static final int OWNERS = 5;

	@Test
	void personsToExcel() throws Exception {
		var settings = Settings.fromSystemProperties();
		var started = System.nanoTime();
		var deadline = started + Duration.ofMinutes(settings.maxMinutes()).toNanos();
		var dataDir = settings.baseDir().resolve("target/bench/export-" + settings.persons());
		var reuse = settings.reuse() && Files.exists(dataDir);
		try (var app = BenchApp.start(dataDir, ADMIN_EMAIL, PASSWORD, reuse)) {
			var http = app.http();
			var workspaceId = UUID.fromString(app.workspaceId());
			var url = app.jdbcUrl();
			var base = new CustomerBase(settings.seed(), settings.persons(), OWNERS);
			Bench.progress("Loading %,d persons and %,d organizations in bulk", settings.persons(), base.organizations());
			long loadSeconds = 0;
			if (reuse) {
				Bench.progress("Using the %,d persons of an earlier run (bench.reuse)", settings.persons());
			} else {
				var owners = DirectoryBenchmark.owners(http, UUID.fromString(app.me().get("id").asString()));
				var load = new BulkLoad(url, app.bean(ContactJson.class), base, workspaceId, owners,
						DirectoryBenchmark.tags(url, workspaceId)).load(new UUID[0], new UUID[0], true, deadline);
				loadSeconds = load.copy().plus(load.terms()).plus(load.indexes()).plus(load.vacuum()).toSeconds();
			}

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
			Bench.progress("Exporting %,d persons to .xlsx", settings.persons());
			var asked = System.nanoTime();
			var queued = http.expect(202, http.get("/api/v1/persons/export?format=xlsx"), "export");
			var id = queued.body().get("id").asString();
			String status;
			long rows;
			long bytes;
			do {
				Thread.sleep(200);
				var export = http.expect(200, http.get("/api/v1/exports/" + id), "export status").body();
				status = export.get("status").asString();
				rows = export.get("rows").asLong();
				bytes = export.get("bytes").asLong();
			} while (status.equals("queued") || status.equals("running"));
			var written = Duration.ofNanos(System.nanoTime() - asked);
			sampler.interrupt();
			sampler.join();
			if (!status.equals("done")) {
				throw new AssertionError("export " + status);
			}
			Bench.progress("  %,d rows, %,d bytes in %.1f s", rows, bytes, written.toMillis() / 1000.0);

			var file = Files.createTempFile("persons", ".xlsx");
			var downloadStarted = System.nanoTime();
			var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
					URI.create("http://127.0.0.1:" + app.port() + "/api/v1/exports/" + id + "/file"))
					.header("Authorization", "Bearer " + http.token()).GET().build(), HttpResponse.BodyHandlers.ofFile(file));
			var download = Duration.ofNanos(System.nanoTime() - downloadStarted);
			if (response.statusCode() != 200) {
				throw new AssertionError("download " + response.statusCode());
			}
			long readBack;
			try (InputStream in = Files.newInputStream(file); var workbook = new ReadableWorkbook(in)) {
				readBack = workbook.getSheets().mapToLong(sheet -> {
					try (var sheetRows = sheet.openStream()) {
						return sheetRows.count() - 1;
					} catch (java.io.IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				}).sum();
			}
			Files.delete(file);
			if (readBack != settings.persons()) {
				throw new AssertionError("read back " + readBack + " rows, expected " + settings.persons());
			}

			String facts;
			try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(url)) {
				var machine = MachineFacts.of(connection);
				facts = machine.cpu() + ", " + machine.cores() + " cores, " + machine.memory() + ", " + machine.jdk() + ", "
						+ machine.postgres();
			}
			var maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
			var markdown = """
					### Export of %,d persons to Excel (%s)

					Machine: %s — %s. Load average after the run: %s. Persons written in bulk
					in %d s (0: those of an earlier run, `bench.reuse`). Every default column (names, name order, emails, phones, addresses, organizations,
					birthday, tags, status, stage, source, owner, dates), `GET /api/v1/persons/export?format=xlsx`.

					| Export | |
					| --- | ---: |
					| rows (read back from the file, streaming) | %,d |
					| request → file ready (background job: keyset pages of 2,000 read on one thread, written on another by fastexcel, 1 MB chunks in PostgreSQL) | %.1f s |
					| rows per second | %,.0f |
					| file size | %.1f MB |
					| download of the finished file | %.1f s |
					| heap used before → peak during the export (server and benchmark share the JVM, max %d MB) | %d MB → %d MB |

					Whole run: %.1f minutes.
					""".formatted(settings.persons(), LocalDate.now(), facts, MachineFacts.busy(MachineFacts.loadAverage()), MachineFacts.loadAverage(),
					loadSeconds, readBack,
					written.toMillis() / 1000.0, rows / (written.toMillis() / 1000.0), bytes / 1e6, download.toMillis() / 1000.0,
					maxHeap >> 20, heapBefore >> 20, peak.get() >> 20, Duration.ofNanos(System.nanoTime() - started).toSeconds() / 60.0);
			ResultsFile.updateNamed(settings.results(), "export persons=" + settings.persons(), markdown);
			System.out.println(markdown);
		}
	}
}
