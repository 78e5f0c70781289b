package org.sencrm.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sencrm.analytics.segment.RuleParser;
import org.sencrm.analytics.segment.RuleSql;
import tools.jackson.databind.json.JsonMapper;

/**
 * Segments at scale (issue 11 §3: counting a segment of 1,000,000 customers ≤ 500 ms p95, its first
 * page of members ≤ 100 ms). {@code bench.persons} persons are written set-based with lifecycle
 * stages, a tag on one in ten, two orders each for seven in ten (placed over three years), a call
 * for every other one, and a {@code customer_values} row for each buyer (tiers, RFM segments,
 * predicted value and P(alive) spread as the value rebuild would leave them); then a few typical
 * rules are saved through the API and each segment's count and first page are timed. The plans of
 * the count statements, as the application's role runs them under row-level security, go to
 * {@code target/bench/segment-plans.txt}.
 * Run: {@code ./mvnw -Pbench verify -Dit.test=SegmentBenchmark [-Dbench.persons=1000000] [-Dbench.segment-requests=50]}.
 */
@Tag("benchmark")
class SegmentBenchmark {

	private static final String ADMIN_EMAIL = "segments-admin@sen.local";
	private static final String PASSWORD = "bench-lotus-copper-river-25";
	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void segmentsAtScale() throws Exception {
		var settings = Settings.fromSystemProperties();
		var persons = settings.persons();
		var requests = Integer.getInteger("bench.segment-requests", 50);
		var started = System.nanoTime();
		try (var app = BenchApp.start(settings.baseDir().resolve("target/bench/segments-" + persons), ADMIN_EMAIL, PASSWORD)) {
			var http = app.http();
			var workspace = app.workspaceId();
			var admin = app.me().get("id").asString();
			var loadStarted = System.nanoTime();
			try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(app.jdbcUrl());
					var sql = connection.createStatement()) {
				sql.execute("set session_replication_role = replica");
				Bench.progress("Writing %,d persons", persons);
				sql.execute("""
						insert into persons (id, workspace_id, family_name, given_name, name_order, display_name, owner_id, search_name,
						  search_text, lifecycle_stage, created_at, updated_at)
						select gen_random_uuid(), '%1$s', 'Lê', 'Khách ' || n, 'family_first', 'le khach ' || n, '%2$s', 'le khach ' || n,
						       'le khach ' || n,
						       (array['first_time','repeat','regular','loyal','at_risk','churned',null,null])[(1 + n %% 8)::int],
						       now() - make_interval(days => (n %% 1000)::int), now()
						from generate_series(1, %3$d) n""".formatted(workspace, admin, persons));
				sql.execute("insert into tags (id, workspace_id, name) values (gen_random_uuid(), '%s', 'vip')".formatted(workspace));
				sql.execute("""
						insert into person_tags (workspace_id, person_id, tag_id)
						select p.workspace_id, p.id, t.id from persons p join tags t on t.workspace_id = p.workspace_id and t.name = 'vip'
						where p.workspace_id = '%s' and abs(hashtext(p.id::text)) %% 10 = 0""".formatted(workspace));
				Bench.progress("Writing orders, contacts and customer values");
				sql.execute("""
						insert into orders (id, workspace_id, number, person_id, currency, status, ordered_on, subtotal, discount_total,
						  tax_total, total, paid_amount, placed_at, owner_id, created_at, updated_at)
						select gen_random_uuid(), p.workspace_id, 'O-S-' || row_number() over (), p.id, 'VND', 'paid',
						       current_date - (abs(hashtext(p.id::text || k)) %% 1095), 1000000, 0, 0, 1000000, 1000000, now(), '%2$s', now(), now()
						from persons p cross join generate_series(1, 2) k
						where p.workspace_id = '%1$s' and abs(hashtext(p.id::text)) %% 10 < 7""".formatted(workspace, admin));
				sql.execute("""
						insert into activities (id, workspace_id, type, person_id, subject, occurred_at, author_id, created_at)
						select gen_random_uuid(), p.workspace_id, 'call', p.id, 'Gọi', now() - make_interval(days => abs(hashtext(p.id::text)) %% 720),
						       '%2$s', now()
						from persons p where p.workspace_id = '%1$s' and abs(hashtext(p.id::text || 'a')) %% 2 = 0""".formatted(workspace, admin));
				sql.execute("""
						insert into customer_values (workspace_id, customer_type, customer_id, revenue, orders, last_order_on, value_tier,
						  rfm_segment, recency_score, frequency_score, monetary_score, predicted_lifetime_value, probability_alive, computed_at)
						select p.workspace_id, 'person', p.id, 2000000, 2, current_date - (h %% 1095),
						       case when h %% 100 < 20 then 'A' when h %% 100 < 50 then 'B' else 'C' end,
						       (array['champions','loyal','potential_loyalists','new','promising','need_attention','about_to_sleep','at_risk',
						              'cant_lose','hibernating','lost'])[(1 + h %% 11)::int],
						       1 + h %% 5, 1 + (h / 5) %% 5, 1 + (h / 25) %% 5, (h %% 1000) * 100000, (h %% 1000) / 1000.0, now()
						from (select workspace_id, id, abs(hashtext(id::text)) as h from persons where workspace_id = '%1$s') p
						where p.h %% 10 < 7""".formatted(workspace));
				sql.execute("set session_replication_role = origin");
				for (var table : List.of("persons", "person_tags", "orders", "activities", "customer_values")) {
					sql.execute("vacuum analyze " + table);
				}
			}
			var loadSeconds = (System.nanoTime() - loadStarted) / 1e9;

			var rules = new LinkedHashMap<String, Map<String, Object>>();
			rules.put("value tier A", cond("valueTier", "eq", "A"));
			rules.put("at risk and high value (tier A or B, P(alive) < 0.3)", Map.of("all", List.of(
					cond("valueTier", "in", List.of("A", "B")), cond("predicted.probabilityAlive", "lt", 0.3))));
			rules.put("tag vip and loyal", Map.of("all", List.of(cond("tags", "eq", "vip"), cond("lifecycleStage", "eq", "loyal"))));
			rules.put("ordered in the last 90 days, 2 orders or more", Map.of("all", List.of(
					cond("orders.date", "withinLastDays", 90), cond("orders.count", "gte", 2))));
			rules.put("no contact in 180 days", Map.of("not", cond("activities.lastContactAt", "withinLastDays", 180)));
			rules.put("RFM champions or loyal, created this year", Map.of("all", List.of(
					cond("rfm.segment", "in", List.of("champions", "loyal")), cond("createdAt", "withinLastDays", 365))));

			var rows = new ArrayList<String>();
			var plans = new StringBuilder("Segment counts as role sen, workspace bound (row-level security on)\n");
			try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(app.jdbcUrl())) {
				for (var entry : rules.entrySet()) {
					var created = http.expect(201, http.post("/api/v1/segments", Map.of("name", entry.getKey(), "type", "person", "rule",
							entry.getValue())), "segment");
					var id = created.body().get("id").asString();
					var count = http.get("/api/v1/segments/" + id + "/count").body().get("count").asLong();
					var counting = time(http, "/api/v1/segments/" + id + "/count", requests);
					var page = time(http, "/api/v1/segments/" + id + "/members?limit=50", requests);
					rows.add("| %s | %,d | %.1f | %.1f | %.1f | %.1f |".formatted(entry.getKey(), count, counting.millis(50), counting.millis(95),
							page.millis(50), page.millis(95)));
					plans.append("\n==== ").append(entry.getKey()).append('\n').append(plan(connection, workspace, entry.getValue()));
				}
				var out = settings.baseDir().resolve("target/bench/segment-plans.txt");
				Files.createDirectories(out.getParent());
				Files.writeString(out, plans, StandardCharsets.UTF_8);
				Bench.progress("Plans written to %s", out);
				var machine = MachineFacts.of(connection);
				var markdown = """
						### Segments at %,d persons (%s)

						Machine: %s, %s cores, %s, %s, %s. Load average after the run: %s (the machine is shared: figures are noisy).
						Rows written set-based in %.0f s: seven in ten persons with two orders and a customer_values row, one in two with a
						call, one in ten tagged. Server round trips on 127.0.0.1, %d requests each after 10 warm-up requests.
						Targets at 1,000,000 customers: count ≤ 500 ms p95, first page ≤ 100 ms.

						| Segment | members | count p50 ms | count p95 ms | first page p50 ms | first page p95 ms |
						| --- | ---: | ---: | ---: | ---: | ---: |
						%s

						Whole run: %.1f minutes.
						""".formatted(persons, LocalDate.now(), machine.cpu(), machine.cores(), machine.memory(), machine.jdk(), machine.postgres(),
						MachineFacts.loadAverage(), loadSeconds, requests, String.join("\n", rows),
						Duration.ofNanos(System.nanoTime() - started).toSeconds() / 60.0);
				ResultsFile.updateNamed(settings.results(), "segments persons=" + persons, markdown);
				System.out.println(markdown);
			}
		}
	}

	private static Map<String, Object> cond(String field, String op, Object value) {
		return Map.of("field", field, "op", op, "value", value);
	}

	private static Latencies time(Http http, String path, int requests) {
		var latencies = new Latencies();
		for (int i = 0; i < requests + 10; i++) {
			var response = http.expect(200, http.get(path), path);
			if (i >= 10) {
				latencies.add(response.nanos());
			}
		}
		return latencies;
	}

	/** EXPLAIN ANALYZE of the count, its bound values written in as literals (for the plan only). */
	private static String plan(Connection connection, String workspace, Map<String, Object> rule) throws java.sql.SQLException {
		var compiled = RuleSql.compile(RuleParser.parse(json.valueToTree(rule), "person"), "person", "p", Clock.systemUTC());
		var text = compiled.sql();
		var names = new ArrayList<>(compiled.params().keySet());
		names.sort((a, b) -> b.length() - a.length());
		for (var name : names) {
			text = text.replace(":" + name, literal(compiled.params().get(name)));
		}
		text = text.replace(":ws", "'" + workspace + "'");
		var statement = "select count(*) from persons r where r.workspace_id = '" + workspace + "' and " + text;
		var result = new StringBuilder(statement).append('\n');
		try (var sql = connection.createStatement()) {
			sql.execute("begin");
			sql.execute("set local role sen");
			sql.execute("select set_config('sen.workspace_id', '" + workspace + "', true)");
			try (var rows = sql.executeQuery("explain (analyze, buffers) " + statement)) {
				while (rows.next()) {
					result.append(rows.getString(1)).append('\n');
				}
			}
			sql.execute("rollback");
		}
		return result.toString();
	}

	private static String literal(Object value) {
		if (value instanceof Collection<?> values) {
			return values.stream().map(SegmentBenchmark::literal).collect(Collectors.joining(", "));
		}
		if (value instanceof Number) {
			return value.toString();
		}
		return "'" + String.valueOf(value).replace("'", "''") + "'";
	}
}
