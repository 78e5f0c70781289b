package org.sencrm.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The figures of one benchmark run, rendered as a Markdown section of docs/benchmarks.md. */
record Report(LocalDate date, MachineFacts machine, Settings settings, Load load, Latencies search,
		List<QueryFigures> queries, int searchRounds, Latencies page, Latencies webPage, String databaseSize,
		String loadAverages,
		java.time.Duration elapsed) {

	/** How the data got in: through the API (timed), then in bulk. */
	record Load(int apiPersons, double apiSeconds, double apiP50, double apiP95, BulkLoad.Result bulk, boolean reused) {
	}

	record QueryFigures(SearchQueries.Query query, int results, String top, String expectedAt, Latencies latencies) {
	}

	String markdown() {
		var s = settings;
		var b = load.bulk();
		var md = new StringBuilder();
		md.append(String.format(Locale.ROOT, "### %,d persons (measured %s)%n%n", s.persons(), date));
		md.append(String.format(Locale.ROOT, "- Machine: %s, %d cores, %s RAM, %s%n", machine.cpu(), machine.cores(),
				machine.memory(), machine.os()));
		md.append(String.format(Locale.ROOT, "- Load on the machine (1-minute load average, %d cores shared with other work): %s%n",
				machine.cores(), loadAverages));
		md.append(String.format(Locale.ROOT, "- JDK: %s%n", machine.jdk()));
		md.append(String.format(Locale.ROOT, "- PostgreSQL: %s, embedded, on the same machine (%s)%n", machine.postgres(),
				machine.postgresSettings()));
		md.append(String.format(Locale.ROOT,
				"- Data: %,d persons (%,d through the API, %,d by COPY), %,d organizations, %,d contact roles, %,d person tags;"
						+ " seed %d; database %s%s%n%n",
				s.persons(), load.apiPersons(), b.persons(), b.organizations(), b.contactRoles(), b.personTags(), s.seed(),
				databaseSize, load.reused() ? " (data loaded by an earlier run; load figures from that run)" : ""));
		md.append("| Step | Result |\n| --- | --- |\n");
		md.append(String.format(Locale.ROOT,
				"| Create through the API: `POST /api/v1/persons`, %d client threads | %,d persons in %.1f s: **%.0f persons/s** (p50 %.1f ms, p95 %.1f ms) |%n",
				s.clientThreads(), load.apiPersons(), load.apiSeconds(), load.apiPersons() / load.apiSeconds(), load.apiP50(),
				load.apiP95()));
		md.append(String.format(Locale.ROOT,
				"| Bulk load: COPY as `postgres`, secondary indexes rebuilt after | %,d rows copied in %.1f s (%,.0f persons/s);"
						+ " %,d search terms made in %.1f s; indexes built in %.1f s; VACUUM ANALYZE %.1f s |%n",
				b.persons() + b.organizations() + b.contactRoles() + b.personTags(), seconds(b.copy()),
				b.persons() / Math.max(0.001, seconds(b.copy())), b.searchTerms(), seconds(b.terms()), seconds(b.indexes()),
				seconds(b.vacuum())));
		md.append(String.format(Locale.ROOT,
				"| Search: `GET /api/v1/search?q=`, %d queries × %d rounds, one client, after warm-up | p50 **%.1f ms**, p95 **%.1f ms**, p99 %.1f ms, max %.1f ms |%n",
				queries.size(), searchRounds, search.millis(50), search.millis(95), search.millis(99), search.max()));
		md.append(String.format(Locale.ROOT,
				"| Person page: `GET /api/v1/persons/{id}`, %,d different persons, one client, after warm-up | p50 **%.1f ms**, p95 **%.1f ms**, p99 %.1f ms, max %.1f ms |%n",
				page.count(), page.millis(50), page.millis(95), page.millis(99), page.max()));
		md.append(String.format(Locale.ROOT,
				"| Person web page: `GET /persons/{id}` (profile, organizations, history), signed-in session, same persons | p50 **%.1f ms**, p95 **%.1f ms**, p99 %.1f ms, max %.1f ms |%n%n",
				webPage.millis(50), webPage.millis(95), webPage.millis(99), webPage.max()));
		md.append("Each query, with the first result and, for a query that names one customer, where that customer came back:\n\n");
		md.append("| Query | Kind | Results | First result | Expected at | p50 ms | p95 ms | max ms |\n"
				+ "| --- | --- | ---: | --- | --- | ---: | ---: | ---: |\n");
		for (var q : queries) {
			md.append(String.format(Locale.ROOT, "| `%s` | %s | %d | %s | %s | %.1f | %.1f | %.1f |%n", q.query().text(),
					q.query().kind(), q.results(), q.top(), q.expectedAt(), q.latencies().millis(50), q.latencies().millis(95),
					q.latencies().max()));
		}
		md.append(String.format(Locale.ROOT, "%nThe whole run took %.1f minutes.%n", elapsed.toMillis() / 60_000.0));
		return md.toString();
	}

	private static double seconds(java.time.Duration duration) {
		return duration.toMillis() / 1000.0;
	}
}
