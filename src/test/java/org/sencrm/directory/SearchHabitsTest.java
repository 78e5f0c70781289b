package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The ways people type into the search box, and search terms that follow every change of a record. */
@IntegrationTest
class SearchHabitsTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	Api api;
	String thao;
	String john;
	String company;

	@BeforeEach
	void customers() {
		api = new Api(port, workspaces.create().member(Role.SALES).token());
		thao = person("Nguyễn", "Thị", "Thảo", "thao.nguyen@example.vn", "0971234567");
		person("Nguyễn", "Văn", "Thành", "thanh@example.vn", "0907654321");
		john = person("Smith", null, "John", "john.smith@example.com", "+44 20 7946 0958");
		company = api.post("/api/v1/organizations", Map.of("name", "Công ty Cổ phần Minh Phát", "taxCode", "0309876543",
				"phones", List.of(Map.of("number", "028 3823 4567")))).body().get("id").asString();
	}

	@Test
	void findsAPersonByFamilyAndGivenNameWithoutTheMiddleName() {
		assertThat(ids("nguyen thao")).first().isEqualTo(thao);
		assertThat(ids("Thảo Nguyễn")).first().isEqualTo(thao);
	}

	@Test
	void findsAForeignNameTypedGivenNameFirst() {
		assertThat(ids("john smith")).first().isEqualTo(john);
		assertThat(ids("smith")).first().isEqualTo(john);
	}

	@Test
	void findsAPhoneByItsLastDigits() {
		assertThat(ids("1234567")).containsExactly(thao);
		assertThat(ids("823 4567")).containsExactly(company);
	}

	@Test
	void findsATaxCodeThatIsAlsoAValidPhoneNumber() {
		assertThat(ids("0309876543")).containsExactly(company);
		assertThat(ids("minh phat")).first().isEqualTo(company);
	}

	@Test
	void toleratesTyposInAnyWord() {
		assertThat(ids("nguyen thi thaoo")).first().isEqualTo(thao);
		assertThat(ids("nguyne thi thao")).first().isEqualTo(thao);
		assertThat(ids("nguyen thj thao")).first().isEqualTo(thao);
	}

	@Test
	void findsARenamedPersonByTheNewNameOnly() {
		api.patch("/api/v1/persons/" + thao, Map.of("givenName", "Trang", "phones", List.of(Map.of("number", "0981112223"))));

		assertThat(ids("nguyen thi trang")).first().isEqualTo(thao);
		assertThat(ids("0981112223")).containsExactly(thao);
		assertThat(ids("0971234567")).isEmpty();
	}

	@Test
	void forgetsADeletedPerson() {
		api.delete("/api/v1/persons/" + thao);

		assertThat(ids("thao.nguyen@example.vn")).isEmpty();
	}

	private String person(String family, String middle, String given, String email, String phone) {
		var body = new java.util.HashMap<String, Object>(Map.of("familyName", family, "givenName", given,
				"emails", List.of(Map.of("address", email)), "phones", List.of(Map.of("number", phone))));
		if (middle != null) {
			body.put("middleName", middle);
		}
		return api.post("/api/v1/persons", body).body().get("id").asString();
	}

	private List<String> ids(String q) {
		var response = api.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(200);
		return response.body().get("items").valueStream().map(r -> r.get("id").asString()).toList();
	}
}
