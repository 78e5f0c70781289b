package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.organization.Organization;
import org.sencrm.directory.person.Person;
import org.sencrm.directory.search.SearchTerms;
import org.sencrm.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The person import makes search terms in Java (decision 41) and every other writer gets them from
 * the SQL function {@code sen_search_terms}: both must make the same terms, or imported persons would
 * be found differently from persons created by hand. Compared on real data — the FEBRL persons, with
 * emails and phones made from their names and numbers — and on the hard cases: Vietnamese names,
 * names longer than a term, one-word names, scripts without case, organizations.
 */
@IntegrationTest
class SearchTermsAgreeTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void javaMakesTheSameTermsAsTheDatabaseForEveryFebrlPersonAndTheHardCases() throws IOException {
		var names = new ArrayList<String>();
		var texts = new ArrayList<String>();
		for (var file : List.of("/febrl/dataset2.csv", "/febrl/dataset4a.csv")) {
			for (var r : febrl(file)) {
				var given = r[1].isEmpty() ? null : r[1];
				var family = r[2].isEmpty() ? null : r[2];
				var emails = given == null || family == null ? List.<EmailAddress>of()
						: List.of(new EmailAddress(given + "." + family + r[3] + "@example.com.au", null, true));
				var phones = r[10].length() < 7 ? List.<PhoneNumber>of() : List.of(new PhoneNumber("+8490" + r[10], null, true));
				var person = person(family, null, given, emails, phones);
				names.add(person.sortName());
				texts.add(person.searchText());
			}
		}
		var hard = List.of(
				person("Nguyễn", "Thị", "Thảo", List.of(new EmailAddress("thao.nguyen@example.vn", null, true)),
						List.of(new PhoneNumber("+84901234567", null, true), new PhoneNumber("+842838123456", null, false))),
				person("Tôn Nữ", "Hoàng Bảo", "Ngọc Quỳnh Như Ý", List.of(new EmailAddress("tonnuhoangbaongocquynhnhuy1999@gmail.com", null,
						true), new EmailAddress("y@x.vn", null, false)), List.of()),
				person("Đặng", null, "Đức", List.of(), List.of(new PhoneNumber("+84987654321", null, true))),
				person(null, null, "Madonna", List.of(), List.of()),
				person("Park", null, "Ji-sung", List.of(new EmailAddress("jisung.park@example.kr", null, true)), List.of()),
				person("王", null, "小明", List.of(), List.of(new PhoneNumber("+8613800138000", null, true))),
				person("김", null, "민준", List.of(), List.of()),
				person("Müller-Lüdenscheidt", "von", "Hans-Jürgen", List.of(new EmailAddress("hj@müller.de", null, true)), List.of()));
		for (var person : hard) {
			names.add(person.sortName());
			texts.add(person.searchText());
		}
		// no search name: the SQL lets no run of words through, only reversed numbers (the import always has one)
		names.add(null);
		texts.add("nguyen an an nguyen 84901234567 0901234567");
		names.add("nguyen an");
		texts.add(null);

		assertThat(differences(names, texts, true)).isEmpty();
		assertThat(names.size()).isGreaterThan(10_000);

		var organizations = new ArrayList<String>();
		var organizationTexts = new ArrayList<String>();
		for (var o : List.of(
				organization("Công ty TNHH Thương mại Dịch vụ Xuất nhập khẩu Hoàng Long Phát", "0312345678", "hoanglong.vn",
						List.of(new EmailAddress("info@hoanglong.vn", null, true))),
				organization("Cà phê An An", "0312345678", null, List.of()),
				organization("ACME", null, null, List.of()))) {
			organizations.add(o.searchName());
			organizationTexts.add(o.searchText());
		}
		assertThat(differences(organizations, organizationTexts, false)).isEmpty();
	}

	/** The records whose terms differ, with both sets of terms. */
	private List<String> differences(List<String> names, List<String> texts, boolean personal) {
		var sql = sqlTerms(names, texts, personal);
		var java = javaTerms(names, texts, personal);
		var differences = new ArrayList<String>();
		sql.forEach((i, terms) -> {
			if (!terms.equals(java.get(i))) {
				differences.add(names.get(i) + " / " + texts.get(i) + ": sql " + terms + ", java " + java.get(i));
			}
		});
		return differences;
	}

	private Map<Integer, TreeSet<String>> sqlTerms(List<String> names, List<String> texts, boolean personal) {
		var terms = new TreeMap<Integer, TreeSet<String>>();
		for (int i = 0; i < names.size(); i++) {
			terms.put(i, new TreeSet<>());
		}
		jdbc.sql("""
				select r.n, t from unnest(cast(:names as text[]), cast(:texts as text[])) with ordinality as r(name, text, n),
				  sen_search_terms(r.name, r.text, :personal) t""")
				.param("names", names.toArray(String[]::new)).param("texts", texts.toArray(String[]::new)).param("personal", personal)
				.query((rs, n) -> terms.get(rs.getInt(1) - 1).add(rs.getString(2))).list();
		return terms;
	}

	private static Map<Integer, TreeSet<String>> javaTerms(List<String> names, List<String> texts, boolean personal) {
		var terms = new TreeMap<Integer, TreeSet<String>>();
		for (int i = 0; i < names.size(); i++) {
			terms.put(i, new TreeSet<>(SearchTerms.of(names.get(i), texts.get(i), personal)));
		}
		return terms;
	}

	private static Person person(String family, String middle, String given, List<EmailAddress> emails, List<PhoneNumber> phones) {
		var name = PersonName.detected(family, middle, given, NameOrder.FAMILY_FIRST);
		return new Person(null, name.family(), name.middle(), name.given(), name.order(), emails, phones, List.of(), null, List.of(),
				null, null, null, "potential", null, Map.of(), Map.of(), null, null, null, 0);
	}

	private static Organization organization(String name, String taxCode, String website, List<EmailAddress> emails) {
		return new Organization(null, name, null, null, null, taxCode, null, null, website, emails, List.of(), List.of(), null,
				List.of(), null, null, Map.of(), null, null, null, 0);
	}

	private static List<String[]> febrl(String resource) throws IOException {
		var rows = new ArrayList<String[]>();
		try (var reader = new BufferedReader(new InputStreamReader(SearchTermsAgreeTest.class.getResourceAsStream(resource),
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
}
