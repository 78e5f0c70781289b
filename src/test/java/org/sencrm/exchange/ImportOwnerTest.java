package org.sencrm.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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

/** The owner column of person and organization imports: a user by email or name; an unknown one fails its row (decision 37). */
@IntegrationTest
class ImportOwnerTest {

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
	void personsGetTheOwnerTheColumnNamesByEmailOrNameAndTheImporterWithoutOne() {
		var sales = workspace.member(Role.SALES);
		var file = "Họ và tên,Email,Người phụ trách\nAn Chủ,an@chu.vn," + sales.email() + "\nBình Không,binh@chu.vn,\n"
				+ "Chi Lạ,chi@chu.vn,ai.do@khong.vn\n";

		var job = finished(ImportUploads.upload(api(), "chu.csv", file, Map.of("type", "persons")));

		assertThat(job.get("created").asInt()).isEqualTo(2);
		assertThat(job.get("failed").asInt()).isEqualTo(1);
		assertThat(person("an@chu.vn").get("ownerId").asString()).isEqualTo(sales.id().toString());
		assertThat(person("binh@chu.vn").get("ownerId").asString()).isEqualTo(workspace.member(Role.MANAGER).id().toString());
		var errors = api().get("/api/v1/imports/" + job.get("id").asString() + "/errors").body().asString();
		assertThat(errors.lines().filter(l -> l.startsWith("4,")).findFirst().orElseThrow()).contains("ai.do@khong.vn");
	}

	@Test
	void organizationsGetTheOwnerTheColumnNames() {
		var file = "Tên công ty,Owner\nCông ty Chủ," + workspace.otherSales().email() + "\n";

		var job = finished(ImportUploads.upload(api(), "to-chuc.csv", file, Map.of("type", "organizations")));

		assertThat(job.get("created").asInt()).isEqualTo(1);
		var organization = api().get("/api/v1/organizations?q=Chu").body().get("items").get(0);
		assertThat(organization.get("ownerId").asString()).isEqualTo(workspace.otherSales().id().toString());
	}

	private JsonNode person(String email) {
		return api().get("/api/v1/persons?q=" + email).body().get("items").get(0);
	}

	private JsonNode finished(Api.Response started) {
		assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
		var id = started.body().get("id").asString();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			var status = api().get("/api/v1/imports/" + id).body().get("status").asString();
			return !status.equals("queued") && !status.equals("running");
		});
		return api().get("/api/v1/imports/" + id).body();
	}

	private Api api() {
		return new Api(port, workspace.member(Role.MANAGER).token());
	}
}
