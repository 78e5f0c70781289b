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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sencrm.directory.contact.ContactJson;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A person import at scale (issue 10 §2): a CSV of {@code bench.import-rows} persons (names, emails,
 * phones as people type them — "0901 234 567" —, addresses, tags) into a workspace of
 * {@code bench.persons} persons loaded in bulk, matched by email: half the rows are existing persons
 * (their empty fields filled), half new ones; one row in a hundred has a broken email. Uploaded with
 * {@code POST /api/v1/imports} as a browser would, then followed with {@code GET /api/v1/imports/{id}}
 * until done. Reports rows per second end to end (from the upload to the end of the import) and the
 * heap's peak while it ran (server and benchmark share one JVM).
 * Run: {@code ./mvnw -Pbench verify -Dit.test=ImportBenchmark#personImportAtScale [-Dbench.persons=1000000] [-Dbench.import-rows=1000000]}.
 * The same file as {@code .xlsx} ({@link #personImportFromExcel}) and order history
 * ({@link #orderHistoryImport}, {@code bench.order-rows}, one row per order for the base's persons by
 * their external ids) run the same way. Each run also reports where the import's time went: the
 * engine and the kinds log each phase ({@code org.sencrm.exchange.ImportPhases} at debug level), and
 * the benchmark, in the server's JVM, collects those lines.
 */
@Tag("benchmark")
class ImportBenchmark {

	private static final String ADMIN_EMAIL = "import-admin@sen.local";
	private static final String PASSWORD = "bench-lotus-copper-river-25";
	private static final int OWNERS = 5;
	private static final Pattern PHASE = Pattern.compile("import \\S+ phase (.+): (\\d+) ms(?:, (\\d+) rows)?");

	@Test
	void personImportAtScale() throws Exception {
		persons("csv");
	}

	@Test
	void personImportFromExcel() throws Exception {
		persons("xlsx");
	}

	private void persons(String format) throws Exception {
		var settings = Settings.fromSystemProperties();
		var rows = Integer.getInteger("bench.import-rows", settings.persons());
		var started = System.nanoTime();
		try (var app = base(settings, started, false)) {
			var file = settings.baseDir().resolve("target/bench/persons-" + rows + "." + format);
			Bench.progress("Writing a %s file of %,d rows", format, rows);
			var base = new CustomerBase(settings.seed(), settings.persons(), OWNERS);
			write(file, base, new CustomerBase(settings.seed() + 1, rows, OWNERS), rows, format);
			var result = run(app, file, "persons", "matchBy", "email", "onMatch", "update_empty");
			var what = format.equals("csv") ? "CSV" : "Excel (.xlsx, inline strings as the export writes them)";
			var markdown = """
					### Person import of %,d rows into %,d persons, %s (%s)

					Machine: %s — %s (load average before the import: %s, after: %s). The file: %,d MB of %s, half existing persons (matched by email, their
					empty fields filled), half new ones, one row in a hundred with a broken email; phones typed
					as "0901 234 567".

					%s
					Whole run: %.1f minutes.
					""".formatted(rows, settings.persons(), format, LocalDate.now(), facts(app), MachineFacts.busy(result.loadBefore(), MachineFacts.loadAverage()), result.loadBefore(),
					MachineFacts.loadAverage(), Files.size(file) >> 20, what, result.table(rows, format.equals("csv") ? 20_000 : 10_000),
					Duration.ofNanos(System.nanoTime() - started).toSeconds() / 60.0);
			var name = "person-import persons=" + settings.persons() + " rows=" + rows + (format.equals("csv") ? "" : " " + format);
			ResultsFile.updateNamed(settings.results(), name, markdown);
			System.out.println(markdown);
		}
	}

	@Test
	void orderHistoryImport() throws Exception {
		var settings = Settings.fromSystemProperties();
		var rows = Integer.getInteger("bench.order-rows", settings.persons());
		var started = System.nanoTime();
		try (var app = base(settings, started, true)) {
			var file = settings.baseDir().resolve("target/bench/orders-" + rows + ".csv");
			Bench.progress("Writing a CSV of %,d orders", rows);
			writeOrders(file, settings.persons(), rows, settings.seed());
			var result = run(app, file, "orders");
			var markdown = """
					### Order history import of %,d rows into %,d persons (%s)

					Machine: %s — %s (load average before the import: %s, after: %s). The file: %,d MB of CSV, one row per order (customer's external id, date over
					three years, number, total in VND, status), customers spread over the whole base; the
					customers' lifecycle stages raised once at the end.

					%s
					Whole run: %.1f minutes.
					""".formatted(rows, settings.persons(), LocalDate.now(), facts(app), MachineFacts.busy(result.loadBefore(), MachineFacts.loadAverage()), result.loadBefore(), MachineFacts.loadAverage(),
					Files.size(file) >> 20, result.table(rows, 30_000), Duration.ofNanos(System.nanoTime() - started).toSeconds() / 60.0);
			ResultsFile.updateNamed(settings.results(), "order-import persons=" + settings.persons() + " rows=" + rows, markdown);
			System.out.println(markdown);
		}
	}

	/** The application on a fresh database with the generated base loaded in bulk; with {@code externalIds}, persons get "KH…" keys. */
	private static BenchApp base(Settings settings, long started, boolean externalIds) throws Exception {
		var deadline = started + Duration.ofMinutes(settings.maxMinutes()).toNanos();
		var app = BenchApp.start(settings.baseDir().resolve("target/bench/import-" + settings.persons()), ADMIN_EMAIL, PASSWORD);
		var http = app.http();
		var workspaceId = UUID.fromString(app.workspaceId());
		var url = app.jdbcUrl();
		var owners = DirectoryBenchmark.owners(http, UUID.fromString(app.me().get("id").asString()));
		var base = new CustomerBase(settings.seed(), settings.persons(), OWNERS);
		Bench.progress("Loading %,d persons and %,d organizations in bulk", settings.persons(), base.organizations());
		new BulkLoad(url, app.bean(ContactJson.class), base, workspaceId, owners, DirectoryBenchmark.tags(url, workspaceId))
				.load(new UUID[0], new UUID[0], true, deadline);
		try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(url);
				var statement = connection.createStatement()) {
			if (externalIds) {
				// the persons in the order of their creation, as the generator numbers them
				statement.execute("""
						update persons p set external_id = 'KH' || n.n from (select id, row_number() over (order by created_at, id) - 1 as n
						from persons) n where n.id = p.id""");
			}
			statement.execute("vacuum analyze persons");
		}
		return app;
	}

	/** What one import did and how long it took, with its phases as the server logged them. */
	private record Result(JsonNode job, double seconds, double importSeconds, long heapBefore, long heapPeak, String loadBefore,
			List<String[]> phases) {

		String table(int rows, int target) {
			var out = new StringBuilder();
			out.append("| `POST /api/v1/imports` (multipart) until `done` | |\n| --- | ---: |\n");
			out.append("| status | %s |\n".formatted(job.get("status").asString()));
			out.append("| rows read / created / updated / skipped / failed | %,d / %,d / %,d / %,d / %,d |\n".formatted(
					job.get("rowsRead").asInt(), job.get("created").asInt(), job.get("updated").asInt(), job.get("skipped").asInt(),
					job.get("failed").asInt()));
			out.append("| end to end (upload, queue, import) | %.1f s |\n".formatted(seconds));
			out.append("| rows per second end to end (target ≥ %,d) | %,.0f |\n".formatted(target, rows / seconds));
			out.append("| the import itself (startedAt → finishedAt) | %.1f s |\n".formatted(importSeconds));
			out.append("| heap used before → peak during the import (server and benchmark share the JVM) | %d MB → %d MB |\n"
					.formatted(heapBefore >> 20, heapPeak >> 20));
			if (!phases.isEmpty()) {
				out.append("\nWhere the import's time went (each phase as the server logged it, in order; the engine's phases\n"
						+ "enclose the kind's):\n\n| phase | s | rows |\n| --- | ---: | ---: |\n");
				phases.forEach(p -> out.append("| %s | %.2f | %s |\n".formatted(p[0], Long.parseLong(p[1]) / 1000.0,
						p[2] == null ? "" : "%,d".formatted(Long.parseLong(p[2])))));
			}
			return out.toString();
		}
	}

	private static Result run(BenchApp app, Path file, String type, String... fields) throws Exception {
		var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.sencrm.exchange.ImportPhases");
		logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
		var appender = new ListAppender<ILoggingEvent>();
		appender.start();
		logger.addAppender(appender);
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
		var loadBefore = MachineFacts.loadAverage();
		Bench.progress("Importing %s (%,d MB), load %s", file.getFileName(), Files.size(file) >> 20, loadBefore);
		var http = app.http();
		var uploadStarted = System.nanoTime();
		var id = upload(app.port(), token(http), file, type, fields);
		var job = http.get("/api/v1/imports/" + id).body();
		while (job.get("status").asString().equals("queued") || job.get("status").asString().equals("running")) {
			Thread.sleep(500);
			job = http.get("/api/v1/imports/" + id).body();
		}
		var seconds = (System.nanoTime() - uploadStarted) / 1e9;
		sampler.interrupt();
		sampler.join();
		logger.detachAppender(appender);
		var importSeconds = Duration.between(Instant.parse(job.get("startedAt").asString()),
				Instant.parse(job.get("finishedAt").asString())).toMillis() / 1000.0;
		Bench.progress("  %s in %.1f s", job, seconds);
		var phases = new ArrayList<String[]>();
		for (var event : appender.list) {
			var m = PHASE.matcher(event.getFormattedMessage());
			if (m.matches()) {
				phases.add(new String[] {m.group(1), m.group(2), m.group(3)});
				Bench.progress("  phase %s: %s ms%s", m.group(1), m.group(2), m.group(3) == null ? "" : ", " + m.group(3) + " rows");
			}
		}
		return new Result(job, seconds, importSeconds, heapBefore, peak.get(), loadBefore, phases);
	}

	private static String facts(BenchApp app) throws Exception {
		try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(app.jdbcUrl())) {
			var machine = MachineFacts.of(connection);
			return machine.cpu() + ", " + machine.cores() + " cores, " + machine.memory() + ", " + machine.jdk() + ", "
					+ machine.postgres();
		}
	}

	private static String token(Http http) throws Exception {
		var field = Http.class.getDeclaredField("token");
		field.setAccessible(true);
		return (String) field.get(http);
	}

	/** The file as a multipart body streamed from disk, never whole in memory. */
	private static String upload(int port, String token, Path file, String type, String... fields) throws Exception {
		var boundary = "----sen-bench-" + System.nanoTime();
		var parts = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n");
		for (int i = 0; i < fields.length; i += 2) {
			parts.append("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n" + fields[i + 1]
					+ "\r\n");
		}
		var contentType = file.toString().endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
				: "text/csv";
		var head = (parts + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
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

	private static final List<String> HEADER = List.of("Họ và tên", "Email", "Điện thoại", "Địa chỉ", "Quận/Huyện",
			"Tỉnh/Thành phố", "Ngày sinh", "Nhãn");

	private static void write(Path file, CustomerBase existing, CustomerBase newcomers, int rows, String format) throws Exception {
		Files.createDirectories(file.getParent());
		if (format.equals("xlsx")) {
			try (var out = Files.newOutputStream(file)) {
				var workbook = new org.dhatim.fastexcel.Workbook(out, "Sen CRM bench", "1.0");
				var sheet = workbook.newWorksheet("Khách hàng");
				for (int c = 0; c < HEADER.size(); c++) {
					sheet.inlineString(0, c, HEADER.get(c));
				}
				for (int i = 0; i < rows; i++) {
					var cells = cells(existing, newcomers, i);
					for (int c = 0; c < cells.size(); c++) {
						if (!cells.get(c).isEmpty()) {
							sheet.inlineString(i + 1, c, cells.get(c));
						}
					}
					if (i % 1000 == 999) {
						sheet.flush();
					}
				}
				workbook.finish();
			}
			return;
		}
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(String.join(",", HEADER) + "\n");
			for (int i = 0; i < rows; i++) {
				out.write(String.join(",", cells(existing, newcomers, i).stream().map(ImportBenchmark::quote).toList()));
				out.write('\n');
			}
		}
	}

	/** Row i: even rows are existing persons as a spreadsheet has them, odd rows new people; one in a hundred has a broken email. */
	private static List<String> cells(CustomerBase existing, CustomerBase newcomers, int i) {
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
		return java.util.Arrays.asList(fullName, email, phone, address == null ? "" : nonNull(address.line1()),
				address == null ? "" : nonNull(address.district()), address == null ? "" : nonNull(address.province()),
				person.birthday() == null ? "" : person.birthday().toString(), String.join(";", person.tags()));
	}

	private static String nonNull(String s) {
		return s == null || s.equals("null") ? "" : s;
	}

	/** One row per order: a customer of the base by external id, a date in the last three years, a total in VND, a status. */
	private static void writeOrders(Path file, int persons, int rows, long seed) throws Exception {
		Files.createDirectories(file.getParent());
		var random = new java.util.Random(seed);
		var statuses = List.of("Đã thanh toán", "Đã giao", "paid", "delivered", "Đã hủy");
		var today = LocalDate.now();
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("Mã khách hàng,Ngày đặt hàng,Số đơn hàng,Tổng tiền,Tiền tệ,Trạng thái\n");
			for (int i = 0; i < rows; i++) {
				out.write("KH" + random.nextInt(persons) + "," + today.minusDays(1 + random.nextInt(3 * 365)) + ",DH-" + (100000 + i) + ","
						+ (50 + random.nextInt(5000)) * 1000 + ",VND," + statuses.get(random.nextInt(statuses.size())) + "\n");
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
		return value.isEmpty() ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
	}
}
