package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SearchTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	Api api;
	String an;
	String dang;
	String company;

	@BeforeEach
	void customers() {
		api = new Api(port, workspaces.create().member(Role.SALES).token());
		an = person("Nguyễn", "Văn", "An", "an.nguyen@example.vn", "0901234567");
		person("Nguyễn", "Thị", "Anh", "anh@example.vn", "0912345678");
		person("Trần", "Văn", "Nam", "nam.tran@example.vn", "0987654321");
		dang = person("Đặng", "Thị", "Hương", "huong@example.vn", "0868123456");
		company = api.post("/api/v1/organizations", Map.of("name", "Công ty TNHH Cà phê Cao Nguyên", "taxCode", "0312345678"))
				.body().get("id").asString();
	}

	@Test
	void findsPersonByNameWithoutAccentsBestFirst() {
		var results = search("nguyen van an");

		assertThat(results.get(0).get("id").asString()).isEqualTo(an);
		assertThat(results.get(0).get("name").asString()).isEqualTo("Nguyễn Văn An");
	}

	@Test
	void foldsDStrokeToD() {
		assertThat(ids(search("dang"))).first().isEqualTo(dang);
		assertThat(ids(search("DANG THI HUONG"))).first().isEqualTo(dang);
	}

	@Test
	void findsByPrefixAndByGivenNameAndToleratesATypo() {
		assertThat(ids(search("nguyen v"))).first().isEqualTo(an);
		assertThat(ids(search("huong"))).contains(dang);
		assertThat(ids(search("nguyen van na"))).first().isEqualTo(an);
	}

	@Test
	void findsByPhoneInAnyFormat() {
		for (var typed : List.of("0901234567", "090 123 4567", "+84 90 123 45 67", "84901234567", "(090) 123-4567")) {
			assertThat(ids(search(typed))).as(typed).containsExactly(an);
		}
	}

	@Test
	void findsByEmailAndTaxCode() {
		assertThat(ids(search("an.nguyen@example.vn"))).first().isEqualTo(an);
		assertThat(ids(search("0312345678"))).containsExactly(company);
		assertThat(ids(search("cao nguyen"))).first().isEqualTo(company);
	}

	@Test
	void findsNothingOfAnotherWorkspace() {
		var other = new Api(port, workspaces.create().member(Role.ADMIN).token());

		assertThat(other.get("/api/v1/search?q=nguyen").body().get("items").size()).isZero();
	}

	private String person(String family, String middle, String given, String email, String phone) {
		return api.post("/api/v1/persons", Map.of("familyName", family, "middleName", middle, "givenName", given,
				"emails", List.of(Map.of("address", email)), "phones", List.of(Map.of("number", phone)))).body().get("id").asString();
	}

	private List<JsonNode> search(String q) {
		var response = api.get("/api/v1/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(200);
		return response.body().get("items").valueStream().toList();
	}

	private static List<String> ids(List<JsonNode> results) {
		return results.stream().map(r -> r.get("id").asString()).toList();
	}
}
