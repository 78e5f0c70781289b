package org.sencrm.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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

/** The duplicate scan runs by itself after an import that created persons (issue 10 §4, decision 37). */
@IntegrationTest
class DuplicateScanAfterImportTest {

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
	void theDuplicatesAnImportBroughtInAreAmongThePossibleDuplicatesWithoutAScanAskedFor() {
		var file = "Họ và tên,Email,Số điện thoại\nNguyễn Văn Trùng,trung@hai.vn,0901111222\nNguyễn Văn Trùng,trung@hai.vn,0901111222\n"
				+ "Lê Thị Khác,khac@hai.vn,0903333444\n";
		var started = ImportUploads.upload(api(), "hai-lan.csv", file, Map.of("type", "persons", "allowDuplicates", "true"));
		var id = started.body().get("id").asString();
		await().atMost(Duration.ofSeconds(60)).until(() -> api().get("/api/v1/imports/" + id).body().get("status").asString().equals("done"));
		var twins = api().get("/api/v1/persons?q=trung@hai.vn").body().get("items").valueStream().map(p -> p.get("id").asString())
				.toList();
		assertThat(twins).hasSize(2);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(pairs()).anySatisfy(
				ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(twins)));
	}

	private List<List<String>> pairs() {
		JsonNode page = api().get("/api/v1/duplicates?type=person").body();
		return page.get("items").valueStream().map(g -> g.get("ids").valueStream().map(JsonNode::asString).toList()).toList();
	}

	private Api api() {
		return new Api(port, workspace.member(Role.MANAGER).token());
	}
}
