package org.sencrm.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.platform.database.EmbeddedPostgres;

/**
 * Writing many persons with their search terms, as an import writes them (decision 29): a
 * workspace of {@code bench.persons} persons loaded in bulk, then {@code bench.new-persons}
 * (200,000) more persons staged with COPY and written with one {@code insert into persons … select
 * … from staging} as the application's role under row-level security, the search terms made by
 * the statement trigger. The same statement is timed first without the terms (trigger off, rolled
 * back) to show their share. Then the search box is timed as {@link DirectoryBenchmark} times it,
 * and a newcomer must be found by email and phone.
 * Run: {@code ./mvnw -Pbench verify -Dit.test=SearchTermsBenchmark -Dbench.persons=1000000}.
 */
@Tag("benchmark")
class SearchTermsBenchmark {

	private static final String ADMIN_EMAIL = "terms-admin@sen.local";
	private static final String PASSWORD = "bench-lotus-copper-river-25";
	private static final int OWNERS = 5;

	record Insert(long rows, Duration time, long terms) {

		double perSecond() {
			return rows / (time.toNanos() / 1e9);
		}
	}

	@Test
	void bulkInsertWithSearchTerms() throws Exception {
		var settings = Settings.fromSystemProperties();
		var newcomers = Integer.getInteger("bench.new-persons", 200_000);
		var started = System.nanoTime();
		var deadline = started + Duration.ofMinutes(settings.maxMinutes()).toNanos();
		try (var app = BenchApp.start(settings.baseDir().resolve("target/bench/terms-" + settings.persons()), ADMIN_EMAIL,
				PASSWORD)) {
			var http = app.http();
			var workspaceId = UUID.fromString(app.workspaceId());
			var url = app.jdbcUrl();
			var owners = DirectoryBenchmark.owners(http, UUID.fromString(app.me().get("id").asString()));
			var base = new CustomerBase(settings.seed(), settings.persons(), OWNERS);
			Bench.progress("Loading %,d persons and %,d organizations in bulk", settings.persons(), base.organizations());
			var bulk = new BulkLoad(url, app.bean(ContactJson.class), base, workspaceId, owners,
					DirectoryBenchmark.tags(url, workspaceId));
			var load = bulk.load(new UUID[0], new UUID[0], true, deadline);
			String appRole;
			try (var connection = app.bean(DataSource.class).getConnection(); var sql = connection.createStatement();
					var rows = sql.executeQuery("select current_user")) {
				rows.next();
				appRole = rows.getString(1);
			}
			var staged = new CustomerBase(settings.seed() + 7, newcomers, OWNERS);
			Insert without;
			Insert with;
			String facts;
			try (var connection = EmbeddedPostgres.superuserConnection(url); var sql = connection.createStatement()) {
				sql.execute("create unlogged table staging_persons (like persons including defaults)");
				sql.execute("grant select on staging_persons to \"" + appRole + "\"");
				Bench.progress("Staging %,d new persons with COPY", newcomers);
				bulk.copyStaging(connection, staged, "staging_persons");
				sql.execute("vacuum (analyze) staging_persons");
				sql.execute("checkpoint");
				Bench.progress("insert … select without search terms (rolled back)");
				without = insert(connection, appRole, workspaceId, false);
				Bench.progress("  %,d persons in %.1f s: %,.0f persons/s", without.rows(), seconds(without.time()), without.perSecond());
				sql.execute("vacuum persons");
				sql.execute("checkpoint");
				Bench.progress("insert … select with search terms");
				with = insert(connection, appRole, workspaceId, true);
				Bench.progress("  %,d persons and %,d terms in %.1f s: %,.0f persons/s", with.rows(), with.terms(),
						seconds(with.time()), with.perSecond());
				var machine = MachineFacts.of(connection);
				facts = machine.cpu() + ", " + machine.cores() + " cores, " + machine.memory() + ", " + machine.jdk() + ", "
						+ machine.postgres();
			}
			var loadAfterInsert = MachineFacts.loadAverage();

			var newcomer = staged.person(newcomers / 2);
			var found = new ArrayList<String>();
			if (!newcomer.emails().isEmpty()) {
				found.add(findsNewcomer(http, newcomer.emails().getFirst(), newcomer.id()));
			}
			if (!newcomer.phones().isEmpty()) {
				found.add(findsNewcomer(http, newcomer.phones().getFirst(), newcomer.id()));
			}
			var queries = SearchQueries.of(base, i -> base.person(i).id(), k -> base.organization(k).id());
			var search = new Latencies();
			var figures = DirectoryBenchmark.search(http, queries, settings, search, deadline);
			var perQuery = new StringBuilder();
			for (var figure : figures) {
				perQuery.append("| `%s` | %s | %d | %.1f | %.1f |\n".formatted(figure.query().text(), figure.query().kind(),
						figure.results(), figure.latencies().millis(50), figure.latencies().millis(95)));
			}
			var markdown = """
					### %,d new persons with their search terms into %,d persons (%s)

					Machine: %s. Load average (1 minute, two cores shared with other builds): %s after the inserts,
					%s after searching. The workspace was loaded in bulk in %d s; the new persons are generated
					as the directory benchmark's are (names, emails, phones as typed, addresses), staged with COPY
					into an unlogged table, then written by the application's role under row-level security.

					| `insert into persons … select … from staging` (one statement, then commit) | time | persons/s |
					| --- | ---: | ---: |
					| without search terms (trigger switched off, rolled back) | %.1f s | %,.0f |
					| with search terms (statement trigger, %,d terms) | %.1f s | %,.0f |

					A new person searched by email and by phone right after: %s.

					Search after the insert (`GET /api/v1/search?q=`, %d queries × up to %d rounds, no VACUUM in
					between): p50 **%.1f ms**, p95 **%.1f ms**, p99 %.1f ms.

					| Query | Kind | Results | p50 ms | p95 ms |
					| --- | --- | ---: | ---: | ---: |
					%s
					Whole run: %.1f minutes.
					""".formatted(newcomers, settings.persons(), LocalDate.now(), facts, loadAfterInsert,
					MachineFacts.loadAverage(), load.copy().plus(load.terms()).plus(load.indexes()).plus(load.vacuum()).toSeconds(),
					seconds(without.time()), without.perSecond(), with.terms(), seconds(with.time()), with.perSecond(),
					String.join(", ", found), queries.size(), settings.searchRounds(), search.millis(50), search.millis(95),
					search.millis(99), perQuery, Duration.ofNanos(System.nanoTime() - started).toSeconds() / 60.0);
			ResultsFile.updateNamed(settings.results(), "search-terms persons=" + settings.persons(), markdown);
			System.out.println(markdown);
		}
	}

