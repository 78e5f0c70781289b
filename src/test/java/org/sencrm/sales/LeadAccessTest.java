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

/** Who may do what with leads, web forms and rules (docs/access-matrix.md), and nothing across workspaces. */
@IntegrationTest
class LeadAccessTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	String lead;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
		lead = sales.post("/api/v1/leads", Map.of("givenName", "An", "email", "an@example.vn")).body().get("id").asString();
	}

	@Test
	void aViewerReadsLeadsButCannotCreateOrChangeThem() {
		var viewer = new Api(port, workspace.member(Role.VIEWER).token());

		assertThat(viewer.get("/api/v1/leads/" + lead).status()).isEqualTo(200);
		assertThat(viewer.post("/api/v1/leads", Map.of("givenName", "Bình")).status()).isEqualTo(403);
		assertThat(viewer.post("/api/v1/leads/" + lead + "/qualify", null).status()).isEqualTo(403);
		assertThat(viewer.post("/api/v1/leads/" + lead + "/convert", null).status()).isEqualTo(403);
		assertThat(viewer.send("POST", "/api/v1/leads/import", "Email\nx@example.vn\n", "text/csv").status()).isEqualTo(403);
	}

	@Test
	void anotherWorkspacesLeadsAreNotFound() {
		var stranger = new Api(port, workspaces.create().member(Role.ADMIN).token());

		assertThat(stranger.get("/api/v1/leads/" + lead).status()).isEqualTo(404);
		assertThat(stranger.post("/api/v1/leads/" + lead + "/convert", null).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/leads/" + lead + "/matches").status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/leads").body().get("items").size()).isZero();
	}

	@Test
	void salesChangeTheirOwnAndTheirTeamsLeadsOnly() {
		var other = new Api(port, workspace.otherSales().token());
		var manager = new Api(port, workspace.member(Role.MANAGER).token());

		assertThat(other.patch("/api/v1/leads/" + lead, Map.of("givenName", "Khác")).status()).isEqualTo(403);
		assertThat(other.post("/api/v1/leads/" + lead + "/take", null).status()).isEqualTo(403);
		assertThat(manager.patch("/api/v1/leads/" + lead, Map.of("jobTitle", "Kế toán")).status()).isEqualTo(200);
		var shared = sales.patch("/api/v1/leads/" + lead, Map.of("ownerTeamId", workspace.teamId().toString()));
		assertThat(shared.status()).isEqualTo(200);
		var giveAway = sales.patch("/api/v1/leads/" + lead, Map.of("ownerId", workspace.otherSales().id().toString()));
		assertThat(giveAway.status()).isEqualTo(403);
	}

	@Test
	void webFormsAreForMarketingManagersAndAdminsAndRulesForManagersAndAdmins() {
		var form = Map.<String, Object>of("name", "Newsletter", "fields", List.of(Map.of("name", "email", "required", true)));
		var marketing = new Api(port, workspace.member(Role.MARKETING).token());

		assertThat(sales.post("/api/v1/web-forms", form).status()).isEqualTo(403);
		assertThat(marketing.post("/api/v1/web-forms", form).status()).isEqualTo(201);
		assertThat(sales.get("/api/v1/web-forms").body().get("items").size()).isEqualTo(1);
		assertThat(marketing.post("/api/v1/lead-scoring-rules", Map.of("kind", "field_present", "field", "email", "points", 1))
				.status()).isEqualTo(403);
		assertThat(new Api(port, workspace.member(Role.ADMIN).token()).post("/api/v1/lead-scoring-rules",
				Map.of("kind", "field_present", "field", "email", "points", 1)).status()).isEqualTo(201);
	}

	@Test
	void anUnassignedLeadFromAWebFormMayBeTakenByAnyWriter() {
		var admin = new Api(port, workspace.member(Role.ADMIN).token());
		var key = admin.post("/api/v1/web-forms", Map.of("name", "Liên hệ", "fields", List.of(Map.of("name", "email", "required", true))))
				.body().get("key").asString();
		new Api(port, null).post("/api/v1/public/forms/" + key, Map.of("email", "free@example.vn"));
		var unassigned = sales.get("/api/v1/leads?ownerId=unassigned").body().get("items");
		assertThat(unassigned.size()).isEqualTo(1);
		var id = unassigned.get(0).get("id").asString();
		var other = new Api(port, workspace.otherSales().token());

		var taken = other.patch("/api/v1/leads/" + id, Map.of("ownerId", workspace.otherSales().id().toString()));
		var takenBack = sales.post("/api/v1/leads/" + id + "/take", null);

		assertThat(taken.status()).isEqualTo(200);
		assertThat(takenBack.status()).as("no longer unassigned").isEqualTo(403);
		assertThat(taken.body().get("ownerId").asString()).isEqualTo(workspace.otherSales().id().toString());
		assertThat(sales.patch("/api/v1/leads/" + id, Map.of("givenName", "x")).status()).isEqualTo(403);
		new Api(port, null).post("/api/v1/public/forms/" + key, Map.of("email", "second@example.vn"));
		var second = sales.get("/api/v1/leads?ownerId=unassigned").body().get("items").get(0).get("id").asString();
		var mine = sales.post("/api/v1/leads/" + second + "/take", null);
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body().get("ownerId").asString()).isEqualTo(workspace.member(Role.SALES).id().toString());
	}
}
