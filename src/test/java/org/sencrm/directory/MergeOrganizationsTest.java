package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Merging organizations: chosen values, contacts and daughters moved, the merged-away answering 404 with mergedInto. */
@IntegrationTest
class MergeOrganizationsTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Test
	void mergingMovesContactsAndDaughtersToTheSurvivor() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var survivor = id(sales.post("/api/v1/organizations", Map.of("name", "Công ty TNHH An Phát", "taxCode", "0312345678")));
		var other = id(sales.post("/api/v1/organizations", Map.of("name", "An Phat Co., Ltd", "website", "https://anphat.vn",
				"emails", List.of(Map.of("address", "info@anphat.vn")))));
		var daughter = id(sales.post("/api/v1/organizations", Map.of("name", "An Phát Đà Nẵng", "parentId", other)));
		var contact = id(sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Hoa")));
		sales.post("/api/v1/contact-roles", Map.of("personId", contact, "organizationId", other, "buyingRoles", List.of("decider")));

		var merged = sales.post("/api/v1/organizations/merge", Map.of("survivorId", survivor, "otherIds", List.of(other),
				"fields", Map.of("name", survivor)));

		assertThat(merged.status()).as(merged.body().toString()).isEqualTo(200);
		assertThat(merged.body().get("name").asString()).isEqualTo("Công ty TNHH An Phát");
		assertThat(merged.body().get("taxCode").asString()).isEqualTo("0312345678");
		assertThat(merged.body().get("website").asString()).isEqualTo("https://anphat.vn");
		assertThat(merged.body().get("emails").toString()).contains("info@anphat.vn");
		assertThat(sales.get("/api/v1/organizations/" + daughter).body().get("parentId").asString()).isEqualTo(survivor);
		assertThat(sales.get("/api/v1/persons/" + contact + "/contact-roles").body().toString()).contains(survivor);
		var gone = sales.get("/api/v1/organizations/" + other);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.body().get("mergedInto").asString()).isEqualTo(survivor);
	}

	private static String id(Api.Response created) {
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}
}
