package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Merging persons: values field by field, every linked record moved to the survivor, the merged-away answering 404 with mergedInto. */
@IntegrationTest
class MergePersonsTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Test
	void mergingKeepsEveryContactDetailAndMovesTheTimelineToTheSurvivor() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var survivor = id(sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "givenName", "An", "tags", List.of("VIP"),
				"emails", List.of(Map.of("address", "an@example.vn")), "source", "website")));
		var other = id(sales.post("/api/v1/persons", Map.of("familyName", "Nguyen", "middleName", "Van", "givenName", "An",
				"birthday", "1988-03-14", "tags", List.of("Zalo OA"),
				"emails", List.of(Map.of("address", "AN@example.vn"), Map.of("address", "an.nguyen@work.vn")),
				"phones", List.of(Map.of("number", "0901234567")),
				"consents", Map.of("email", Map.of("status", "granted", "method", "in_person")), "allowDuplicate", true)));
		var note = id(sales.post("/api/v1/activities", Map.of("type", "note", "personId", other, "body", "<p>Gọi lại tuần sau</p>")));
		var company = id(sales.post("/api/v1/organizations", Map.of("name", "An Phát")));
		sales.post("/api/v1/contact-roles", Map.of("personId", other, "organizationId", company, "buyingRoles", List.of("buyer")));

		var merged = sales.post("/api/v1/persons/merge", Map.of("survivorId", survivor, "otherIds", List.of(other),
				"fields", Map.of("source", survivor)));

		assertThat(merged.status()).as(merged.body().toString()).isEqualTo(200);
		var body = merged.body();
		assertThat(body.get("id").asString()).isEqualTo(survivor);
		// the newer record's name and birthday by default, the chosen record's source
		assertThat(body.get("displayName").asString()).isEqualTo("Nguyen Van An");
		assertThat(body.get("birthday").asString()).isEqualTo("1988-03-14");
		assertThat(body.get("source").asString()).isEqualTo("website");
		assertThat(texts(body.get("emails"), "address")).containsExactly("an@example.vn", "an.nguyen@work.vn");
		assertThat(texts(body.get("phones"), "number")).containsExactly("+84901234567");
		assertThat(texts(body.get("tags"), null)).containsExactlyInAnyOrder("VIP", "Zalo OA");
		assertThat(body.get("consents").get("email").get("status").asString()).isEqualTo("granted");
		assertThat(sales.get("/api/v1/activities/" + note).body().get("personId").asString()).isEqualTo(survivor);
		assertThat(sales.get("/api/v1/persons/" + survivor + "/contact-roles").body().toString()).contains(company);

		var gone = sales.get("/api/v1/persons/" + other);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.body().get("mergedInto").asString()).isEqualTo(survivor);
		var history = sales.get("/api/v1/persons/" + survivor + "/history").body();
		assertThat(history.toString()).contains("\"merged\"", other);
		assertThat(sales.get("/api/v1/persons?q=an.nguyen@work.vn").body().get("items").toString()).contains(survivor);
	}

	@Test
	void restoringTheMergedAwayPersonFromTheTrashUndoesTheMerge() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var survivor = id(sales.post("/api/v1/persons", Map.of("familyName", "Trần", "givenName", "Mai")));
		var other = id(sales.post("/api/v1/persons", Map.of("familyName", "Tran", "givenName", "Mai")));
		var note = id(sales.post("/api/v1/activities", Map.of("type", "note", "personId", other, "body", "<p>Hẹn gặp</p>")));
		var kept = id(sales.post("/api/v1/activities", Map.of("type", "note", "personId", survivor, "body", "<p>Đã gọi</p>")));
		assertThat(sales.post("/api/v1/persons/merge", Map.of("survivorId", survivor, "otherIds", List.of(other))).status()).isEqualTo(200);
		assertThat(sales.get("/api/v1/activities/" + note).body().get("personId").asString()).isEqualTo(survivor);

		var entry = sales.get("/api/v1/trash?type=person").body().get("items").get(0);
		assertThat(entry.get("recordId").asString()).isEqualTo(other);
		assertThat(sales.post("/api/v1/trash/" + entry.get("id").asString() + "/restore", null).status()).isEqualTo(200);

		assertThat(sales.get("/api/v1/persons/" + other).status()).isEqualTo(200);
		assertThat(sales.get("/api/v1/activities/" + note).body().get("personId").asString()).isEqualTo(other);
		assertThat(sales.get("/api/v1/activities/" + kept).body().get("personId").asString()).isEqualTo(survivor);
	}

	@Test
	void aSalesUserCannotMergeAColleaguesCustomer() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var colleague = new Api(port, workspace.otherSales().token());
		var mine = id(sales.post("/api/v1/persons", Map.of("givenName", "Bình")));
		var theirs = id(colleague.post("/api/v1/persons", Map.of("givenName", "Bình")));

		assertThat(sales.post("/api/v1/persons/merge", Map.of("survivorId", mine, "otherIds", List.of(theirs))).status()).isEqualTo(403);
		assertThat(sales.get("/api/v1/persons/" + theirs).status()).isEqualTo(200);
		var manager = new Api(port, workspace.member(Role.MANAGER).token());
		assertThat(manager.post("/api/v1/persons/merge", Map.of("survivorId", mine, "otherIds", List.of(theirs))).status()).isEqualTo(200);
	}

	@Test
	void aMergeNeedsOtherRecordsAndKnownFields() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var one = id(sales.post("/api/v1/persons", Map.of("givenName", "Chi")));
		var two = id(sales.post("/api/v1/persons", Map.of("givenName", "Chi")));

		assertThat(sales.post("/api/v1/persons/merge", Map.of("survivorId", one, "otherIds", List.of(one))).status()).isEqualTo(422);
		var unknown = sales.post("/api/v1/persons/merge", Map.of("survivorId", one, "otherIds", List.of(two),
				"fields", Map.of("shoeSize", two)));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body().toString()).contains("fields.shoeSize");
		assertThat(sales.get("/api/v1/persons/" + two).status()).isEqualTo(200);
	}

	private static List<String> texts(JsonNode array, String field) {
		var texts = new ArrayList<String>();
		array.forEach(item -> texts.add(field == null ? item.asString() : item.get(field).asString()));
		return texts;
	}

	private static String id(Api.Response created) {
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}
}
