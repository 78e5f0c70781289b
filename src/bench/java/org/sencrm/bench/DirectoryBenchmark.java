package org.sencrm.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sencrm.SenCrmApplication;
import org.sencrm.directory.contact.ContactJson;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The directory at scale: creates persons through the API (timed), loads the rest of N in bulk,
 * then times the search box and the person page. Run with {@code ./mvnw -Pbench verify}; see
 * docs/benchmarks.md. Never part of the test suite, and it asserts no timings: it writes figures.
 */
@Tag("benchmark")
class DirectoryBenchmark {

	private static final String ADMIN_EMAIL = "bench-admin@sen.local";
	private static final String PASSWORD = "bench-lotus-copper-river-25";
	private static final int OWNERS = 5;
	private static final int API_ORGANIZATIONS = 50;
	private static final int WARM_UP_ROUNDS = 3;

	@Test
	void createsSearchesAndShowsPersonsAtScale() throws Exception {
		var settings = Settings.fromSystemProperties();
		var started = System.nanoTime();
		var deadline = System.nanoTime() + Duration.ofMinutes(settings.maxMinutes()).toNanos();
		var data = new StoredData(settings.dataDir());
		var reuse = settings.reuse() && data.matches(settings);
		if (!reuse) {
			data.delete();
		}
		Bench.progress("%s %,d persons in %s", reuse ? "Reusing" : "Building", settings.persons(), settings.dataDir());
		try (var app = start(settings)) {
			var port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			var http = new Http(port);
			var token = http.expect(201, http.post("/api/v1/auth/tokens", Map.of("email", ADMIN_EMAIL, "password", PASSWORD)),
					"sign-in").body().get("token").asString();
			http.token(token);
			var me = http.expect(200, http.get("/api/v1/me"), "me").body();
			var workspaceId = UUID.fromString(me.get("workspaceId").asString());
			var pool = app.getBean(DataSource.class).unwrap(HikariDataSource.class);
			var superuserUrl = pool.getJdbcUrl();
			var base = new CustomerBase(settings.seed(), settings.persons(), OWNERS);

			Report.Load load;
			UUID[] apiIds;
			UUID[] organizationIds;
			if (reuse) {
				apiIds = data.ids("api-ids.txt");
				organizationIds = data.ids("api-organization-ids.txt");
				load = data.load();
				try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(superuserUrl);
						var statement = connection.createStatement()) {
					statement.execute("analyze persons, organizations"); // the app may have added indexes on start
				}
			} else {
				var owners = owners(http, UUID.fromString(me.get("id").asString()));
				organizationIds = new UUID[Math.min(base.organizations(), API_ORGANIZATIONS)];
				for (int k = 0; k < organizationIds.length; k++) {
					organizationIds[k] = UUID.fromString(http.expect(201, http.post("/api/v1/organizations",
							CustomerBase.json(base.organization(k), owners)), "create organization " + k).body().get("id").asString());
				}
				apiIds = new UUID[settings.apiPersons()];
				var api = createThroughApi(http, base, owners, apiIds, settings.clientThreads(), deadline);
				var bulk = new BulkLoad(superuserUrl, app.getBean(ContactJson.class), base, workspaceId, owners,
						tags(superuserUrl, workspaceId));
				checkBulkRowsMatchApi(bulk, base, apiIds, organizationIds, superuserUrl);
				Bench.progress("Loading %,d persons in bulk", settings.persons() - apiIds.length);
				var result = bulk.load(apiIds, organizationIds, true, deadline);
				load = new Report.Load(apiIds.length, api.seconds, api.latencies.millis(50), api.latencies.millis(95), result,
						false);
				data.save(settings, load, apiIds, organizationIds);
			}
			IntPersonIds personIds = i -> i < apiIds.length ? apiIds[i] : base.person(i).id();
			var apiOrganizations = organizationIds;
			var queries = SearchQueries.of(base, personIds::id,
					k -> k < apiOrganizations.length ? apiOrganizations[k] : base.organization(k).id());
			var loadBefore = MachineFacts.loadAverage();
			var search = new Latencies();
			var figures = search(http, queries, settings, search, deadline);
			var page = personPage(http, personIds, settings, deadline);
			var web = new WebPages(port);
			web.signIn(ADMIN_EMAIL, PASSWORD);
			var webPage = personWebPage(web, personIds, settings, deadline);
			var loadAverages = loadBefore + " before searching, " + MachineFacts.loadAverage() + " after the person pages";
			if (settings.explain()) {
				var out = settings.dataDir().getParent().resolve("explain-" + settings.persons() + ".txt");
				Explain.capture(pool, superuserUrl, settings.dataDir().resolve("postgres/server.log"), http, queries, out);
				Bench.progress("Plans of the searches written to %s", out);
			}
			try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(superuserUrl)) {
				var report = new Report(LocalDate.now(), MachineFacts.of(connection), settings, load, search, figures,
						figures.isEmpty() ? 0 : figures.getFirst().latencies().count(), page, webPage, databaseSize(connection),
						loadAverages,
						Duration.ofNanos(System.nanoTime() - started));
				var markdown = report.markdown();
				ResultsFile.update(settings.results(), settings.persons(), markdown);
				System.out.println("\n" + markdown);
				Bench.progress("Results written to %s", settings.results());
			}
		}
	}

	@FunctionalInterface
	interface IntPersonIds {
		UUID id(int index);
	}

	private static ConfigurableApplicationContext start(Settings settings) {
		Bench.progress("Starting Sen CRM");
		return new SpringApplicationBuilder(SenCrmApplication.class).run(
				"--server.port=0", "--server.address=127.0.0.1",
				"--sen.data-dir=" + settings.dataDir(), "--sen.embedded-db.durable=true", "--sen.demo-data=false",
				"--sen.admin.email=" + ADMIN_EMAIL, "--sen.admin.password=" + PASSWORD,
				"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.org.sencrm=INFO");
	}

	/** The administrator and four sales people, who own the customers. */
	static List<UUID> owners(Http http, UUID adminId) {
		var owners = new ArrayList<UUID>(List.of(adminId));
		for (int i = 1; i < OWNERS; i++) {
			var user = http.expect(201, http.post("/api/v1/users", Map.of("email", "sales" + i + "@bench.sen.local",
					"displayName", "Nhân viên kinh doanh " + i, "role", "sales", "password", PASSWORD)), "create user");
			owners.add(UUID.fromString(user.body().get("id").asString()));
		}
		return owners;
	}

	private record ApiFigures(double seconds, Latencies latencies) {
	}

	/** Persons 0..S-1 through {@code POST /api/v1/persons}, by a few client threads at once. */
	private static ApiFigures createThroughApi(Http http, CustomerBase base, List<UUID> owners, UUID[] ids, int threads,
			long deadline) throws InterruptedException {
		Bench.progress("Creating %,d persons through the API with %d client threads", ids.length, threads);
		var latencies = new Latencies();
		var next = new AtomicInteger();
		var failure = new AtomicReference<RuntimeException>();
		var started = System.nanoTime();
		try (var executor = Executors.newFixedThreadPool(threads)) {
			for (int t = 0; t < threads; t++) {
				executor.submit(() -> {
					for (int i = next.getAndIncrement(); i < ids.length && failure.get() == null; i = next.getAndIncrement()) {
						if (System.nanoTime() > deadline) {
							failure.compareAndSet(null, new IllegalStateException("Ran past the time limit creating persons"));
							return;
						}
						try {
							var response = http.expect(201, http.post("/api/v1/persons",
									CustomerBase.json(base.person(i), owners)), "create person " + i);
							ids[i] = UUID.fromString(response.body().get("id").asString());
							latencies.add(response.nanos());
						} catch (RuntimeException e) {
							failure.compareAndSet(null, e);
						}
					}
				});
			}
			executor.shutdown();
			if (!executor.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				throw new IllegalStateException("Ran past the time limit creating persons");
			}
		}
		if (failure.get() != null) {
			throw failure.get();
		}
		var seconds = (System.nanoTime() - started) / 1e9;
		Bench.progress("  %,d persons in %.1f s: %.0f persons/s", ids.length, seconds, ids.length / seconds);
		return new ApiFigures(seconds, latencies);
	}

	/** The bulk load must write what the app writes: compares its columns with rows the API just stored. */
	private static void checkBulkRowsMatchApi(BulkLoad bulk, CustomerBase base, UUID[] apiIds, UUID[] organizationIds,
			String superuserUrl) throws SQLException {
		try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(superuserUrl)) {
			var persons = Math.min(50, apiIds.length);
			for (int i = 0; i < persons; i++) {
				checkColumns(connection, "persons", apiIds[i], bulk.personColumns(base.person(i), apiIds[i]));
			}
			for (int k = 0; k < organizationIds.length; k++) {
				checkColumns(connection, "organizations", organizationIds[k], bulk.organizationColumns(base.organization(k)));
			}
			Bench.progress("Bulk rows match the rows the API wrote (%d persons and %d organizations, column by column)",
					persons, organizationIds.length);
		}
	}

	private static void checkColumns(java.sql.Connection connection, String table, UUID id, Map<String, Object> columns)
			throws SQLException {
		var types = Map.of("emails", "jsonb", "phones", "jsonb", "addresses", "jsonb", "consents", "jsonb",
				"custom_fields", "jsonb", "birthday", "date", "owner_id", "uuid");
		for (var column : columns.entrySet()) {
			var type = types.getOrDefault(column.getKey(), "text");
			try (var statement = connection.prepareStatement("select " + column.getKey() + " is not distinct from cast(? as "
					+ type + "), " + column.getKey() + "::text from " + table + " where id = ?")) {
				statement.setString(1, column.getValue() == null ? null : column.getValue().toString());
				statement.setObject(2, id);
				try (var rows = statement.executeQuery()) {
					if (!rows.next() || !rows.getBoolean(1)) {
						throw new IllegalStateException("Bulk row differs from the API's in " + table + "." + column.getKey()
								+ " of " + id + ": API wrote " + (rows.getRow() > 0 ? rows.getString(2) : "nothing")
								+ ", bulk would write " + column.getValue());
					}
				}
			}
		}
	}

	/** Ids of the benchmark's tags, made now if the API sample did not use them all. */
	static Map<String, UUID> tags(String superuserUrl, UUID workspaceId) throws SQLException {
		var ids = new java.util.HashMap<String, UUID>();
		try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(superuserUrl)) {
			for (var name : CustomerBase.TAGS) {
				try (var insert = connection.prepareStatement(
						"insert into tags (id, workspace_id, name) values (?, ?, ?) on conflict do nothing")) {
					insert.setObject(1, org.sencrm.platform.Ids.next());
					insert.setObject(2, workspaceId);
					insert.setString(3, name);
					insert.executeUpdate();
				}
				try (var select = connection.prepareStatement("select id from tags where workspace_id = ? and lower(name) = lower(?)")) {
					select.setObject(1, workspaceId);
					select.setString(2, name);
					try (var rows = select.executeQuery()) {
						rows.next();
						ids.put(name, rows.getObject(1, UUID.class));
					}
				}
			}
		}
		return ids;
	}

	/** Each query of the fixed set, round after round in a shuffled order, one at a time. */
	static List<Report.QueryFigures> search(Http http, List<SearchQueries.Query> queries, Settings settings,
			Latencies all, long deadline) {
		Bench.progress("Searching: %d queries, %d warm-up rounds, then up to %d rounds", queries.size(), WARM_UP_ROUNDS,
				settings.searchRounds());
		var perQuery = new java.util.LinkedHashMap<SearchQueries.Query, Latencies>();
		var last = new java.util.HashMap<SearchQueries.Query, Http.Response>();
		queries.forEach(q -> perQuery.put(q, new Latencies()));
		var phaseEnd = Math.min(deadline, System.nanoTime() + Duration.ofMinutes(10).toNanos());
		for (int round = 0; round < WARM_UP_ROUNDS + settings.searchRounds() && System.nanoTime() < phaseEnd; round++) {
			var order = new ArrayList<>(queries);
			Collections.shuffle(order, new java.util.Random(settings.seed() + round));
			for (var query : order) {
				var response = http.expect(200, http.get("/api/v1/search?q=" + URLEncoder.encode(query.text(), StandardCharsets.UTF_8)),
						"search " + query.text());
				if (round >= WARM_UP_ROUNDS) {
					perQuery.get(query).add(response.nanos());
					all.add(response.nanos());
				}
				last.put(query, response);
			}
		}
		var figures = new ArrayList<Report.QueryFigures>();
		perQuery.forEach((query, latencies) -> {
			var items = last.get(query).body().get("items");
			var expectedAt = "—";
			if (query.expected() != null) {
				expectedAt = "not found";
				for (int i = 0; i < items.size(); i++) {
					if (items.get(i).get("id").asString().equals(query.expected().toString())) {
						expectedAt = String.valueOf(i + 1);
						break;
					}
				}
			}
			var top = items.isEmpty() ? "—" : items.get(0).get("name").asString();
			figures.add(new Report.QueryFigures(query, items.size(), top, expectedAt, latencies));
		});
		Bench.progress("  search p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", all.millis(50), all.millis(95), all.millis(99));
		return figures;
	}

	/** {@code GET /api/v1/persons/{id}} for persons spread over the whole table, each once. */
	private static Latencies personPage(Http http, IntPersonIds ids, Settings settings, long deadline) {
		Bench.progress("Reading %,d person pages", settings.pageRequests());
		var latencies = new Latencies();
		var warmUp = 100;
		var phaseEnd = Math.min(deadline, System.nanoTime() + Duration.ofMinutes(5).toNanos());
		for (int k = 0; k < warmUp + settings.pageRequests() && System.nanoTime() < phaseEnd; k++) {
			var index = (int) ((k * 7919L + 11) % settings.persons());
			var response = http.expect(200, http.get("/api/v1/persons/" + ids.id(index)), "person " + index);
			if (k >= warmUp) {
				latencies.add(response.nanos());
			}
		}
		Bench.progress("  person page p50 %.1f ms, p95 %.1f ms", latencies.millis(50), latencies.millis(95));
		return latencies;
	}

	/** The person's web page, {@code GET /persons/{id}} with a signed-in session, for the same persons. */
	private static Latencies personWebPage(WebPages web, IntPersonIds ids, Settings settings, long deadline) {
		Bench.progress("Reading %,d person web pages", settings.pageRequests());
		var latencies = new Latencies();
		var warmUp = 100;
		var phaseEnd = Math.min(deadline, System.nanoTime() + Duration.ofMinutes(5).toNanos());
		for (int k = 0; k < warmUp + settings.pageRequests() && System.nanoTime() < phaseEnd; k++) {
			var index = (int) ((k * 7919L + 11) % settings.persons());
			var page = web.get("/persons/" + ids.id(index));
			if (page.status() != 200) {
				throw new IllegalStateException("Person web page " + index + " answered " + page.status() + " " + page.location());
			}
			if (k >= warmUp) {
				latencies.add(page.nanos());
			}
		}
		Bench.progress("  person web page p50 %.1f ms, p95 %.1f ms", latencies.millis(50), latencies.millis(95));
		return latencies;
	}

	private static String databaseSize(java.sql.Connection connection) throws SQLException {
		try (var statement = connection.createStatement(); var rows = statement.executeQuery("""
				select pg_size_pretty(pg_database_size('sen')), pg_size_pretty(pg_table_size('persons')),
				       pg_size_pretty(pg_indexes_size('persons')), pg_size_pretty(pg_table_size('search_terms')),
				       pg_size_pretty(pg_indexes_size('search_terms'))""")) {
			rows.next();
			return rows.getString(1) + " (persons: " + rows.getString(2) + " table, " + rows.getString(3)
					+ " indexes; search terms: " + rows.getString(4) + " table, " + rows.getString(5) + " indexes)";
		}
	}
}
