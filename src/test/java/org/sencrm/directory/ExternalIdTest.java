package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The key a person or organization has in the system it came from: API, filter, uniqueness, page, form, personal data. */
@IntegrationTest
class ExternalIdTest {

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
	void aPersonsExternalIdIsWrittenReadChangedAndFilteredExactly() {
		var created = sales.post("/api/v1/persons", Map.of("givenName", "An", "familyName", "Nguyễn", "externalId", " CRM-0001 "));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("externalId").asString()).isEqualTo("CRM-0001");
		var id = created.body().get("id").asString();
		sales.post("/api/v1/persons", Map.of("givenName", "Bình", "externalId", "CRM-00011"));

		assertThat(sales.get("/api/v1/persons/" + id).body().get("externalId").asString()).isEqualTo("CRM-0001");
		var found = sales.get("/api/v1/persons?externalId=CRM-0001").body().get("items");
		assertThat(found.size()).isEqualTo(1);
		assertThat(found.get(0).get("id").asString()).isEqualTo(id);
		assertThat(sales.get("/api/v1/persons?externalId=crm-0001").body().get("items").size()).isZero();

		var patched = sales.patch("/api/v1/persons/" + id, Map.of("externalId", "CRM-0002"));
		assertThat(patched.body().get("externalId").asString()).isEqualTo("CRM-0002");
		assertThat(sales.get("/api/v1/persons?externalId=CRM-0001").body().get("items").size()).isZero();
		assertThat(sales.get("/api/v1/persons/" + id + "/history").body().get(0).toString()).contains("CRM-0002");
	}

	@Test
	void anOrganizationsExternalIdIsWrittenReadAndFilteredExactly() {
		var created = sales.post("/api/v1/organizations", Map.of("name", "Công ty Sen", "externalId", "ERP/42"));
		var id = created.body().get("id").asString();
		sales.post("/api/v1/organizations", Map.of("name", "Công ty Lúa"));

		assertThat(sales.get("/api/v1/organizations/" + id).body().get("externalId").asString()).isEqualTo("ERP/42");
		var found = sales.get("/api/v1/organizations?externalId=ERP/42").body().get("items");
		assertThat(found.size()).isEqualTo(1);
		assertThat(found.get(0).get("id").asString()).isEqualTo(id);
		assertThat(sales.patch("/api/v1/organizations/" + id, Map.of("externalId", "")).body().has("externalId")).isFalse();
	}

	@Test
	void anExternalIdTakenInTheWorkspaceIsRefusedWithAFieldProblemInTheCallersLanguage() {
		sales.post("/api/v1/persons", Map.of("givenName", "An", "externalId", "K-1"));
		var other = sales.post("/api/v1/persons", Map.of("givenName", "Bình")).body().get("id").asString();

		var twin = sales.post("/api/v1/persons", Map.of("givenName", "Chi", "externalId", "K-1"));
		assertThat(twin.status()).isEqualTo(422);
		assertThat(twin.body().get("errors").get(0).get("field").asString()).isEqualTo("externalId");
		assertThat(twin.body().get("errors").get(0).get("code").asString()).isEqualTo("validation.external-id-taken");
		var vietnamese = sales.header("Accept-Language", "vi").patch("/api/v1/persons/" + other, Map.of("externalId", "K-1"));
		assertThat(vietnamese.status()).isEqualTo(422);
		assertThat(vietnamese.body().get("errors").get(0).get("message").asString()).contains("hệ thống nguồn");

		// an organization may have the key a person has: unique per record type
		assertThat(sales.post("/api/v1/organizations", Map.of("name", "Sen", "externalId", "K-1")).status()).isEqualTo(201);
		// another workspace has its own keys
		var elsewhere = new Api(port, workspaces.create().member(Role.SALES).token());
		assertThat(elsewhere.post("/api/v1/persons", Map.of("givenName", "Dung", "externalId", "K-1")).status()).isEqualTo(201);
	}

	@Test
	void aRecordInTheTrashFreesItsExternalIdAndIsNotRestoredOnceANewOneTookIt() {
		// decision 37: keys bind records in use, so an undone import can be imported again
		var id = sales.post("/api/v1/persons", Map.of("givenName", "An", "externalId", "T-9")).body().get("id").asString();
		assertThat(sales.delete("/api/v1/persons/" + id).status()).isEqualTo(204);

		var again = sales.post("/api/v1/persons", Map.of("givenName", "An", "externalId", "T-9"));

		assertThat(again.status()).isEqualTo(201);
		var entry = sales.get("/api/v1/trash?type=person").body().get("items").get(0).get("id").asString();
		var restore = sales.post("/api/v1/trash/" + entry + "/restore", Map.of());
		assertThat(restore.status()).isEqualTo(409);
		assertThat(restore.body().get("code").asString()).isEqualTo("trash.restore-conflict");
	}

	@Test
	void anExternalIdLongerThan200CharactersIsRefused() {
		var response = sales.post("/api/v1/organizations", Map.of("name", "Sen", "externalId", "x".repeat(201)));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("externalId");
	}

	@Test
	void theFormEditsTheExternalIdAndThePageShowsIt() {
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var id = sales.post("/api/v1/persons", Map.of("givenName", "An")).body().get("id").asString();
		var organization = sales.post("/api/v1/organizations", Map.of("name", "Sen")).body().get("id").asString();

		var saved = web.submit(web.get("/persons/" + id + "/edit"), "form.record-form", Map.of("externalId", "HUB-7"));
		var savedOrganization = web.submit(web.get("/organizations/" + organization + "/edit"), "form.record-form",
				Map.of("externalId", "HUB-8"));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(web.follow(saved).html().select(".facts dd").eachText()).contains("HUB-7");
		assertThat(web.follow(savedOrganization).html().select(".facts dd").eachText()).contains("HUB-8");
		var taken = web.submit(web.get("/organizations/new"), "form.record-form", Map.of("name", "Sen 2", "externalId", "HUB-8"));
		assertThat(taken.status()).isEqualTo(200);
		assertThat(taken.text("#externalId-error")).contains("external ID");
	}

	@Test
	void thePersonalDataExportHoldsTheExternalId() {
		var id = sales.post("/api/v1/persons", Map.of("givenName", "An", "externalId", "PD-1")).body().get("id").asString();

		var export = sales.get("/api/v1/persons/" + id + "/personal-data");

		assertThat(export.status()).isEqualTo(200);
		assertThat(export.body().toString()).contains("\"externalId\":\"PD-1\"");
	}
}
