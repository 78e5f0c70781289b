package org.sencrm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;
import java.util.UUID;

/** Folder for the benchmark's database, with what the run that filled it measured, so later runs can reuse it. */
record StoredData(Path folder) {

	Path marker() {
		return folder.resolve("bench-data.properties");
	}

	boolean matches(Settings settings) throws IOException {
		if (!Files.exists(marker())) {
			return false;
		}
		var p = properties();
		return String.valueOf(settings.persons()).equals(p.getProperty("persons"))
				&& String.valueOf(settings.seed()).equals(p.getProperty("seed"));
	}

	void delete() throws IOException {
		if (Files.exists(folder)) {
			try (var paths = Files.walk(folder)) {
				for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
		Files.createDirectories(folder);
	}

	void save(Settings settings, Report.Load load, UUID[] apiIds, UUID[] apiOrganizationIds) throws IOException {
		var p = new Properties();
		var b = load.bulk();
		p.setProperty("persons", String.valueOf(settings.persons()));
		p.setProperty("seed", String.valueOf(settings.seed()));
		p.setProperty("api.seconds", String.valueOf(load.apiSeconds()));
		p.setProperty("api.p50", String.valueOf(load.apiP50()));
		p.setProperty("api.p95", String.valueOf(load.apiP95()));
		p.setProperty("bulk.persons", String.valueOf(b.persons()));
		p.setProperty("bulk.organizations", String.valueOf(b.organizations()));
		p.setProperty("bulk.contactRoles", String.valueOf(b.contactRoles()));
		p.setProperty("bulk.personTags", String.valueOf(b.personTags()));
		p.setProperty("bulk.searchTerms", String.valueOf(b.searchTerms()));
		p.setProperty("bulk.copyMillis", String.valueOf(b.copy().toMillis()));
		p.setProperty("bulk.termsMillis", String.valueOf(b.terms().toMillis()));
		p.setProperty("bulk.indexMillis", String.valueOf(b.indexes().toMillis()));
		p.setProperty("bulk.vacuumMillis", String.valueOf(b.vacuum().toMillis()));
		Files.write(folder.resolve("api-ids.txt"), Arrays.stream(apiIds).map(UUID::toString).toList());
		Files.write(folder.resolve("api-organization-ids.txt"), Arrays.stream(apiOrganizationIds).map(UUID::toString).toList());
		try (var out = Files.newBufferedWriter(marker())) {
			p.store(out, "Sen CRM benchmark data");
		}
	}

	/** Ids of the records the run that filled the folder made through the API, in generation order. */
	UUID[] ids(String file) throws IOException {
		return Files.readAllLines(folder.resolve(file)).stream().map(UUID::fromString).toArray(UUID[]::new);
	}

	Report.Load load() throws IOException {
		var p = properties();
		var bulk = new BulkLoad.Result(Long.parseLong(p.getProperty("bulk.persons")),
				Long.parseLong(p.getProperty("bulk.organizations")), Long.parseLong(p.getProperty("bulk.contactRoles")),
				Long.parseLong(p.getProperty("bulk.personTags")), Long.parseLong(p.getProperty("bulk.searchTerms")),
				Duration.ofMillis(Long.parseLong(p.getProperty("bulk.copyMillis"))),
				Duration.ofMillis(Long.parseLong(p.getProperty("bulk.termsMillis"))),
				Duration.ofMillis(Long.parseLong(p.getProperty("bulk.indexMillis"))),
				Duration.ofMillis(Long.parseLong(p.getProperty("bulk.vacuumMillis"))));
		return new Report.Load(ids("api-ids.txt").length, Double.parseDouble(p.getProperty("api.seconds")),
				Double.parseDouble(p.getProperty("api.p50")), Double.parseDouble(p.getProperty("api.p95")), bulk, true);
	}

	private Properties properties() throws IOException {
		var p = new Properties();
		try (var in = Files.newBufferedReader(marker())) {
			p.load(in);
		}
		return p;
	}
}
