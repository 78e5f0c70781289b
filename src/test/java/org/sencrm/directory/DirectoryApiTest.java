package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

/** Organizations, contact roles, custom fields, list filters and pagination, saved views and export. */
@IntegrationTest
class DirectoryApiTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	Api admin;
	Api sales;

	@BeforeEach
	void setUp() {
		var workspace = workspaces.create();
		admin = new Api(port, workspace.member(Role.ADMIN).token());
		sales = new Api(port, workspace.member(Role.SALES).token());
	}

	@Test
	void organizationChecksTaxCodeWebsiteKindAndParent() {
		var invalid = sales.post("/api/v1/organizations", Map.of("name", "Công ty A", "taxCode", "12-34", "website", "not a url",
				"kind", "pirate", "relationship", "enemy"));

		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
				.containsExactlyInAnyOrder("taxCode", "website", "kind", "relationship");

		var parent = sales.post("/api/v1/organizations", Map.of("name", "Tập đoàn Mẹ", "taxCode", "0101234567",
				"kind", "commercial_oem", "website", "me.example.vn")).body();
		assertThat(parent.get("website").asString()).isEqualTo("https://me.example.vn");
		var child = sales.post("/api/v1/organizations", Map.of("name", "Chi nhánh Đà Nẵng", "taxCode", "0101234567-001",
				"parentId", parent.get("id").asString())).body();
		assertThat(child.get("parentId").asString()).isEqualTo(parent.get("id").asString());

		var loop = sales.patch("/api/v1/organizations/" + parent.get("id").asString(), Map.of("parentId", child.get("id").asString()));
		assertThat(loop.status()).isEqualTo(422);
		assertThat(loop.body().get("errors").get(0).get("field").asString()).isEqualTo("parentId");
	}

	@Test
	void anOrganizationsLifecycleStageIsWrittenFilteredAndExported() throws java.io.IOException {
		var refused = sales.post("/api/v1/organizations", Map.of("name", "Công ty Sai", "lifecycleStage", "vip"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
				.containsExactly("lifecycleStage");

		var loyal = sales.post("/api/v1/organizations", Map.of("name", "Hợp tác xã Trà Sen", "lifecycleStage", "loyal")).body();
		var id = loyal.get("id").asString();
		assertThat(loyal.get("lifecycleStage").asString()).isEqualTo("loyal");
		sales.post("/api/v1/organizations", Map.of("name", "Công ty Mới"));
		var atRisk = sales.patch("/api/v1/organizations/" + id, Map.of("lifecycleStage", "at_risk"));
		assertThat(atRisk.status()).isEqualTo(200);
		assertThat(sales.get("/api/v1/organizations/" + id).body().get("lifecycleStage").asString()).isEqualTo("at_risk");
		assertThat(sales.patch("/api/v1/organizations/" + id, Map.of("lifecycleStage", "gold")).body().get("errors").get(0)
				.get("field").asString()).isEqualTo("lifecycleStage");

		var filtered = sales.get("/api/v1/organizations?lifecycleStage=at_risk").body().get("items");
		assertThat(filtered.valueStream().map(o -> o.get("name").asString()).toList()).containsExactly("Hợp tác xã Trà Sen");
		var history = sales.get("/api/v1/organizations/" + id + "/history").body();
		assertThat(history.get(0).get("changes").get("lifecycleStage").get("to").asString()).isEqualTo("at_risk");
		var csv = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(new java.io.StringReader(admin.get("/api/v1/organizations/export").body().asString().replace("\uFEFF", "")))
				.stream().collect(java.util.stream.Collectors.toMap(r -> r.get("name"), r -> r.get("lifecycle_stage")));
		assertThat(csv).containsExactlyInAnyOrderEntriesOf(Map.of("Hợp tác xã Trà Sen", "at_risk", "Công ty Mới", ""));
	}

	@Test
	void contactRolesShowOnBothSides() {
		var person = sales.post("/api/v1/persons", Map.of("familyName", "Võ", "givenName", "Thành")).body().get("id").asString();
		var organization = sales.post("/api/v1/organizations", Map.of("name", "Nhà máy Bao bì")).body().get("id").asString();

		var role = sales.post("/api/v1/contact-roles", Map.of("personId", person, "organizationId", organization,
				"jobTitle", "Giám đốc mua hàng", "buyingRoles", List.of("decider", "buyer")));

		assertThat(role.status()).isEqualTo(201);
		var ofPerson = sales.get("/api/v1/persons/" + person + "/contact-roles").body();
		assertThat(ofPerson.get(0).get("organizationName").asString()).isEqualTo("Nhà máy Bao bì");
		assertThat(ofPerson.get(0).get("buyingRoles").valueStream().map(r -> r.asString()).toList()).containsExactly("decider", "buyer");
		var ofOrganization = sales.get("/api/v1/organizations/" + organization + "/contact-roles").body();
		assertThat(ofOrganization.get(0).get("personName").asString()).isEqualTo("Võ Thành");
		assertThat(sales.post("/api/v1/contact-roles", Map.of("personId", person, "organizationId", organization,
				"buyingRoles", List.of("king"))).status()).isEqualTo(422);
		var unknown = java.util.UUID.randomUUID();
		assertThat(sales.get("/api/v1/persons/" + unknown + "/contact-roles").status()).as("no such person").isEqualTo(404);
		assertThat(sales.get("/api/v1/organizations/" + unknown + "/contact-roles").status()).isEqualTo(404);
	}

	@Test
	void customFieldsAreValidatedStoredAndFilterable() {
		admin.post("/api/v1/custom-fields", Map.of("entity", "person", "key", "channel", "label", "Kênh", "type", "choice",
				"options", List.of("Zalo", "Email")));
		admin.post("/api/v1/custom-fields", Map.of("entity", "person", "key", "budget", "label", "Budget", "type", "number"));

		var invalid = sales.post("/api/v1/persons", Map.of("givenName", "A", "customFields", Map.of("channel", "Fax",
				"budget", "lots", "unknown", "x")));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
				.containsExactlyInAnyOrder("customFields.channel", "customFields.budget", "customFields.unknown");

		var zalo = sales.post("/api/v1/persons", Map.of("givenName", "Zalo user", "customFields", Map.of("channel", "Zalo",
				"budget", "1500000"))).body();
		sales.post("/api/v1/persons", Map.of("givenName", "Email user", "customFields", Map.of("channel", "Email")));
		assertThat(zalo.get("customFields").get("budget").asLong()).isEqualTo(1_500_000L);

		var filtered = sales.get("/api/v1/persons?cf.channel=Zalo").body().get("items");
		assertThat(filtered.size()).isEqualTo(1);
		assertThat(filtered.get(0).get("givenName").asString()).isEqualTo("Zalo user");

		var budget = admin.get("/api/v1/custom-fields?entity=person").body().valueStream()
				.filter(d -> d.get("key").asString().equals("budget")).findFirst().orElseThrow().get("id").asString();
		assertThat(admin.delete("/api/v1/custom-fields/" + budget).status()).isEqualTo(204);
		var afterRemoval = sales.get("/api/v1/persons/" + zalo.get("id").asString()).body();
		assertThat(afterRemoval.get("customFields").has("budget")).isFalse();
		assertThat(sales.patch("/api/v1/persons/" + zalo.get("id").asString(), Map.of("source", "fair")).status()).isEqualTo(200);
	}

	@Test
	void listsFilterByTagAndPageWithCursorsWithoutGapsOrRepeats() {
		for (int i = 0; i < 7; i++) {
			sales.post("/api/v1/persons", Map.of("familyName", "Trần", "givenName", "Khách " + i, "tags", i % 2 == 0 ? List.of("VIP") : List.of()));
		}
		assertThat(sales.get("/api/v1/persons?tag=vip").body().get("items").size()).isEqualTo(4);

		var seen = new ArrayList<String>();
		String cursor = null;
		int pages = 0;
		do {
			var page = sales.get("/api/v1/persons?limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).body();
			page.get("items").valueStream().forEach(p -> seen.add(p.get("givenName").asString()));
			cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
			pages++;
		} while (cursor != null && pages < 10);

		assertThat(pages).isEqualTo(3);
		assertThat(seen).hasSize(7).doesNotHaveDuplicates().isSorted();
		assertThat(sales.get("/api/v1/persons?cursor=garbage").status()).isEqualTo(422);
	}

	@Test
	void listTextFilterFindsWordStartsWithoutAccentsAndPhoneDigits() {
		sales.post("/api/v1/persons", Map.of("familyName", "Đặng", "middleName", "Thị", "givenName", "Hương",
				"phones", List.of(Map.of("number", "0912 345 678"))));
		sales.post("/api/v1/persons", Map.of("familyName", "Trần", "givenName", "Nam", "emails", List.of(Map.of("address", "nam@cty.vn"))));

		assertThat(names("/api/v1/persons?q=dang%20thi")).containsExactly("Hương");
		assertThat(names("/api/v1/persons?q=huong")).containsExactly("Hương");
		assertThat(names("/api/v1/persons?q=0912345678")).containsExactly("Hương");
		assertThat(names("/api/v1/persons?q=nam@cty")).containsExactly("Nam");
		assertThat(names("/api/v1/persons?q=xyz")).isEmpty();
	}

	private List<String> names(String path) {
		return sales.get(path).body().get("items").valueStream().map(p -> p.get("givenName").asString()).toList();
	}

	@Test
	void savedViewsBelongToTheirUser() {
		var saved = sales.post("/api/v1/views", Map.of("entity", "person", "name", "Khách VIP", "query", "tag=VIP&status=existing"));

		assertThat(saved.status()).isEqualTo(201);
		assertThat(sales.get("/api/v1/views?entity=person").body().get(0).get("query").asString()).isEqualTo("tag=VIP&status=existing");
		assertThat(admin.get("/api/v1/views?entity=person").body().size()).isZero();
		assertThat(admin.delete("/api/v1/views/" + saved.body().get("id").asString()).status()).isEqualTo(404);
	}

	@Test
	void exportsTheFilteredListAsCsv() throws java.io.IOException {
		sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "givenName", "Hà, \"Hà Nội\"", "tags", List.of("VIP"),
				"phones", List.of(Map.of("number", "0901234567"))));
		sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Không VIP"));

		var csv = admin.get("/api/v1/persons/export?tag=VIP");

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		var text = csv.body().asString();
		var records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(new java.io.StringReader(text.replace("\uFEFF", ""))).stream().toList();
		assertThat(records).hasSize(1);
		assertThat(records.getFirst().get("given_name")).isEqualTo("Hà, \"Hà Nội\"");
		assertThat(records.getFirst().get("phones")).as("neutralised as text (decision 20)").isEqualTo("'+84901234567");
	}
}