	/** One {@code insert … select} of the staged persons as the application's role, in the workspace. */
	private static Insert insert(Connection connection, String appRole, UUID workspaceId, boolean terms) throws SQLException {
		connection.setAutoCommit(false);
		try (var sql = connection.createStatement()) {
			if (!terms) {
				sql.execute("alter table persons disable trigger persons_search_terms_insert");
			}
			long termsBefore = count(sql, "select count(*) from search_terms");
			sql.execute("set local role \"" + appRole + "\"");
			sql.execute("select set_config('sen.workspace_id', '" + workspaceId + "', true)");
			var columns = BulkLoad.personColumns();
			var start = System.nanoTime();
			var rows = sql.executeUpdate("insert into persons (" + columns + ") select " + columns + " from staging_persons");
			if (terms) {
				connection.commit();
			}
			var time = Duration.ofNanos(System.nanoTime() - start);
			if (!terms) {
				connection.rollback();
			}
			connection.setAutoCommit(true);
			return new Insert(rows, time, count(sql, "select count(*) from search_terms") - termsBefore);
		}
	}

	private static long count(java.sql.Statement sql, String query) throws SQLException {
		try (var rows = sql.executeQuery(query)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static String findsNewcomer(Http http, String query, UUID expected) {
		var items = http.expect(200, http.get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)), "search")
				.body().get("items");
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).get("id").asString().equals(expected.toString())) {
				return "`" + query + "` at " + (i + 1);
			}
		}
		return "`" + query + "` not found";
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}
}
