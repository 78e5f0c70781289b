package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sencrm.directory.duplicates.DuplicateScans;
import org.sencrm.identity.Role;
import org.sencrm.platform.Ids;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The duplicate finder on real data: the FEBRL data sets (synthetic persons with typos, missing
 * values, swapped and changed fields; {@code rec-N-org} and {@code rec-N-dup-k} are the same person
 * N) loaded as persons, their {@code rec_id} only as the external id, scanned, and the reported pairs
 * scored against the truth. The figures go to docs/benchmarks.md; the floors sit just under them, so a
 * change that makes the finder worse fails here.
 */
@IntegrationTest
class FebrlDuplicatesTest {

	private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	DuplicateScans scans;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@ParameterizedTest(name = "{0}")
	@CsvSource({
			"dataset1.csv, 0.975",
			"dataset2.csv, 0.97",
			"dataset3.csv, 0.96",
			"dataset4a.csv dataset4b.csv, 0.98"})
	void findsTheFebrlDuplicatesWithHighPrecisionAndRecall(String files, double minimumF1) throws IOException {
		var workspace = workspaces.create();
		var owner = workspace.member(Role.ADMIN).id();
		var records = new ArrayList<String[]>();
		for (var file : files.split(" ")) {
			records.addAll(read("/febrl/" + file));
		}

		var reported = WorkspaceContext.callAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).execute(status -> {
			load(records, workspace.id(), owner);
			var found = scans.scanNow("person");
			System.out.printf("FEBRL %s: %,d records, %,d candidate pairs, %,d pairs kept, %,d groups%n", files, records.size(),
					found.candidates(), found.pairs(), found.groups());
			return jdbc.sql("""
					select a.external_id, b.external_id from duplicate_pairs d
					join persons a on a.id = d.low_id join persons b on b.id = d.high_id
					where d.workspace_id = :ws and d.entity = 'person'""")
					.param("ws", workspace.id()).query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).list();
		}));

		var truePairs = truePairs(records);
		var correct = reported.stream().filter(pair -> person(pair.get(0)).equals(person(pair.get(1)))).count();
		var precision = reported.isEmpty() ? 0 : (double) correct / reported.size();
		var recall = (double) correct / truePairs;
		var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
		System.out.printf("FEBRL %s: true pairs %,d, reported %,d, correct %,d, precision %.4f, recall %.4f, F1 %.4f%n", files,
				truePairs, reported.size(), correct, precision, recall, f1);
		assertThat(f1).as("F1 on " + files).isGreaterThanOrEqualTo(minimumF1);
	}

	private static List<String[]> read(String resource) throws IOException {
		var rows = new ArrayList<String[]>();
		try (var reader = new BufferedReader(new InputStreamReader(FebrlDuplicatesTest.class.getResourceAsStream(resource),
				StandardCharsets.UTF_8))) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					var values = line.split(",", -1);
					for (int i = 0; i < values.length; i++) {
						values[i] = values[i].strip();
					}
					rows.add(values);
				}
			}
		}
		return rows;
	}

	/** As persons, in one statement: rec_id as the external id, the address as a postal address. */
	private void load(List<String[]> records, UUID workspaceId, UUID owner) {
		var json = JsonMapper.builder().build();
		var ids = new ArrayList<UUID>();
		var externalIds = new ArrayList<String>();
		var families = new ArrayList<String>();
		var givens = new ArrayList<String>();
		var addresses = new ArrayList<String>();
		var birthdays = new ArrayList<String>();
		var searchNames = new ArrayList<String>();
		var searchTexts = new ArrayList<String>();
		for (var r : records) {
			ids.add(Ids.next());
			externalIds.add(r[0]);
			var given = r[1];
			var family = r[2].isEmpty() ? null : r[2];
			givens.add(given);
			families.add(family);
			var address = new HashMap<String, String>();
			put(address, "line1", (r[3] + " " + r[4]).strip());
			put(address, "line2", r[5]);
			put(address, "city", r[6]);
			put(address, "postalCode", r[7]);
			put(address, "province", r[8]);
			address.put("country", "AU");
			addresses.add(json.writeValueAsString(List.of(address)));
			birthdays.add(birthday(r[9]));
			var folded = SearchText.fold(((family == null ? "" : family) + " " + given).strip());
			searchNames.add(folded);
			searchTexts.add(folded + " " + SearchText.fold((given + " " + (family == null ? "" : family)).strip()));
		}
		jdbc.sql("""
				insert into persons (id, workspace_id, external_id, family_name, given_name, name_order, display_name, addresses,
				  birthday, owner_id, search_name, search_text)
				select r.id, :ws, r.external_id, r.family, r.given, 'given_first', r.search_name, cast(r.address as jsonb),
				  cast(r.birthday as date), :owner, r.search_name, r.search_text
				from unnest(:ids, :externalIds, :families, :givens, :addresses, :birthdays, :searchNames, :searchTexts)
				  as r(id, external_id, family, given, address, birthday, search_name, search_text)""")
				.param("ws", workspaceId).param("owner", owner)
				.param("ids", ids.toArray(UUID[]::new)).param("externalIds", externalIds.toArray(String[]::new))
				.param("families", families.toArray(String[]::new)).param("givens", givens.toArray(String[]::new))
				.param("addresses", addresses.toArray(String[]::new)).param("birthdays", birthdays.toArray(String[]::new))
				.param("searchNames", searchNames.toArray(String[]::new)).param("searchTexts", searchTexts.toArray(String[]::new))
				.update();
	}

	private static void put(Map<String, String> map, String key, String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value);
		}
	}

	/** A FEBRL date (yyyymmdd), or null where it is missing or not a date (the generator makes some). */
	private static String birthday(String text) {
		try {
			return text.isEmpty() ? null : LocalDate.parse(text, BASIC).toString();
		} catch (DateTimeParseException e) {
			return null;
		}
	}

	/** N of rec-N-org and rec-N-dup-k. */
	private static String person(String recId) {
		return recId.split("-")[1];
	}

	private static long truePairs(List<String[]> records) {
		var byPerson = new HashMap<String, Integer>();
		records.forEach(r -> byPerson.merge(person(r[0]), 1, Integer::sum));
		return byPerson.values().stream().mapToLong(k -> (long) k * (k - 1) / 2).sum();
	}

}
