package org.sencrm.directory;

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

@IntegrationTest
class PersonApiTest {

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
	void createsPersonWithNormalisedPhoneAndReadsItBackWithETag() {
		var created = sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "middleName", "Văn", "givenName", "An",
				"emails", List.of(Map.of("address", "An.Nguyen@Example.VN")), "phones", List.of(Map.of("number", "090 123 4567"))));

		assertThat(created.status()).isEqualTo(201);
		var id = created.body().get("id").asString();
		var read = sales.get("/api/v1/persons/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
		assertThat(read.body().get("phones").get(0).get("number").asString()).isEqualTo("+84901234567");
		assertThat(read.body().get("emails").get(0).get("address").asString()).isEqualTo("an.nguyen@example.vn");
		assertThat(read.body().get("ownerId").asString()).isEqualTo(workspace.member(Role.SALES).id().toString());
	}

	@Test
	void tagsOfANewPersonKeepTheirOrderAndReuseExistingTagsWhateverTheirCase() {
		var first = sales.post("/api/v1/persons", Map.of("givenName", "Dũng", "tags", List.of("VIP", "Hà Nội")));
		var second = sales.post("/api/v1/persons", Map.of("givenName", "Hoa", "tags", List.of("zalo", "hà nội", "vip", "ĐẠI LÝ")));

		assertThat(first.body().get("tags").valueStream().map(t -> t.asString()).toList()).containsExactly("VIP", "Hà Nội");
		assertThat(second.body().get("tags").valueStream().map(t -> t.asString()).toList())
				.containsExactly("zalo", "Hà Nội", "VIP", "ĐẠI LÝ");
		var all = sales.get("/api/v1/tags").body();
		var names = (all.has("items") ? all.get("items") : all).valueStream().map(t -> t.get("name").asString()).toList();
		assertThat(names).containsExactlyInAnyOrder("VIP", "Hà Nội", "zalo", "ĐẠI LÝ");
		var found = sales.get("/api/v1/persons?tag=VIP").body().get("items");
		assertThat(found.size()).isEqualTo(2);
	}

	@Test
	void rejectsInvalidPhoneAndEmailNamingEachField() {
		var response = sales.post("/api/v1/persons", Map.of("givenName", "Bình",
				"emails", List.of(Map.of("address", "not-an-email")), "phones", List.of(Map.of("number", "12345"))));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		var fields = response.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
		assertThat(fields).containsExactlyInAnyOrder("emails[0].address", "phones[0].number");
		assertThat(sales.get("/api/v1/persons").body().get("items").size()).isZero();
	}

	@Test
	void answersInTheCallersLanguage() {
		var response = sales.header("Accept-Language", "vi").post("/api/v1/persons", Map.of("givenName", "Bình",
				"phones", List.of(Map.of("number", "12345"))));

		assertThat(response.body().get("errors").get(0).get("message").asString()).contains("không phải số điện thoại hợp lệ");
	}

	@Test
	void staleIfMatchIsRefusedAndNothingIsOverwritten() {
		var id = sales.post("/api/v1/persons", Map.of("givenName", "Chi", "familyName", "Lê")).body().get("id").asString();
		var first = sales.header("If-Match", "\"0\"").patch("/api/v1/persons/" + id, Map.of("givenName", "Chí"));
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("ETag")).isEqualTo("\"1\"");

		var stale = sales.header("If-Match", "\"0\"").patch("/api/v1/persons/" + id, Map.of("givenName", "Overwritten"));

		assertThat(stale.status()).isEqualTo(412);
		assertThat(sales.get("/api/v1/persons/" + id).body().get("givenName").asString()).isEqualTo("Chí");
	}

	@Test
	void mergePatchChangesOnlyTheGivenFieldsAndRemovesNulls() {
		var id = sales.post("/api/v1/persons", Map.of("givenName", "Dũng", "familyName", "Phạm", "source", "website"))
				.body().get("id").asString();
		var patch = new java.util.HashMap<String, Object>();
		patch.put("source", null);
		patch.put("status", "existing");

		var patched = sales.patch("/api/v1/persons/" + id, patch);

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.body().get("familyName").asString()).isEqualTo("Phạm");
		assertThat(patched.body().get("status").asString()).isEqualTo("existing");
		assertThat(patched.body().has("source")).isFalse();
	}

	@Test
	void unknownIdIsANotFoundProblem() {
		assertThat(sales.get("/api/v1/persons/0190a0a0-0000-7000-8000-000000000000").status()).isEqualTo(404);
		assertThat(sales.get("/api/v1/persons/not-a-uuid").status()).isEqualTo(404);
	}

	@Test
	void historyKeepsEachFieldChange() {
		var id = sales.post("/api/v1/persons", Map.of("givenName", "Giang", "familyName", "Hoàng")).body().get("id").asString();
		sales.patch("/api/v1/persons/" + id, Map.of("familyName", "Hoàng Thị"));

		var history = sales.get("/api/v1/persons/" + id + "/history").body();

		assertThat(history.size()).isEqualTo(2);
		assertThat(history.get(0).get("action").asString()).isEqualTo("updated");
		assertThat(history.get(0).get("changes").get("familyName").get("from").asString()).isEqualTo("Hoàng");
		assertThat(history.get(0).get("changes").get("familyName").get("to").asString()).isEqualTo("Hoàng Thị");
		assertThat(history.get(0).get("actorId").asString()).isEqualTo(workspace.member(Role.SALES).id().toString());
		assertThat(history.get(1).get("action").asString()).isEqualTo("created");
	}
}
