package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The duplicate check on create and edit (issue 10 §4): an email, phone or tax code another record
 * has refuses the save — 409 {@code duplicate} listing them on the API, the form again with links
 * and "Save anyway" on the web — unless allowed; a possible duplicate (same name and birthday,
 * province…) comes back with the saved record.
 */
@IntegrationTest
class DuplicateCheckOnSaveTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
	}

	@Test
	void aPersonWithAnEmailAnotherPersonHasIsRefusedWithTheirIds() {
		var hoa = sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Hoa",
				"emails", List.of(Map.of("address", "hoa@example.vn")))).body().get("id").asString();
		// another user's record: every role reads every customer, so the ids and names are theirs to see
		var manager = new Api(port, workspace.member(Role.MANAGER).token());

		var refused = manager.post("/api/v1/persons", Map.of("familyName", "Trần", "givenName", "Lan",
				"emails", List.of(Map.of("address", "HOA@example.vn"))));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.body().get("code").asString()).isEqualTo("duplicate");
		var duplicates = refused.body().get("duplicates");
		assertThat(duplicates.size()).isEqualTo(1);
		assertThat(duplicates.get(0).get("id").asString()).isEqualTo(hoa);
		assertThat(duplicates.get(0).get("name").asString()).isEqualTo("Lê Hoa");
		assertThat(duplicates.get(0).get("reasons").get(0).asString()).isEqualTo("same_email");
		assertThat(sales.get("/api/v1/persons").body().get("items").size()).isEqualTo(1);
	}

	@Test
	void allowDuplicateSavesItAndSaysWhichRecordItDuplicates() {
		var hoa = sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Hoa",
				"phones", List.of(Map.of("number", "0901234567")))).body().get("id").asString();

		var created = sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Hòa",
				"phones", List.of(Map.of("number", "+84 901 234 567")), "allowDuplicate", true));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().has("allowDuplicate")).isFalse();
		assertThat(created.body().get("possibleDuplicates").get(0).get("id").asString()).isEqualTo(hoa);
		assertThat(created.body().get("possibleDuplicates").get(0).get("exact").asBoolean()).isTrue();
		assertThat(sales.get("/api/v1/persons").body().get("items").size()).isEqualTo(2);
	}

	@Test
	void theSameNameAndBirthdayIsAPossibleDuplicateInThe201() {
		var an = sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "middleName", "Văn", "givenName", "An",
				"birthday", "1985-02-03")).body().get("id").asString();
		var other = sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "middleName", "Văn", "givenName", "An",
				"birthday", "1990-01-01"));

		var created = sales.post("/api/v1/persons", Map.of("familyName", "Nguyen", "middleName", "Van", "givenName", "An",
				"birthday", "1985-02-03"));

		assertThat(other.status()).isEqualTo(201);
		assertThat(other.body().has("possibleDuplicates")).as("the same name alone says nothing").isFalse();
		assertThat(created.status()).isEqualTo(201);
		var possible = created.body().get("possibleDuplicates");
		assertThat(possible.size()).isEqualTo(1);
		assertThat(possible.get(0).get("id").asString()).isEqualTo(an);
		assertThat(possible.get(0).get("exact").asBoolean()).isFalse();
		assertThat(possible.get(0).get("reasons").toString()).contains("same_name", "same_birthday");
		assertThat(sales.get("/api/v1/persons/" + an).body().has("possibleDuplicates")).as("a read carries none").isFalse();
	}

	@Test
	void changingAnEmailToAnotherPersonsIsRefusedButKeepingItsOwnIsNot() {
		sales.post("/api/v1/persons", Map.of("givenName", "Hoa", "emails", List.of(Map.of("address", "hoa@example.vn"))));
		var lan = sales.post("/api/v1/persons", Map.of("givenName", "Lan", "emails", List.of(Map.of("address", "lan@example.vn"))))
				.body().get("id").asString();

		var ownKept = sales.patch("/api/v1/persons/" + lan, Map.of("source", "hội chợ"));
		var taken = sales.patch("/api/v1/persons/" + lan, Map.of("emails", List.of(Map.of("address", "hoa@example.vn"))));
		var allowed = sales.patch("/api/v1/persons/" + lan, Map.of("emails", List.of(Map.of("address", "hoa@example.vn")),
				"allowDuplicate", true));

		assertThat(ownKept.status()).isEqualTo(200);
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.body().get("code").asString()).isEqualTo("duplicate");
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.body().get("emails").get(0).get("address").asString()).isEqualTo("hoa@example.vn");
	}

	@Test
	void aRecordInTheTrashIsNoDuplicate() {
		var hoa = sales.post("/api/v1/persons", Map.of("givenName", "Hoa", "emails", List.of(Map.of("address", "hoa@example.vn"))))
				.body().get("id").asString();
		assertThat(sales.delete("/api/v1/persons/" + hoa).status()).isEqualTo(204);

		var created = sales.post("/api/v1/persons", Map.of("givenName", "Hoa", "emails", List.of(Map.of("address", "hoa@example.vn"))));

		assertThat(created.status()).isEqualTo(201);
	}

	@Test
	void anOrganizationWithAKnownTaxCodeIsRefusedUnlessAllowed() {
		var known = sales.post("/api/v1/organizations", Map.of("name", "Công ty An Phát", "taxCode", "0312345678")).body().get("id")
				.asString();
		var body = new HashMap<String, Object>(Map.of("name", "An Phát JSC", "taxCode", "0312345678"));

		var refused = sales.post("/api/v1/organizations", body);
		body.put("allowDuplicate", true);
		var allowed = sales.post("/api/v1/organizations", body);
		var notAFlag = sales.post("/api/v1/organizations", Map.of("name", "Bình Minh", "allowDuplicate", "yes"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("duplicates").get(0).get("id").asString()).isEqualTo(known);
		assertThat(refused.body().get("duplicates").get(0).get("reasons").get(0).asString()).isEqualTo("same_tax_code");
		assertThat(allowed.status()).isEqualTo(201);
		assertThat(allowed.body().get("name").asString()).isEqualTo("An Phát JSC");
		assertThat(allowed.body().get("possibleDuplicates").get(0).get("id").asString()).isEqualTo(known);
		assertThat(notAFlag.status()).isEqualTo(422);
	}

	@Test
	void theFormListsTheDuplicatesWithLinksAndSavesWhenToldToSaveAnyway() {
		var hoa = sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Hoa",
				"emails", List.of(Map.of("address", "hoa@example.vn")))).body().get("id").asString();
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var form = web.get("/persons/new");

		var refused = web.submit(form, "form.record-form", Map.of("familyName", "Trần", "givenName", "Lan",
				"emails[0].address", "hoa@example.vn"));
		var saved = web.submit(refused, "form.record-form", Map.of("allowDuplicate", "true"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.html().select("#duplicates a").attr("href")).isEqualTo("/persons/" + hoa);
		assertThat(refused.text("#duplicates")).contains("Lê Hoa", "same email", "Save anyway");
		assertThat(refused.html().selectFirst("[name=givenName]").val()).isEqualTo("Lan");
		assertThat(saved.status()).isEqualTo(302);
		var page = web.follow(saved);
		assertThat(page.text("h1")).isEqualTo("Trần Lan");
		assertThat(page.html().select("#possible-duplicates a").attr("href")).isEqualTo("/persons/" + hoa);
		assertThat(sales.get("/api/v1/persons").body().get("items").size()).isEqualTo(2);
	}

	@Test
	void theVietnameseFormSaysItInVietnamese() {
		sales.post("/api/v1/persons", Map.of("givenName", "Hoa", "phones", List.of(Map.of("number", "0901234567"))));
		var web = new WebSession(port, "vi");
		web.submit(web.get("/login"), "form.login-form", Map.of("email", workspace.member(Role.SALES).email(),
				"password", TestWorkspaces.PASSWORD));

		var refused = web.submit(web.get("/persons/new"), "form.record-form", Map.of("givenName", "Lan", "phones[0].number", "0901234567"));

		assertThat(refused.text("#duplicates")).contains("cùng số điện thoại", "Vẫn lưu");
	}

	@Test
	void theDocumentNamesAllowDuplicateThe409AndPossibleDuplicates() {
		var document = new Api(port, null).get("/v3/api-docs").body();

		for (var body : List.of("PersonDraft", "PersonPatch", "OrganizationDraft", "OrganizationPatch")) {
			assertThat(document.at("/components/schemas/" + body + "/properties/allowDuplicate/type").asString()).as(body)
					.isEqualTo("boolean");
		}
		assertThat(document.at("/paths/~1api~1v1~1persons/post/responses/409/description").asString()).contains("allowDuplicate");
		assertThat(document.at("/paths/~1api~1v1~1organizations~1{id}/patch/responses/409/description").asString())
				.contains("duplicate");
		assertThat(document.at("/components/schemas/Problem/properties").propertyNames()).contains("duplicates");
		assertThat(document.at("/components/schemas/PersonJson/properties").propertyNames()).contains("possibleDuplicates");
		assertThat(document.at("/components/schemas/OrganizationSaved/properties").propertyNames())
				.contains("name", "taxCode", "possibleDuplicates");
	}
}
