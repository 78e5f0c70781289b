package org.sencrm.sales;

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

/** On arrival a lead is matched against persons, organizations and other open leads by email, phone, tax code and similar name. */
@IntegrationTest
class LeadMatchingTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	Api sales;
	String person;
	String organization;

	@BeforeEach
	void setUp() {
		var workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
		person = sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "middleName", "Văn", "givenName", "An",
				"emails", List.of(Map.of("address", "an.nguyen@example.vn")), "phones", List.of(Map.of("number", "0901234567"))))
				.body().get("id").asString();
		organization = sales.post("/api/v1/organizations", Map.of("name", "Công ty TNHH Hoa Sen", "taxCode", "0101234567"))
				.body().get("id").asString();
	}

	@Test
	void findsThePersonWithTheSameEmailEvenWhenThePersonAlsoHasAPhone() {
		var lead = lead(Map.of("givenName", "Someone", "email", "AN.NGUYEN@example.vn"));

		assertThat(reasons(lead, person)).containsExactly("email");
		assertThat(lead.get("possibleDuplicates").asInt()).isEqualTo(1);
	}

	@Test
	void findsThePersonWithTheSamePhoneTypedAnotherWay() {
		var lead = lead(Map.of("companyName", "Khác", "phone", "+84 90 123 45 67"));

		assertThat(reasons(lead, person)).containsExactly("phone");
	}

	@Test
	void findsTheOrganizationWithTheSameTaxCode() {
		var lead = lead(Map.of("givenName", "Bình", "companyName", "Tên khác hẳn", "taxCode", "0101 234 567"));

		assertThat(reasons(lead, organization)).containsExactly("tax_code");
	}

	@Test
	void findsSimilarNamesWithoutAccentsInAnyOrderAndCompaniesWithoutTheirLegalForm() {
		var lead = lead(Map.of("givenName", "An", "familyName", "Nguyen Van", "companyName", "Hoa Sen Co., Ltd"));
		var typo = lead(Map.of("givenName", "Văn Ann", "familyName", "Nguyễn"));
		var different = lead(Map.of("givenName", "Bảo", "familyName", "Trần", "companyName", "Sen Vàng"));

		assertThat(reasons(lead, person)).containsExactly("name");
		assertThat(reasons(lead, organization)).containsExactly("name");
		assertThat(reasons(typo, person)).containsExactly("name");
		assertThat(matches(different)).isEmpty();
	}

	@Test
	void findsOtherOpenLeadsAndCountsEveryMatchOnArrival() {
		var first = lead(Map.of("givenName", "Chi", "email", "chi@example.vn", "phone", "0912345678"));
		var second = lead(Map.of("givenName", "Chi", "familyName", "Lê", "email", "chi@example.vn", "phone", "0912 345 678"));

		assertThat(first.get("possibleDuplicates").asInt()).isZero();
		assertThat(second.get("possibleDuplicates").asInt()).isEqualTo(1);
		assertThat(reasons(second, first.get("id").asString())).containsExactlyInAnyOrder("email", "phone");
		var match = matches(second).stream().filter(m -> m.get("id").asString().equals(first.get("id").asString())).findFirst().orElseThrow();
		assertThat(match.get("type").asString()).isEqualTo("lead");
	}

	@Test
	void aLeadCanBeLinkedToAMatchAndUnlinked() {
		var lead = lead(Map.of("givenName", "An", "email", "an.nguyen@example.vn"));
		var id = lead.get("id").asString();

		var linked = sales.post("/api/v1/leads/" + id + "/link", Map.of("personId", person, "organizationId", organization));
		assertThat(linked.status()).isEqualTo(200);
		assertThat(linked.body().get("linkedPersonId").asString()).isEqualTo(person);
		assertThat(linked.body().get("linkedOrganizationId").asString()).isEqualTo(organization);

		var body = new java.util.HashMap<String, Object>();
		body.put("organizationId", null);
		var unlinked = sales.post("/api/v1/leads/" + id + "/link", body);
		assertThat(unlinked.body().has("linkedOrganizationId")).isFalse();
		assertThat(unlinked.body().get("linkedPersonId").asString()).isEqualTo(person);
		assertThat(sales.post("/api/v1/leads/" + id + "/link", Map.of("personId", organization)).status()).isEqualTo(422);
	}

	private JsonNode lead(Map<String, Object> fields) {
		var created = sales.post("/api/v1/leads", fields);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body();
	}

	private List<JsonNode> matches(JsonNode lead) {
		return sales.get("/api/v1/leads/" + lead.get("id").asString() + "/matches").body().get("items").valueStream().toList();
	}

	private List<String> reasons(JsonNode lead, String id) {
		return matches(lead).stream().filter(m -> m.get("id").asString().equals(id)).findFirst()
				.map(m -> m.get("reasons").valueStream().map(JsonNode::asString).toList()).orElse(List.of());
	}
}
