package org.sencrm.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The sales board at scale (issue 4: 200,000 opportunities, board load p95 ≤ 100 ms). Customers
 * and opportunities are written set-based in PostgreSQL — most of them closed over three years,
 * about a fifth open — spread over ten sales users, half shared with a team; then the board of
 * each default pipeline is timed through the API (as an administrator, filtered by owner and by
 * close month, and as a sales user who sees only their own and their team's) and as the web page.
 * With them {@code bench.orders} orders (default five per opportunity: 1,000,000 at 200,000) are
 * written, and the current quarter's forecast, KPIs and dashboard page are timed (target: a
 * quarter's forecast ≤ 500 ms). The plans of the board's statements, as the application's role runs them under row-level
 * security, go to {@code target/bench/sales-board-plans.txt}.
 * Run: {@code ./mvnw -Pbench verify -Dit.test=SalesBoardBenchmark [-Dbench.opportunities=200000] [-Dbench.orders=1000000]}.
 */
@Tag("benchmark")
class SalesBoardBenchmark {

	private static final String ADMIN_EMAIL = "sales-admin@sen.local";
	private static final String PASSWORD = "bench-lotus-copper-river-25";
	private static final int SELLERS = 10;

	@Test
	void boardAtScale() throws Exception {
		var settings = Settings.fromSystemProperties();
		var opportunities = Integer.getInteger("bench.opportunities", 200_000);
		var orders = Integer.getInteger("bench.orders", opportunities * 5);
		var started = System.nanoTime();
		try (var app = BenchApp.start(settings.baseDir().resolve("target/bench/sales-" + opportunities), ADMIN_EMAIL, PASSWORD)) {
			var port = app.port();
			var http = app.http();
			var workspace = app.workspaceId();
			var sellers = new ArrayList<String>();
			for (int i = 1; i <= SELLERS; i++) {
				sellers.add(http.expect(201, http.post("/api/v1/users", Map.of("email", "seller" + i + "@sen.local", "displayName",
						"Người bán " + i, "role", "sales", "password", PASSWORD)), "seller").body().get("id").asString());
			}
			var team = http.expect(201, http.post("/api/v1/teams", Map.of("name", "Miền Nam", "memberIds", sellers.subList(0, 5))),
					"team").body().get("id").asString();
			var pipelines = http.expect(200, http.get("/api/v1/pipelines"), "pipelines").body();
			var b2b = pipelines.get(0);
			var b2c = pipelines.get(1);
			var url = app.jdbcUrl();

			var loadStarted = System.nanoTime();
			try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(url); var sql = connection.createStatement()) {
				sql.execute("set session_replication_role = replica");
				var customers = Math.max(1_000, opportunities / 8);
				Bench.progress("Writing %,d persons and %,d organizations", customers, customers / 4);
				sql.execute("""
						insert into persons (id, workspace_id, family_name, given_name, name_order, display_name, owner_id, search_name, search_text)
						select gen_random_uuid(), '%1$s', 'Lê', 'Khách ' || n, 'family_first', 'le khach ' || n, '%2$s', 'le khach ' || n, 'le khach ' || n
						from generate_series(1, %3$d) n""".formatted(workspace, sellers.getFirst(), customers));
				sql.execute("""
						insert into organizations (id, workspace_id, name, owner_id, search_name, search_text)
						select gen_random_uuid(), '%1$s', 'Công ty ' || n, '%2$s', 'cong ty ' || n, 'cong ty ' || n
						from generate_series(1, %3$d) n""".formatted(workspace, sellers.getFirst(), customers / 4));
				Bench.progress("Writing %,d opportunities", opportunities);
				insertOpportunities(sql, workspace, b2b, "organizations", opportunities / 2, sellers, team);
				insertOpportunities(sql, workspace, b2c, "persons", opportunities - opportunities / 2, sellers, team);
				Bench.progress("Writing %,d orders", orders);
				insertOrders(sql, workspace, orders, sellers, team);
				sql.execute("set session_replication_role = origin");
				for (var table : List.of("persons", "organizations", "opportunities", "opportunity_stage_changes", "orders")) {
					sql.execute("vacuum analyze " + table);
				}
			}
			var loadSeconds = (System.nanoTime() - loadStarted) / 1e9;

			var requests = settings.pageRequests();
			var b2bBoard = "/api/v1/pipelines/" + id(b2b) + "/board";
			var rows = new ArrayList<String>();
			rows.add(row("`GET /api/v1/pipelines/{B2B}/board`, administrator (all opportunities)", time(http, b2bBoard, requests)));
			rows.add(row("`GET /api/v1/pipelines/{B2C}/board`, administrator", time(http, "/api/v1/pipelines/" + id(b2c) + "/board",
					requests)));
			rows.add(row("B2B board filtered by owner", time(http, b2bBoard + "?ownerId=" + sellers.get(3), requests)));
			rows.add(row("B2B board filtered by team", time(http, b2bBoard + "?teamId=" + team, requests)));
			var month = LocalDate.now().plusMonths(1).toString().substring(0, 7);
			rows.add(row("B2B board filtered by close month " + month, time(http, b2bBoard + "?closeMonth=" + month, requests)));
			var seller = new Http(port);
			seller.token(seller.expect(201, seller.post("/api/v1/auth/tokens", Map.of("email", "seller2@sen.local", "password",
					PASSWORD)), "seller sign-in").body().get("token").asString());
			rows.add(row("B2B board as a sales user (own and team's opportunities)", time(seller, b2bBoard, requests)));
			var web = new WebPages(port);
			web.signIn(ADMIN_EMAIL, PASSWORD);
			var page = new Latencies();
			for (int i = 0; i < requests + 100; i++) {
				var response = web.get("/sales/board?pipeline=" + id(b2b));
				if (response.status() != 200) {
					throw new IllegalStateException("board page answered " + response.status());
				}
				if (i >= 100) {
					page.add(response.nanos());
				}
			}
			rows.add(row("`GET /sales/board?pipeline={B2B}` (web page, administrator)", page));
			var quarter = LocalDate.now().getYear() + "-Q" + ((LocalDate.now().getMonthValue() - 1) / 3 + 1);
			var forecastRows = new ArrayList<String>();
			forecastRows.add(row("`GET /api/v1/forecast?period=" + quarter + "`, administrator (whole workspace)",
					time(http, "/api/v1/forecast?period=" + quarter, requests)));
			forecastRows.add(row("`GET /api/v1/forecast?period=" + quarter + "`, sales user (own and team's)",
					time(seller, "/api/v1/forecast?period=" + quarter, requests)));
			forecastRows.add(row("`GET /api/v1/sales/kpis?period=" + quarter + "` (leads, deals, orders, contracts)",
					time(http, "/api/v1/sales/kpis?period=" + quarter, requests)));
			var dashboard = new Latencies();
			for (int i = 0; i < requests + 100; i++) {
				var response = web.get("/sales/dashboard?period=" + quarter);
				if (response.status() != 200) {
					throw new IllegalStateException("dashboard answered " + response.status());
				}
				if (i >= 100) {
					dashboard.add(response.nanos());
				}
			}
			forecastRows.add(row("`GET /sales/dashboard` (web page: forecast, KPIs, charts)", dashboard));
			var forecast = http.get("/api/v1/forecast?period=" + quarter).body();

			var board = http.get(b2bBoard).body();
			String facts;
			try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(url)) {
				var machine = MachineFacts.of(connection);
				facts = machine.cpu() + ", " + machine.cores() + " cores, " + machine.memory() + ", " + machine.jdk() + ", "
						+ machine.postgres();
				var plans = plans(connection, workspace, b2b, sellers.get(1), team);
				var out = settings.baseDir().resolve("target/bench/sales-board-plans.txt");
				Files.writeString(out, plans, StandardCharsets.UTF_8);
				Bench.progress("Plans written to %s", out);
			}
			var markdown = """
					### Sales board and forecast at %,d opportunities (%s)

					Machine: %s. Load average after the run: %s. Rows written set-based in %.0f s. %,d opportunities in
					each default pipeline, about 20 %% open; the B2B board shows %,d cards in %d columns
					(at most 50 per column) and totals over %,d opportunities.

					| Board (server round trip on 127.0.0.1, after 100 warm-up requests) | requests | p50 ms | p95 ms | p99 ms |
					| --- | ---: | ---: | ---: | ---: |
					%s

					Forecast and KPIs of %s over the same opportunities and %,d orders (placed over three
					years; %s open deals, %s won deals in the quarter). Target: a quarter's forecast ≤ 500 ms.

					| Forecast (server round trip, after 100 warm-up requests) | requests | p50 ms | p95 ms | p99 ms |
					| --- | ---: | ---: | ---: | ---: |
					%s

					Whole run: %.1f minutes.
					""".formatted(opportunities, LocalDate.now(), facts, MachineFacts.loadAverage(), loadSeconds, opportunities / 2,
					cards(board), board.get("columns").size(), counted(board), String.join("\n", rows), quarter, orders,
					forecast.get("total").get("openDeals").asString(), forecast.get("total").get("wonDeals").asString(),
					String.join("\n", forecastRows), Duration.ofNanos(System.nanoTime() - started).toSeconds() / 60.0);
			ResultsFile.updateNamed(settings.results(), "sales-board opportunities=" + opportunities, markdown);
			System.out.println(markdown);
		}
	}

	/**
	 * Opportunities of one pipeline: 20 % open (close dates over the next six months, in a random open
	 * stage), 35 % won and 45 % lost (closed over the last three years, in the first won stage or the
	 * lost stage); owners round-robin over the sellers, every other one shared with the team.
	 */
	private static void insertOpportunities(java.sql.Statement sql, String workspace, JsonNode pipeline, String customers,
			int count, List<String> sellers, String team) throws java.sql.SQLException {
		var open = new ArrayList<String>();
		String won = null;
		String lost = null;
		for (var stage : pipeline.get("stages")) {
			switch (stage.get("kind").asString()) {
				case "open" -> open.add("'" + stage.get("id").asString() + "'");
				case "won" -> won = won == null ? stage.get("id").asString() : won;
				default -> lost = stage.get("id").asString();
			}
		}
		var owners = sellers.stream().map(s -> "'" + s + "'").reduce((a, b) -> a + "," + b).orElseThrow();
		var customerColumn = customers.equals("persons") ? "person_id" : "organization_id";
		sql.execute("""
				with customers as (select array_agg(id) as ids from %1$s where workspace_id = '%2$s'),
				rows as (
				  select n::bigint as n, (n %% 100) as bucket from generate_series(1, %3$d) n
				)
				insert into opportunities (id, workspace_id, name, pipeline_id, stage_id, status, %4$s, amount, currency,
				  expected_close_date, owner_id, owner_team_id, lost_reason, stage_entered_at, closed_at, created_at, updated_at)
				select gen_random_uuid(), '%2$s', 'Cơ hội ' || n, '%5$s',
				       case when bucket < 20 then (array[%6$s]::uuid[])[(1 + n %% %7$d)::int] when bucket < 55 then '%8$s'::uuid else '%9$s'::uuid end,
				       case when bucket < 20 then 'open' when bucket < 55 then 'won' else 'lost' end,
				       c.ids[(1 + (n * 7919) %% cardinality(c.ids))::int],
				       ((n * 104729) %% 500 + 1) * 1000000, 'VND',
				       case when bucket < 20 then current_date + (n %% 180)::int else current_date - (n %% 1095)::int end,
				       (array[%10$s]::uuid[])[(1 + n %% %11$d)::int],
				       case when n %% 2 = 0 then '%12$s'::uuid end,
				       case when bucket >= 55 then 'Giá cao' end,
				       now() - make_interval(days => (n %% 60)::int), case when bucket >= 20 then now() - make_interval(days => (n %% 1095)::int) end,
				       now() - make_interval(days => (n %% 1200)::int), now()
				from rows, customers c""".formatted(customers, workspace, count, customerColumn, pipeline.get("id").asString(),
				String.join(",", open), open.size(), won, lost, owners, sellers.size(), team));
	}

	/**
	 * Orders over the last three years (placed_at spread evenly), 90 % confirmed, delivered or paid
	 * and 10 % cancelled, for persons round-robin; owners round-robin over the sellers.
	 */
	private static void insertOrders(java.sql.Statement sql, String workspace, int count, List<String> sellers, String team)
			throws java.sql.SQLException {
		var owners = sellers.stream().map(s -> "'" + s + "'").reduce((a, b) -> a + "," + b).orElseThrow();
		sql.execute("""
				with customers as (select array_agg(id) as ids from persons where workspace_id = '%1$s')
				insert into orders (id, workspace_id, number, person_id, currency, status, ordered_on, subtotal, discount_total,
				  tax_total, total, paid_amount, placed_at, owner_id, owner_team_id, created_at, updated_at)
				select gen_random_uuid(), '%1$s', 'O-B-' || n, c.ids[(1 + (n * 7919) %% cardinality(c.ids))::int], 'VND',
				       (array['confirmed','delivered','paid','paid','paid','paid','delivered','confirmed','paid','cancelled'])[(1 + n %% 10)::int],
				       (now() - make_interval(mins => (n * 1577 %% 1576800)::int))::date,
				       ((n * 104729) %% 200 + 1) * 100000, 0, ((n * 104729) %% 200 + 1) * 10000, ((n * 104729) %% 200 + 1) * 110000, 0,
				       now() - make_interval(mins => (n * 1577 %% 1576800)::int),
				       (array[%3$s]::uuid[])[(1 + n %% %4$d)::int], case when n %% 2 = 0 then '%5$s'::uuid end, now(), now()
				from generate_series(1::bigint, %2$d::bigint) n, customers c""".formatted(workspace, count, owners, sellers.size(), team));
	}

	/** EXPLAIN ANALYZE of one column's cards and totals, as the application's role under row-level security. */
	private static String plans(Connection connection, String workspace, JsonNode pipeline, String seller, String team)
			throws java.sql.SQLException {
		var stage = pipeline.get("stages").get(3).get("id").asString();
		var won = pipeline.get("stages").get(5).get("id").asString();
		var where = "workspace_id = '%s' and pipeline_id = '%s' and stage_id = '%s'".formatted(workspace, id(pipeline), stage);
		var statements = List.of(
				"select * from opportunities where " + where + " order by expected_close_date, id limit 51",
				"select currency, count(*), sum(amount) from opportunities where " + where + " group by currency",
				"select currency, count(*), sum(amount) from opportunities where " + where.replace(stage, won)
						+ " and expected_close_date >= current_date - 90 group by currency",
				"select * from opportunities where " + where + " and owner_id = '" + seller + "' order by expected_close_date, id limit 51",
				"select currency, count(*), sum(amount) from opportunities where " + where + " and (owner_id = '" + seller
						+ "' or owner_team_id in ('" + team + "')) group by currency");
		var text = new StringBuilder("Board statements as role sen, workspace bound (row-level security on)\n");
		try (var sql = connection.createStatement()) {
			sql.execute("begin");
			sql.execute("set local role sen");
			sql.execute("select set_config('sen.workspace_id', '" + workspace + "', true)");
			for (var statement : statements) {
				text.append("\n==== ").append(statement).append('\n');
				try (var rows = sql.executeQuery("explain (analyze, buffers) " + statement)) {
					while (rows.next()) {
						text.append(rows.getString(1)).append('\n');
					}
				}
			}
			sql.execute("rollback");
		}
		return text.toString();
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

	private static String row(String what, Latencies latencies) {
		return "| %s | %d | %.1f | %.1f | %.1f |".formatted(what, latencies.count(), latencies.millis(50), latencies.millis(95),
				latencies.millis(99));
	}

	private static int cards(JsonNode board) {
		var cards = 0;
		for (var column : board.get("columns")) {
			cards += column.get("cards").size();
		}
		return cards;
	}

	private static long counted(JsonNode board) {
		var count = 0L;
		for (var column : board.get("columns")) {
			count += column.get("count").asLong();
		}
		return count;
	}

	private static String id(JsonNode node) {
		return node.get("id").asString();
	}
}
