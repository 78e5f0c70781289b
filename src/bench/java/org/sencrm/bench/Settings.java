package org.sencrm.bench;

import java.nio.file.Path;

/** What to run, from system properties ({@code -Dbench.persons=1000000} on the Maven command line). */
record Settings(int persons, int apiPersons, int clientThreads, long seed, int searchRounds, int pageRequests,
		boolean reuse, boolean explain, int maxMinutes, Path baseDir, Path dataDir, Path results) {

	static Settings fromSystemProperties() {
		var persons = Integer.getInteger("bench.persons", 100_000);
		var baseDir = Path.of(System.getProperty("bench.basedir", ".")).toAbsolutePath();
		var dataDir = System.getProperty("bench.data-dir");
		var results = System.getProperty("bench.results");
		return new Settings(persons, Math.min(persons, Integer.getInteger("bench.api-persons", 3_000)),
				Integer.getInteger("bench.client-threads", 4), Long.getLong("bench.seed", 20_250_601L),
				Integer.getInteger("bench.search-rounds", 30), Integer.getInteger("bench.page-requests", 1_000),
				Boolean.getBoolean("bench.reuse"), !"false".equals(System.getProperty("bench.explain")),
				Integer.getInteger("bench.max-minutes", 45), baseDir,
				dataDir != null ? Path.of(dataDir).toAbsolutePath() : baseDir.resolve("target/bench/db-" + persons),
				results != null ? Path.of(results).toAbsolutePath() : baseDir.resolve("docs/benchmarks.md"));
	}
}
