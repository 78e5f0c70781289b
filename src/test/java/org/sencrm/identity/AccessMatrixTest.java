package org.sencrm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The matrix in docs/access-matrix.md, rule by rule. */
@IntegrationTest
class AccessMatrixTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
	}

	@Test
	void viewerReadsButCannotCreateOrEdit() {
		var id = personOwnedBy(Role.MANAGER);
		var viewer = api(Role.VIEWER);

		assertThat(viewer.get("/api/v1/persons/" + id).status()).isEqualTo(200);
		assertThat(viewer.post("/api/v1/persons", Map.of("givenName", "X")).status()).isEqualTo(403);
		assertThat(viewer.patch("/api/v1/persons/" + id, Map.of("givenName", "X")).status()).isEqualTo(403);
		assertThat(viewer.delete("/api/v1/persons/" + id).status()).isEqualTo(403);
	}

	@Test
	void salesEditsOwnRecordsButOnlyReadsOthers() {
		var own = api(Role.SALES).post("/api/v1/persons", Map.of("givenName", "Own")).body().get("id").asString();
		var others = personOwnedBy(Role.MANAGER);

		assertThat(api(Role.SALES).patch("/api/v1/persons/" + own, Map.of("source", "fair")).status()).isEqualTo(200);
		assertThat(api(Role.SALES).get("/api/v1/persons/" + others).status()).isEqualTo(200);
		var refused = api(Role.SALES).patch("/api/v1/persons/" + others, Map.of("source", "fair"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("code").asString()).isEqualTo("error.access-denied");
		assertThat(api(Role.MANAGER).get("/api/v1/persons/" + others).body().has("source")).isFalse();
	}

	@Test
	void salesEditsRecordsOwnedByItsTeam() {
		var teamRecord = api(Role.MANAGER).post("/api/v1/persons", Map.of("givenName", "Team", "ownerId",
				workspace.member(Role.MANAGER).id().toString(), "ownerTeamId", workspace.teamId().toString())).body().get("id").asString();

		assertThat(api(Role.SALES).patch("/api/v1/persons/" + teamRecord, Map.of("source", "team")).status()).isEqualTo(200);
		assertThat(new Api(port, workspace.otherSales().token()).patch("/api/v1/persons/" + teamRecord, Map.of("source", "x"))
				.status()).isEqualTo(403);
	}

	@Test
	void salesCannotGiveItsRecordToSomeoneElse() {
		var own = api(Role.SALES).post("/api/v1/persons", Map.of("givenName", "Mine")).body().get("id").asString();

		var moved = api(Role.SALES).patch("/api/v1/persons/" + own, Map.of("ownerId", workspace.otherSales().id().toString()));

		assertThat(moved.status()).isEqualTo(403);
	}

	@Test
	void managerAndAdminEditEverything() {
		var salesRecord = api(Role.SALES).post("/api/v1/persons", Map.of("givenName", "S")).body().get("id").asString();

		assertThat(api(Role.MANAGER).patch("/api/v1/persons/" + salesRecord, Map.of("source", "m")).status()).isEqualTo(200);
		assertThat(api(Role.ADMIN).patch("/api/v1/persons/" + salesRecord, Map.of("source", "a")).status()).isEqualTo(200);
		assertThat(api(Role.MANAGER).patch("/api/v1/persons/" + salesRecord,
				Map.of("ownerId", workspace.otherSales().id().toString())).status()).isEqualTo(200);
	}

	@Test
	void onlyAdminManagesUsersTeamsAndCustomFields() {
		var user = Map.of("email", "new-" + System.nanoTime() + "@test.sen", "displayName", "New", "role", "sales",
				"password", "long-enough-password");
		var field = Map.of("entity", "person", "key", "shoe_size", "label", "Shoe size", "type", "number");

		for (var role : new Role[] {Role.MANAGER, Role.SALES, Role.VIEWER}) {
			assertThat(api(role).post("/api/v1/users", user).status()).as(role.key()).isEqualTo(403);
			assertThat(api(role).post("/api/v1/teams", Map.of("name", "T " + role)).status()).as(role.key()).isEqualTo(403);
			assertThat(api(role).post("/api/v1/custom-fields", field).status()).as(role.key()).isEqualTo(403);
		}
		assertThat(api(Role.ADMIN).post("/api/v1/users", user).status()).isEqualTo(201);
		assertThat(api(Role.ADMIN).post("/api/v1/teams", Map.of("name", "Admins' team")).status()).isEqualTo(201);
		assertThat(api(Role.ADMIN).post("/api/v1/custom-fields", field).status()).isEqualTo(201);
	}

	@Test
	void onlyAdminChangesWorkspaceSettingsAndTheyAreChecked() {
		assertThat(api(Role.MANAGER).patch("/api/v1/workspace", Map.of("name", "Renamed")).status()).isEqualTo(403);

		var invalid = api(Role.ADMIN).patch("/api/v1/workspace", Map.of("timeZone", "Mars/Olympus", "currency", "XYZ1"));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
				.containsExactlyInAnyOrder("timeZone", "currency");

		var changed = api(Role.ADMIN).patch("/api/v1/workspace", Map.of("nameOrder", "family_first", "currency", "USD"));
		assertThat(changed.body().get("currency").asString()).isEqualTo("USD");
		// the workspace's order is for names it cannot recognise
		var person = api(Role.ADMIN).post("/api/v1/persons", Map.of("familyName", "Lindqvist", "givenName", "Anna"));
		assertThat(person.body().get("displayName").asString()).isEqualTo("Lindqvist Anna");
	}

	@Test
	void onlyTheInstanceAdminCreatesWorkspaces() {
		var request = Map.of("name", "Another", "adminEmail", "boss-" + System.nanoTime() + "@test.sen",
				"adminPassword", "long-enough-password", "temporaryPassword", false);

		assertThat(api(Role.ADMIN).post("/api/v1/workspaces", request).status()).isEqualTo(403);

		var instanceAdmin = new Api(port, new Api(port, null).post("/api/v1/auth/tokens",
				Map.of("email", "instance-admin@test.sen", "password", "lotus-pond-at-dawn-17")).body().get("token").asString());
		var created = instanceAdmin.post("/api/v1/workspaces", request);
		assertThat(created.status()).isEqualTo(201);
		var newAdmin = new Api(port, new Api(port, null).post("/api/v1/auth/tokens",
				Map.of("email", request.get("adminEmail"), "password", "long-enough-password")).body().get("token").asString());
		assertThat(newAdmin.get("/api/v1/me").body().get("workspaceId").asString()).isEqualTo(created.body().get("id").asString());
		assertThat(newAdmin.get("/api/v1/persons").body().get("items").size()).isZero();
	}

	private String personOwnedBy(Role role) {
		return api(role).post("/api/v1/persons", Map.of("givenName", "Owned by " + role.key())).body().get("id").asString();
	}

	private Api api(Role role) {
		return new Api(port, workspace.member(role).token());
	}
}
