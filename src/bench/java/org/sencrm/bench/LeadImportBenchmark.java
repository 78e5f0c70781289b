package org.sencrm.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;


import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sencrm.directory.contact.ContactJson;

/**
 * A lead import at scale: a file of {@code bench.lead-rows} rows (10,000 by default, the old import's
 * cap; since decision 37 the import runs on the engine, set-based, and takes any number) into a
 * workspace of {@code bench.persons} customers, scored and assigned, possible duplicates counted
 * among the leads (the directory's likely matches are listed live on a lead's page). A third of the rows are existing customers typed as they come, a third new people
 * (whose names often resemble existing ones, as Vietnamese names do), a third company contacts with
 * the organization's name and tax code; one row in a hundred has a broken email and must be
 * reported. Times the whole import (one request, as the web page sends it), samples the heap while
 * it runs, and times the matches of imported leads afterwards ({@code GET /api/v1/leads/{id}/matches}).
 * Run: {@code ./mvnw -Pbench verify -Dit.test=LeadImportBenchmark [-Dbench.persons=1000000] [-Dbench.lead-rows=10000]}.
 */
@Tag("benchmark")
class LeadImportBenchmark {

	private static final String ADMIN_EMAIL = "lead-admin@sen.local";
	private static final String PASSWORD = "bench-lotus-copper-river-25";
	private static final int OWNERS = 5;

	@Test
	void importAtScale() throws Exception {
		var settings = Settings.fromSystemProperties();
		var rows = Integer.getInteger("bench.lead-rows", 10_000);
		var started = System.nanoTime();
		var deadline = started + Duration.ofMinutes(settings.maxMinutes()).toNanos();
		try (var app = BenchApp.start(settings.baseDir().resolve("target/bench/leads-" + settings.persons()), ADMIN_EMAIL,
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
			var load = bulk.load(new UUID[0], new UUID[0], true, deadline);

			var csv = csv(base, new CustomerBase(settings.seed() + 1, Math.max(rows, 1_000), OWNERS), rows);
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
			Bench.progress("Importing %,d rows", rows);
			var response = http.expect(200, http.post("/api/v1/leads/import", "text/csv; charset=utf-8", csv, Duration.ofMinutes(30)),
					"import");
			sampler.interrupt();
			sampler.join();
			var seconds = response.nanos() / 1e9;
			var imported = response.body().get("imported").asInt();
			var failed = response.body().get("failed").size();
			Bench.progress("  %,d imported, %,d failed in %.1f s", imported, failed, seconds);

			long withMatches;
			long duplicatesFound;
			String facts;
			List<UUID> leadIds = new ArrayList<>();
			try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(url); var sql = connection.createStatement()) {
				try (var result = sql.executeQuery("select count(*) filter (where possible_duplicates > 0), sum(possible_duplicates)"
						+ " from leads where workspace_id = '" + workspaceId + "'")) {
					result.next();
					withMatches = result.getLong(1);
					duplicatesFound = result.getLong(2);
				}
				try (var result = sql.executeQuery("select id from leads where workspace_id = '" + workspaceId
						+ "' order by id limit 1000")) {
					while (result.next()) {
						leadIds.add(result.getObject(1, UUID.class));
					}
				}
				var machine = MachineFacts.of(connection);
				facts = machine.cpu() + ", " + machine.cores() + " cores, " + machine.memory() + ", " + machine.jdk() + ", "
						+ machine.postgres();
			}
			var matches = new Latencies();
			for (int i = 0; i < leadIds.size(); i++) {
				var answer = http.expect(200, http.get("/api/v1/leads/" + leadIds.get(i) + "/matches"), "matches");
				if (i >= 100) {
					matches.add(answer.nanos());
				}
			}
			var maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
			var markdown = """
					### Lead import of %,d rows at %,d persons (%s)

					Machine: %s. Load average after the run: %s. Customers written in bulk in %d s (%,d persons,
					%,d organizations). The file: a third existing customers, a third new people, a third company
					contacts with name and tax code, one row in a hundred with a broken email.

					| Import (one `POST /api/v1/leads/import`, text/csv) | |
					| --- | ---: |
					| rows imported | %,d |
					| rows reported as failed (row number and reason) | %,d |
					| whole import | %.1f s |
					| rows per second | %.0f |
					| leads with likely duplicates found on arrival | %,d (%,d matches in all) |
					| heap used before → peak during the import (server and benchmark share the JVM, max %d MB) | %d MB → %d MB |

					| After the import (server round trip, after 100 warm-up requests) | requests | p50 ms | p95 ms | p99 ms |
					| --- | ---: | ---: | ---: | ---: |
					| `GET /api/v1/leads/{id}/matches` (directory and open leads) | %d | %.1f | %.1f | %.1f |

					Whole run: %.1f minutes.
					""".formatted(rows, settings.persons(), LocalDate.now(), facts, MachineFacts.loadAverage(),
					load.copy().plus(load.terms()).plus(load.indexes()).plus(load.vacuum()).toSeconds(), load.persons(),
					load.organizations(), imported, failed, seconds, imported / seconds, withMatches, duplicatesFound,
					maxHeap >> 20, heapBefore >> 20, peak.get() >> 20, matches.count(), matches.millis(50), matches.millis(95),
					matches.millis(99), Duration.ofNanos(System.nanoTime() - started).toSeconds() / 60.0);
			ResultsFile.updateNamed(settings.results(), "lead-import persons=" + settings.persons(), markdown);
			System.out.println(markdown);
		}
	}

	/** The import file, with Vietnamese column names as a Vietnamese team's spreadsheet has them. */
	private static String csv(CustomerBase existing, CustomerBase newcomers, int rows) {
		var text = new StringBuilder("Họ và tên,Email,Số điện thoại,Công ty,Mã số thuế,Tỉnh/Thành phố,Ghi chú\n");
		for (int i = 0; i < rows; i++) {
			var person = switch (i % 3) {
				case 0 -> existing.person((int) ((i * 7919L) % existing.persons()));
				default -> newcomers.person(i % newcomers.persons());
			};
			var name = person.name();
			var fullName = String.join(" ", java.util.stream.Stream.of(name.family(), name.middle(), name.given())
					.filter(s -> s != null && !s.isBlank()).toList());
			var email = person.emails().isEmpty() ? "" : person.emails().getFirst();
			if (i % 100 == 99) {
				email = "khong-hop-le@";
			}
			var phone = person.phones().isEmpty() ? "" : person.phones().getFirst();
			var company = "";
			var taxCode = "";
			if (i % 3 == 2) {
				var organization = existing.organization((int) ((i * 104729L) % existing.organizations()));
				company = organization.name();
				taxCode = organization.taxCode() == null ? "" : organization.taxCode();
			}
			var province = person.address() == null ? "" : String.valueOf(person.address().province());
			text.append(String.join(",", quote(fullName), quote(email), quote(phone), quote(company), quote(taxCode),
					quote(province), quote("Dòng " + (i + 2)))).append('\n');
		}
		return text.toString();
	}

	private static String quote(String value) {
		return value == null || value.isEmpty() || value.equals("null") ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
	}
}
