package org.sencrm.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.platform.database.EmbeddedPostgres;

/**
 * A whole-base duplicate scan (issue 10 §4, decision 32; target: 1,000,000 persons in ≤ 10
 * minutes): {@code bench.persons} persons of the generated customer base loaded in bulk, then one
 * person in a hundred entered again (a sample, {@code tablesample bernoulli (1) repeatable}): half
 * with the same phone and no email, half with the same email, no phone and no birthday — the copy's
 * external id names its original. Then {@code POST /api/v1/duplicates/scan?type=person} and
 * {@code GET /api/v1/duplicates/scan} until it is done: the time from the request to the end, the
 * scan's own start to finish, candidate pairs, kept pairs, groups, how many planted copies were
 * found paired with their original, and the heap's peak while it ran (the server runs in the
 * benchmark's JVM). Run: {@code ./mvnw -Pbench verify -Dit.test=DuplicateScanBenchmark
 * -Dbench.persons=1000000 [-Dbench.reuse=true]}.
 */
@Tag("benchmark")
class DuplicateScanBenchmark {

	private static final String ADMIN_EMAIL = "scan-admin@sen.local";
	private static final String PASSWORD = "bench-lotus-copper-river-25";
	private static final int OWNERS = 5;

	@Test
	void scanOfTheWholeBase() throws Exception {
		var settings = Settings.fromSystemProperties();
		var started = System.nanoTime();
		var deadline = started + Duration.ofMinutes(settings.maxMinutes()).toNanos();
		var dataDir = settings.baseDir().resolve("target/bench/dupscan-" + settings.persons());
		var reuse = settings.reuse() && Files.exists(dataDir);
		try (var app = BenchApp.start(dataDir, ADMIN_EMAIL, PASSWORD, reuse)) {
			var http = app.http();
			var workspaceId = UUID.fromString(app.workspaceId());
			var url = app.jdbcUrl();
			var base = new CustomerBase(settings.seed(), settings.persons(), OWNERS);
			long loadSeconds = 0;
			long planted;
			if (reuse) {
				Bench.progress("Using the persons of an earlier run (bench.reuse)");
			} else {
				Bench.progress("Loading %,d persons and %,d organizations in bulk", settings.persons(), base.organizations());
				var owners = DirectoryBenchmark.owners(http, UUID.fromString(app.me().get("id").asString()));
				var load = new BulkLoad(url, app.bean(ContactJson.class), base, workspaceId, owners,
						DirectoryBenchmark.tags(url, workspaceId)).load(new UUID[0], new UUID[0], true, deadline);
				loadSeconds = load.copy().plus(load.terms()).plus(load.indexes()).plus(load.vacuum()).toSeconds();
				plant(url, workspaceId);
			}
			try (var connection = EmbeddedPostgres.superuserConnection(url); var sql = connection.createStatement()) {
				sql.execute("analyze persons");
				try (var result = sql.executeQuery("select count(*), count(*) filter (where external_id like 'dup-of:%') from persons"
						+ " where workspace_id = '" + workspaceId + "'")) {
					result.next();
					Bench.progress("%,d persons, %,d of them entered twice", result.getLong(1), result.getLong(2));
					planted = result.getLong(2);
				}
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
			Bench.progress("Scanning for duplicates");
			var asked = System.nanoTime();
			http.expect(202, http.post("/api/v1/duplicates/scan?type=person", null), "scan");
			tools.jackson.databind.JsonNode scan;
			String status;
			do {
				Thread.sleep(500);
				scan = http.expect(200, http.get("/api/v1/duplicates/scan?type=person"), "scan status").body().get("items").get(0);
				status = scan.get("status").asString();
			} while ((status.equals("queued") || status.equals("running")) && System.nanoTime() < deadline);
			var whole = Duration.ofNanos(System.nanoTime() - asked);
			sampler.interrupt();
			sampler.join();
			if (!status.equals("done")) {
				throw new AssertionError("scan " + status);
			}
			var own = Duration.between(java.time.Instant.parse(scan.get("startedAt").asString()),
					java.time.Instant.parse(scan.get("finishedAt").asString()));
			var candidates = scan.get("candidates").asLong();
			var pairs = scan.get("pairs").asLong();
			var groups = scan.get("groups").asLong();
			Bench.progress("  %,d candidate pairs, %,d kept, %,d groups in %.1f s", candidates, pairs, groups, whole.toMillis() / 1000.0);

			long found;
			String facts;
			try (var connection = EmbeddedPostgres.superuserConnection(url); var sql = connection.createStatement()) {
				try (var result = sql.executeQuery("""
						select count(*) from persons c
						where c.workspace_id = '%1$s' and c.external_id like 'dup-of:%%'
						  and exists (select 1 from duplicate_pairs p
						              where p.workspace_id = '%1$s' and p.entity = 'person'
						                and p.low_id = least(c.id, cast(substr(c.external_id, 8) as uuid))
						                and p.high_id = greatest(c.id, cast(substr(c.external_id, 8) as uuid)))""".formatted(workspaceId))) {
					result.next();
					found = result.getLong(1);
				}
				var machine = MachineFacts.of(connection);
				facts = machine.cpu() + ", " + machine.cores() + " cores, " + machine.memory() + ", " + machine.jdk() + ", "
						+ machine.postgres();
			}
			var maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
			var markdown = """
					### Duplicate scan of %,d persons (%s)

					Machine: %s — %s. Load average after the run: %s. Persons written in bulk
					in %d s (0: those of an earlier run, `bench.reuse`), then one in a hundred entered again (half
					the same phone without email, half the same email without phone and birthday). Target: 1,000,000
					persons in ≤ 10 minutes.

					| Scan | |
					| --- | ---: |
					| request → done (`POST /api/v1/duplicates/scan`, polled every 0.5 s) | %.1f s |
					| the scan itself (started → finished) | %.1f s |
					| persons per second | %,.0f |
					| candidate pairs (sharing a blocking key, blocks of at most 60) | %,d |
					| pairs kept (score ≥ 0.8) | %,d |
					| groups | %,d |
					| planted copies found paired with their original | %,d of %,d |
					| heap used before → peak during the scan (server and benchmark share the JVM, max %d MB) | %d MB → %d MB |

					Whole run: %.1f minutes.
					""".formatted(settings.persons(), LocalDate.now(), facts, MachineFacts.busy(MachineFacts.loadAverage()), MachineFacts.loadAverage(), loadSeconds,
					whole.toMillis() / 1000.0, own.toMillis() / 1000.0, settings.persons() / Math.max(0.001, own.toMillis() / 1000.0),
					candidates, pairs, groups, found, planted, maxHeap >> 20, heapBefore >> 20, peak.get() >> 20,
					Duration.ofNanos(System.nanoTime() - started).toSeconds() / 60.0);
			ResultsFile.updateNamed(settings.results(), "duplicate-scan persons=" + settings.persons(), markdown);
			System.out.println(markdown);
		}
	}

	/** One person in a hundred entered again, as the superuser (the copies' search terms made by the insert's trigger). */
	private static void plant(String url, UUID workspaceId) throws Exception {
		Bench.progress("Entering one person in a hundred again");
		try (var connection = EmbeddedPostgres.superuserConnection(url); var sql = connection.createStatement()) {
			sql.execute("""
					create temp table planted as
					select * from persons tablesample bernoulli (1) repeatable (42) where workspace_id = '%s'""".formatted(workspaceId));
			sql.execute("""
					update planted set external_id = 'dup-of:' || id, id = gen_random_uuid(), version = 0,
					  emails = case when ('x' || left(md5(id::text), 1))::bit(4)::int < 8 then '[]'::jsonb else emails end,
					  phones = case when ('x' || left(md5(id::text), 1))::bit(4)::int < 8 then phones else '[]'::jsonb end,
					  birthday = case when ('x' || left(md5(id::text), 1))::bit(4)::int < 8 then birthday end""");
			sql.execute("insert into persons select * from planted");
		}
	}
}
