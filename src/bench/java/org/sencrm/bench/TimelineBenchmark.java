package org.sencrm.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.UUID;


import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The customer timeline at scale (issue: person page with a 5,000-entry timeline; 10 activities
 * for each of N persons). Persons and activities are written set-based in PostgreSQL (the
 * derived search terms by the same triggers the app relies on); then the first timeline page is
 * timed through the API and the person page's timeline panel through the web session.
 * Run: {@code ./mvnw -Pbench verify -Dit.test=TimelineBenchmark -Dbench.persons=1000000}.
 */
@Tag("benchmark")
class TimelineBenchmark {

	private static final String ADMIN_EMAIL = "timeline-admin@sen.local";
	private static final String PASSWORD = "bench-lotus-copper-river-25";
	private static final int PER_PERSON = 10;
	private static final int BUSY_ENTRIES = 5_000;

	@Test
	void timelinePagesAtScale() throws Exception {
		var settings = Settings.fromSystemProperties();
		var started = System.nanoTime();
		try (var app = BenchApp.start(settings.baseDir().resolve("target/bench/timeline-" + settings.persons()), ADMIN_EMAIL,
				PASSWORD)) {
			var port = app.port();
			var http = app.http();
			var me = app.me();
			var workspace = app.workspaceId();
			var admin = me.get("id").asString();
			var busy = http.expect(201, http.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "givenName", "Bận Rộn")),
					"busy person").body().get("id").asString();
			var url = app.jdbcUrl();

			var loadStarted = System.nanoTime();
			try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(url); var sql = connection.createStatement()) {
				// The persons are filler for the timeline: skip the search-term triggers (and foreign-key checks)
				// for this bulk write; the timeline queries do not read search terms.
				sql.execute("set session_replication_role = replica");
				Bench.progress("Writing %,d persons", settings.persons());
				sql.execute("""
						insert into persons (id, workspace_id, family_name, given_name, name_order, display_name, owner_id, search_name, search_text)
						select uuidv7(), '%1$s', 'Trần', 'Khách ' || n, 'family_first', 'tran khach ' || n, '%2$s', 'tran khach ' || n, 'tran khach ' || n
						from generate_series(1, %3$d) n""".formatted(workspace, admin, settings.persons()).replace("uuidv7()", "gen_random_uuid()"));
				Bench.progress("Writing %,d activities", (long) settings.persons() * PER_PERSON + BUSY_ENTRIES);
				sql.execute("""
						insert into activities (id, workspace_id, type, person_id, subject, body, occurred_at, author_id, direction, duration_seconds)
						select gen_random_uuid(), p.workspace_id, (array['note','call','meeting','email','sms','chat','visit'])[1 + (k %% 7)],
						       p.id, 'Touchpoint ' || k, '<p>Notes of touchpoint ' || k || '</p>',
						       now() - make_interval(hours => k * 37 + (abs(hashtext(p.id::text)) %% 500)), '%1$s',
						       case when k %% 7 = 1 then 'outbound' end, case when k %% 7 = 1 then 300 end
						from persons p cross join generate_series(1, %2$d) k where p.workspace_id = '%3$s'""".formatted(admin, PER_PERSON, workspace));
				sql.execute("""
						insert into activities (id, workspace_id, type, person_id, subject, body, occurred_at, author_id)
						select gen_random_uuid(), '%1$s', (array['note','call','meeting','email'])[1 + (k %% 4)], '%2$s',
						       'Entry ' || k, '<p>Entry ' || k || '</p>', now() - make_interval(mins => k * 90), '%3$s'
						from generate_series(1, %4$d) k""".formatted(workspace, busy, admin, BUSY_ENTRIES));
				sql.execute("set session_replication_role = origin");
				sql.execute("vacuum analyze persons");
				sql.execute("vacuum analyze activities");
			}
			var loadSeconds = (System.nanoTime() - loadStarted) / 1e9;

			var busyPage = time(http, "/api/v1/persons/" + busy + "/timeline", settings.pageRequests());
			var random = new Random(settings.seed());
			var ids = new UUID[200];
			try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(url);
					var rows = connection.createStatement().executeQuery("select id from persons tablesample system (1) limit 200")) {
				for (int i = 0; rows.next(); i++) {
					ids[i] = rows.getObject(1, UUID.class);
				}
			}
			var anyPage = new Latencies();
			for (int i = 0; i < settings.pageRequests() + 100; i++) {
				var id = ids[random.nextInt(ids.length)];
				if (id == null) {
					continue;
				}
				var response = http.expect(200, http.get("/api/v1/persons/" + id + "/timeline"), "timeline");
				if (i >= 100) {
					anyPage.add(response.nanos());
				}
			}
			var web = new WebPages(port);
			web.signIn(ADMIN_EMAIL, PASSWORD);
			var panel = new Latencies();
			for (int i = 0; i < settings.pageRequests() + 100; i++) {
				var page = web.get("/persons/" + busy + "/timeline-panel");
				if (i >= 100) {
					panel.add(page.nanos());
				}
			}
			String facts;
			try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(url)) {
				var machine = MachineFacts.of(connection);
				facts = machine.cpu() + ", " + machine.cores() + " cores, " + machine.memory() + ", " + machine.jdk() + ", "
						+ machine.postgres();
			}
			var markdown = """
					### Timeline at %,d persons, %,d activities (%s)

					Machine: %s. Load average after the run: %s. Rows written set-based in %.0f s.

					| Page (server round trip on 127.0.0.1, after 100 warm-up requests) | requests | p50 ms | p95 ms | p99 ms |
					| --- | ---: | ---: | ---: | ---: |
					| `GET /api/v1/persons/{id}/timeline`, person with %,d entries, first page | %d | %.1f | %.1f | %.1f |
					| `GET /api/v1/persons/{id}/timeline`, random persons with %d entries | %d | %.1f | %.1f | %.1f |
					| `GET /persons/{id}/timeline-panel` (web: summary, open tasks, first page), %,d entries | %d | %.1f | %.1f | %.1f |

					Whole run: %.1f minutes.
					""".formatted(settings.persons(), (long) settings.persons() * PER_PERSON + BUSY_ENTRIES, LocalDate.now(), facts,
					MachineFacts.loadAverage(), loadSeconds,
					BUSY_ENTRIES, busyPage.count(), busyPage.millis(50), busyPage.millis(95), busyPage.millis(99),
					PER_PERSON, anyPage.count(), anyPage.millis(50), anyPage.millis(95), anyPage.millis(99),
					BUSY_ENTRIES, panel.count(), panel.millis(50), panel.millis(95), panel.millis(99),
					Duration.ofNanos(System.nanoTime() - started).toSeconds() / 60.0);
			ResultsFile.updateNamed(settings.results(), "timeline persons=" + settings.persons(), markdown);
			System.out.println(markdown);
		}
	}

	private static Latencies time(Http http, String path, int requests) {
		var latencies = new Latencies();
		for (int i = 0; i < requests + 100; i++) {
			var response = http.expect(200, http.get(path), path);
			if (i >= 100) {
				latencies.add(response.nanos());
			}
		}
		return latencies;
	}

}
