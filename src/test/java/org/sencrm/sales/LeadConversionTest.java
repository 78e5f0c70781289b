package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.Publications;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Qualifying, disqualifying and converting leads without duplicates, keeping their history on the new records. */
@IntegrationTest
class LeadConversionTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	Api sales;

	@BeforeEach
	void setUp() {
		sales = new Api(port, workspaces.create().member(Role.SALES).token());
	}

	@Test
	void convertingLinksThePersonWithTheSameEmailAndCreatesTheOrganizationFromTheCompany() {
		var existing = sales.post("/api/v1/persons", Map.of("familyName", "Trần", "givenName", "Bảo",
				"emails", List.of(Map.of("address", "bao.tran@example.vn")), "phones", List.of(Map.of("number", "0912345678"))))
				.body().get("id").asString();
		var lead = lead(Map.of("familyName", "Trần", "givenName", "Bảo", "email", "Bao.Tran@example.vn",
				"companyName", "Công ty CP Sen Vàng", "taxCode", "0309876543", "jobTitle", "Trưởng phòng mua hàng",
				"consents", Map.of("email", Map.of("status", "granted", "method", "in_person", "note", "hội chợ"))));

		var converted = sales.post("/api/v1/leads/" + lead + "/convert", null);

		assertThat(converted.status()).isEqualTo(200);
		assertThat(converted.body().get("personId").asString()).isEqualTo(existing);
		var organization = converted.body().get("organizationId").asString();
		var opportunity = sales.get("/api/v1/opportunities/" + converted.body().get("opportunityId").asString()).body();
		assertThat(opportunity.get("organizationId").asString()).isEqualTo(organization);
		assertThat(opportunity.get("status").asString()).isEqualTo("open");
		assertThat(opportunity.get("contacts").get(0).get("personId").asString()).isEqualTo(existing);
		assertThat(after(lead).get("convertedOpportunityId").asString()).isEqualTo(opportunity.get("id").asString());
		assertThat(sales.get("/api/v1/persons?q=bao.tran@example.vn").body().get("items").size()).isEqualTo(1);
		var org = sales.get("/api/v1/organizations/" + organization).body();
		assertThat(org.get("name").asString()).isEqualTo("Công ty CP Sen Vàng");
		assertThat(org.get("taxCode").asString()).isEqualTo("0309876543");
		var roles = sales.get("/api/v1/persons/" + existing + "/contact-roles").body();
		assertThat(roles.get(0).get("organizationId").asString()).isEqualTo(organization);
		assertThat(roles.get(0).get("jobTitle").asString()).isEqualTo("Trưởng phòng mua hàng");
		var person = sales.get("/api/v1/persons/" + existing).body();
		assertThat(person.get("consents").get("email").get("status").asString()).isEqualTo("granted");
		assertThat(person.get("consents").get("email").get("method").asString()).isEqualTo("in_person");
		assertThat(person.get("consents").get("email").get("note").asString()).isEqualTo("hội chợ");
		var after = sales.get("/api/v1/leads/" + lead).body();
		assertThat(after.get("status").asString()).isEqualTo("converted");
		assertThat(after.get("convertedPersonId").asString()).isEqualTo(existing);
		assertThat(after.get("convertedOrganizationId").asString()).isEqualTo(organization);
		assertThat(after.get("convertedAt").asString()).isNotBlank();
	}

	private tools.jackson.databind.JsonNode after(String lead) {
		return sales.get("/api/v1/leads/" + lead).body();
	}

	@Test
	void convertingTwiceIsRefusedAndAConvertedLeadIsKeptAsItWas() {
		var lead = lead(Map.of("givenName", "Chi", "email", "chi@example.vn"));
		var first = sales.post("/api/v1/leads/" + lead + "/convert", Map.of());

		var second = sales.post("/api/v1/leads/" + lead + "/convert", Map.of());
		var edit = sales.patch("/api/v1/leads/" + lead, Map.of("givenName", "Chi Mai"));

		assertThat(first.status()).isEqualTo(200);
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.body().get("code").asString()).isEqualTo("lead.already-converted");
		assertThat(edit.status()).isEqualTo(409);
		assertThat(sales.get("/api/v1/persons?q=chi@example.vn").body().get("items").size()).isEqualTo(1);
	}

	@Test
	void theTaxCodeFindsTheOrganizationBeforeANewOneIsMadeAndANewPersonCanBeAskedFor() {
		var org = sales.post("/api/v1/organizations", Map.of("name", "Hoa Sen Group", "taxCode", "0101234567")).body().get("id").asString();
		var existing = sales.post("/api/v1/persons", Map.of("givenName", "Dung", "emails", List.of(Map.of("address", "dung@example.vn"))))
				.body().get("id").asString();
		var lead = lead(Map.of("givenName", "Dung", "familyName", "Phạm", "email", "dung@example.vn", "companyName", "Hoa Sen",
				"taxCode", "0101234567"));

		var converted = sales.post("/api/v1/leads/" + lead + "/convert", Map.of("createNewPerson", true, "amount", 15000000,
				"currency", "VND", "opportunityName", "Hoa Sen — 20 bản quyền")).body();

		assertThat(converted.get("organizationId").asString()).isEqualTo(org);
		assertThat(converted.get("personId").asString()).isNotEqualTo(existing);
		assertThat(sales.get("/api/v1/persons/" + converted.get("personId").asString()).body().get("familyName").asString())
				.isEqualTo("Phạm");
	}

	@Test
	void aPersonOrOrganizationChosenOnTheLeadsPageIsUsed() {
		var person = sales.post("/api/v1/persons", Map.of("givenName", "Em", "familyName", "Võ")).body().get("id").asString();
		var org = sales.post("/api/v1/organizations", Map.of("name", "Công ty Mặt Trời")).body().get("id").asString();
		var lead = lead(Map.of("givenName", "Em", "familyName", "Vo", "companyName", "Mat Troi JSC"));
		sales.post("/api/v1/leads/" + lead + "/link", Map.of("personId", person, "organizationId", org));

		var converted = sales.post("/api/v1/leads/" + lead + "/convert", null).body();

		assertThat(converted.get("personId").asString()).isEqualTo(person);
		assertThat(converted.get("organizationId").asString()).isEqualTo(org);
	}

	@Test
	void anOrganizationWithExactlyTheCompanysNameIsReusedLegalFormAside() {
		var org = sales.post("/api/v1/organizations", Map.of("name", "Công ty TNHH Bình Minh")).body().get("id").asString();
		var lead = lead(Map.of("givenName", "Giang", "companyName", "Binh Minh Co., Ltd"));

		assertThat(sales.post("/api/v1/leads/" + lead + "/convert", null).body().get("organizationId").asString()).isEqualTo(org);
	}

	@Test
	void disqualifyingNeedsAReasonAndADisqualifiedLeadIsNotConverted() {
		var lead = lead(Map.of("givenName", "Hùng", "email", "hung@example.vn"));

		var withoutReason = sales.post("/api/v1/leads/" + lead + "/disqualify", Map.of());
		var blankReason = sales.post("/api/v1/leads/" + lead + "/disqualify", Map.of("reason", "  "));
		var disqualified = sales.post("/api/v1/leads/" + lead + "/disqualify", Map.of("reason", "Sinh viên, không có ngân sách"));
		var converted = sales.post("/api/v1/leads/" + lead + "/convert", null);

		assertThat(withoutReason.status()).isEqualTo(422);
		assertThat(withoutReason.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");
		assertThat(blankReason.status()).isEqualTo(422);
		assertThat(disqualified.status()).isEqualTo(200);
		assertThat(disqualified.body().get("status").asString()).isEqualTo("disqualified");
		assertThat(disqualified.body().get("disqualifyReason").asString()).isEqualTo("Sinh viên, không có ngân sách");
		assertThat(converted.status()).isEqualTo(409);
		assertThat(converted.body().get("code").asString()).isEqualTo("lead.convert-disqualified");

		var reopened = sales.post("/api/v1/leads/" + lead + "/reopen", null).body();
		var qualified = sales.post("/api/v1/leads/" + lead + "/qualify", null);
		assertThat(reopened.get("status").asString()).isEqualTo("working");
		assertThat(reopened.has("disqualifyReason")).isFalse();
		assertThat(qualified.body().get("status").asString()).isEqualTo("qualified");
		var statuses = sales.get("/api/v1/leads/" + lead + "/history").body().valueStream()
				.filter(e -> e.get("changes").has("status")).map(e -> e.get("changes").get("status").get("to").asString()).toList();
		assertThat(statuses).containsExactly("qualified", "working", "disqualified", "new");
	}

	@Test
	void theLeadsTouchesAndAConversionNoteGoToThePersonsTimeline() {
		var lead = lead(Map.of("givenName", "Khoa", "email", "khoa@example.vn", "source", "event", "campaign", "Hội chợ 2026"));
		sales.post("/api/v1/leads/" + lead + "/touches", Map.of("type", "call", "subject", "Gọi sau hội chợ"));

		var person = sales.header("Accept-Language", "en").post("/api/v1/leads/" + lead + "/convert", null).body()
				.get("personId").asString();

		// the touch, the opportunity's first stage and the conversion note arrive after commit, in any order
		await().atMost(Publications.PATIENCE)
				.untilAsserted(() -> assertThat(subjects(person)).contains("Gọi sau hội chợ", "Converted from a lead"));
		assertThat(sales.get("/api/v1/persons/" + person).body().get("source").asString()).isEqualTo("event");
	}

	@Test
	void aQualifiedLeadMayMoveOnlyThroughItsActions() {
		var lead = lead(Map.of("givenName", "Lan"));
		assertThat(sales.patch("/api/v1/leads/" + lead, Map.of("status", "working")).body().get("status").asString()).isEqualTo("working");

		var jump = sales.patch("/api/v1/leads/" + lead, Map.of("status", "converted"));

		assertThat(jump.status()).isEqualTo(422);
		assertThat(jump.body().get("errors").get(0).get("field").asString()).isEqualTo("status");
		var stale = sales.header("If-Match", "\"0\"").patch("/api/v1/leads/" + lead, Map.of("givenName", "Lan Anh"));
		assertThat(stale.status()).isEqualTo(412);
	}

	private List<String> subjects(String person) {
		return sales.get("/api/v1/persons/" + person + "/timeline").body().get("items").valueStream()
				.map(e -> e.has("subject") ? e.get("subject").asString() : "").toList();
	}

	private String lead(Map<String, Object> fields) {
		var created = sales.post("/api/v1/leads", fields);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}
}
