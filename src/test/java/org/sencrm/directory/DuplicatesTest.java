package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The whole-base duplicate finder through the API and the page: scanning, listing best first, "not a duplicate". */
@IntegrationTest
class DuplicatesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Test
	void aScanInTheBackgroundFindsPersonsEnteredTwice() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var an = person(sales, Map.of("familyName", "Nguyễn", "middleName", "Văn", "givenName", "An", "birthday", "1988-03-14"));
		var anAgain = person(sales, Map.of("familyName", "Nguyen", "givenName", "An", "birthday", "1988-03-14"));
		var hoa = person(sales, Map.of("familyName", "Lê", "givenName", "Hoa", "emails", List.of(Map.of("address", "hoa@example.vn"))));
		var hoaAgain = person(sales, Map.of("familyName", "Le", "givenName", "Thi Hoa",
				"emails", List.of(Map.of("address", "HOA@example.vn"))));
		var other = person(sales, Map.of("familyName", "Trần", "givenName", "Bình", "birthday", "1970-01-02"));

		var started = sales.post("/api/v1/duplicates/scan?type=person", null);
		assertThat(started.status()).isEqualTo(202);
		assertThat(started.body().get("items").get(0).get("status").asString()).isIn("queued", "running", "done");
		scanned(sales, "person");

		var page = sales.get("/api/v1/duplicates?type=person");
		assertThat(page.status()).isEqualTo(200);
		var groups = ids(page.body());
		assertThat(groups).containsExactlyInAnyOrder(sorted(an, anAgain), sorted(hoa, hoaAgain));
		assertThat(groups.stream().flatMap(List::stream)).doesNotContain(other);
		var first = page.body().get("items").get(0);
		assertThat(first.get("score").asDouble()).isBetween(0.8, 1.0);
		assertThat(page.body().get("items").get(0).get("score").asDouble())
				.isGreaterThanOrEqualTo(page.body().get("items").get(1).get("score").asDouble());
		var reasons = new ArrayList<String>();
		page.body().get("items").forEach(item -> item.get("reasons").forEach(r -> reasons.add(r.asString())));
		assertThat(reasons).contains("same_email", "same_birthday");
	}

	@Test
	void pagesFollowTheCursorAndMinScoreFilters() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		for (var name : List.of("An", "Bình", "Chi")) {
			person(sales, Map.of("familyName", "Phạm", "givenName", name, "birthday", "1990-05-05", "phones", List.of(Map.of("number", "090 111 22" + name.length() + "3"))));
			person(sales, Map.of("familyName", "Pham", "givenName", name, "birthday", "1990-05-05", "phones", List.of(Map.of("number", "+84 90 111 22" + name.length() + "3"))));
		}
		sales.post("/api/v1/duplicates/scan?type=person", null);
		scanned(sales, "person");

		var firstPage = sales.get("/api/v1/duplicates?type=person&limit=2");
		assertThat(firstPage.body().get("items")).hasSize(2);
		var cursor = firstPage.body().get("nextCursor").asString();
		var secondPage = sales.get("/api/v1/duplicates?type=person&limit=2&cursor=" + cursor);
		assertThat(secondPage.body().get("items").size()).isGreaterThanOrEqualTo(1);
		var all = new ArrayList<List<String>>(ids(firstPage.body()));
		all.addAll(ids(secondPage.body()));
		assertThat(all).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
		assertThat(ids(sales.get("/api/v1/duplicates?type=person&minScore=1.0").body()).size()).isLessThan(all.size());
		assertThat(sales.get("/api/v1/duplicates?type=robot").status()).isEqualTo(422);
		assertThat(sales.get("/api/v1/duplicates?minScore=2").status()).isEqualTo(422);
	}

	@Test
	void notADuplicateIsRememberedAcrossScans() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var a = person(sales, Map.of("familyName", "Võ", "givenName", "Minh", "phones", List.of(Map.of("number", "0903334455"))));
		var b = person(sales, Map.of("familyName", "Võ", "givenName", "Lan", "phones", List.of(Map.of("number", "0903334455"))));
		sales.post("/api/v1/duplicates/scan?type=person", null);
		scanned(sales, "person");
		assertThat(ids(sales.get("/api/v1/duplicates?type=person").body())).containsExactly(sorted(a, b));

		var noted = sales.post("/api/v1/duplicates/not-duplicates", Map.of("type", "person", "ids", List.of(b, a)));

		assertThat(noted.status()).isEqualTo(204);
		assertThat(ids(sales.get("/api/v1/duplicates?type=person").body())).isEmpty();
		var previous = latest(sales, "person").get("id").asString();
		sales.post("/api/v1/duplicates/scan?type=person", null);
		await().atMost(Duration.ofSeconds(30)).until(() -> !latest(sales, "person").get("id").asString().equals(previous)
				&& "done".equals(latest(sales, "person").get("status").asString()));
		assertThat(ids(sales.get("/api/v1/duplicates?type=person").body())).isEmpty();
	}

	@Test
	void organizationsWithOneTaxCodeAreFound() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var first = sales.post("/api/v1/organizations", Map.of("name", "Công ty TNHH An Phát", "taxCode", "0312345678")).body().get("id").asString();
		var second = sales.post("/api/v1/organizations", Map.of("name", "An Phat Co., Ltd", "taxCode", "0312345678",
				"allowDuplicate", true)).body().get("id").asString();
		sales.post("/api/v1/organizations", Map.of("name", "Hưng Thịnh", "taxCode", "0109998887"));

		sales.post("/api/v1/duplicates/scan?type=organization", null);
		scanned(sales, "organization");

		var page = sales.get("/api/v1/duplicates?type=organization").body();
		assertThat(ids(page)).containsExactly(sorted(first, second));
		assertThat(page.get("items").get(0).get("reasons").toString()).contains("same_tax_code");
	}

	@Test
	void viewersSeeButCannotScanOrDecide() {
		var workspace = workspaces.create();
		var viewer = new Api(port, workspace.member(Role.VIEWER).token());

		assertThat(viewer.get("/api/v1/duplicates?type=person").status()).isEqualTo(200);
		assertThat(viewer.post("/api/v1/duplicates/scan", null).status()).isEqualTo(403);
	}

	@Test
	void thePageListsTheGroupsWithTheirReasonsAndForgetsAPairMarkedNotADuplicate() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		person(sales, Map.of("familyName", "Đỗ", "givenName", "Quang", "emails", List.of(Map.of("address", "quang@example.vn"))));
		person(sales, Map.of("familyName", "Do", "givenName", "Quang", "emails", List.of(Map.of("address", "quang@example.vn"))));
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());

		var scanning = web.submit(web.get("/duplicates?type=person"), "form[action='/duplicates/scan']", Map.of());
		assertThat(scanning.status()).isEqualTo(302);
		scanned(sales, "person");
		var page = web.get("/duplicates?type=person");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select(".duplicate-group")).hasSize(1);
		assertThat(page.text(".duplicate-records")).contains("Đỗ Quang", "quang@example.vn");
		assertThat(page.text(".duplicate-pairs")).contains("same email");
		var decided = web.submit(page, ".duplicate-pairs form", Map.of());
		assertThat(decided.status()).isEqualTo(302);
		assertThat(web.get("/duplicates?type=person").html().select(".duplicate-group")).isEmpty();
	}

	/** A person saved even when another has the same email or phone: these tests make duplicates for the finder on purpose. */
	private static String person(Api api, Map<String, Object> body) {
		var allowed = new java.util.HashMap<String, Object>(body);
		allowed.put("allowDuplicate", true);
		var created = api.post("/api/v1/persons", allowed);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private static void scanned(Api api, String type) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			var scan = latest(api, type);
			return scan != null && "done".equals(scan.get("status").asString());
		});
	}

	private static JsonNode latest(Api api, String type) {
		var items = api.get("/api/v1/duplicates/scan?type=" + type).body().get("items");
		return items.isEmpty() ? null : items.get(0);
	}

	private static List<List<String>> ids(JsonNode page) {
		var groups = new ArrayList<List<String>>();
		page.get("items").forEach(item -> {
			var ids = new ArrayList<String>();
			item.get("ids").forEach(id -> ids.add(id.asString()));
			groups.add(ids.stream().sorted().toList());
		});
		return groups;
	}

	private static List<String> sorted(String... ids) {
		return java.util.Arrays.stream(ids).sorted().toList();
	}
}
