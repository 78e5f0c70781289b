package org.sencrm.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
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

/**
 * Leads as a kind of the import engine (decision 37): files of any size, through {@code type=leads}
 * or the lead import's own endpoint; owners by the owner column, else the assignment rules, else the
 * importing user; scores as the form gives them; matching, duplicates and undo as for the other kinds.
 */
@IntegrationTest
class LeadImportKindTest {

	static final int BIG = 10_050;

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
	void aFileOfMoreThanTenThousandRowsImportsInTheBackground() {
		var job = finished(ImportUploads.upload(api(Role.MANAGER), "hoi-cho.csv", bigFile("nen"), Map.of("type", "leads")));

		assertThat(job.get("status").asString()).isEqualTo("done");
		assertThat(job.get("type").asString()).isEqualTo("leads");
		assertThat(job.get("created").asInt()).isEqualTo(BIG);
		assertThat(job.get("failed").asInt()).isZero();
		var found = api(Role.MANAGER).get("/api/v1/leads?sort=created&limit=1").body().get("items").get(0);
		assertThat(found.get("source").asString()).isEqualTo("import");
	}

	@Test
	void theLeadEndpointTakesMoreThanTenThousandRowsAndNamesItsImport() {
		var result = api(Role.SALES).send("POST", "/api/v1/leads/import?campaign=T%E1%BA%BFt", bigFile("dau"), "text/csv");

		assertThat(result.status()).as(result.body().toString()).isEqualTo(200);
		assertThat(result.body().get("imported").asInt()).isEqualTo(BIG);
		assertThat(result.body().get("failed").size()).isZero();
		var job = api(Role.SALES).get("/api/v1/imports/" + result.body().get("importId").asString()).body();
		assertThat(job.get("type").asString()).isEqualTo("leads");
		assertThat(job.get("created").asInt()).isEqualTo(BIG);
		var lead = api(Role.SALES).get("/api/v1/leads?sort=created&limit=1").body().get("items").get(0);
		assertThat(lead.get("campaign").asString()).isEqualTo("Tết");
		assertThat(lead.get("ownerId").asString()).isEqualTo(workspace.member(Role.SALES).id().toString());
	}

	@Test
	void ownersComeFromTheOwnerColumnThenTheAssignmentRulesAndScoresAsTheFormGivesThem() {
		var danang = workspace.otherSales().id().toString();
		rule(Map.of("matchField", "province", "matchValue", "Đà Nẵng", "userId", danang));
		rule(Map.of("teamId", workspace.teamId().toString()));
		var file = String.join("\n",
				"Họ và tên,Email,Số điện thoại,Công ty,Tỉnh/Thành,Nguồn,Người phụ trách",
				"Nguyễn Đà,da@vidu.vn,0901234567,Hoa Sen,da nang,referral,",
				"Lê Một,mot@vidu.vn,,,Huế,,",
				"Lê Hai,hai@vidu.vn,,,Huế,,",
				"Lê Ba,ba@vidu.vn,,,Huế,,",
				"Lê Bốn,bon@vidu.vn,,,Huế,,",
				"Trần Chọn,chon@vidu.vn,,,Đà Nẵng,," + workspace.member(Role.MANAGER).email().toUpperCase(),
				"Phạm Lạ,la@vidu.vn,,,,,Không Ai Cả") + "\n";

		var job = finished(ImportUploads.upload(api(Role.MANAGER), "chia.csv", file, Map.of("type", "leads")));

		assertThat(job.get("created").asInt()).isEqualTo(6);
		assertThat(job.get("failed").asInt()).isEqualTo(1);
		assertThat(lead("da@vidu.vn").get("ownerId").asString()).isEqualTo(danang);
		assertThat(lead("chon@vidu.vn").get("ownerId").asString()).isEqualTo(workspace.member(Role.MANAGER).id().toString());
		var turns = new ArrayList<String>();
		for (var email : new String[] {"mot@vidu.vn", "hai@vidu.vn", "ba@vidu.vn", "bon@vidu.vn"}) {
			var lead = lead(email);
			turns.add(lead.get("ownerId").asString());
			assertThat(lead.get("ownerTeamId").asString()).isEqualTo(workspace.teamId().toString());
		}
		assertThat(turns.get(0)).isNotEqualTo(turns.get(1));
		assertThat(turns.get(2)).isEqualTo(turns.get(0));
		assertThat(turns.get(3)).isEqualTo(turns.get(1));
		// the next lead by hand takes the next turn: the import left the pointer where it stopped
		var byHand = api(Role.ADMIN).post("/api/v1/leads", Map.of("givenName", "Tay", "province", "Huế")).body();
		assertThat(byHand.get("ownerId").asString()).isEqualTo(turns.get(0));
		var same = api(Role.ADMIN).post("/api/v1/leads", Map.of("familyName", "Nguyễn", "givenName", "Đà", "email", "da2@vidu.vn",
				"phone", "0901234568", "companyName", "Hoa Sen", "source", "referral")).body();
		assertThat(lead("da@vidu.vn").get("score").asInt()).isEqualTo(same.get("score").asInt()).isPositive();
		var failure = errors(job);
		assertThat(failure.lines().filter(l -> l.startsWith("8,")).findFirst().orElseThrow()).contains("Không Ai Cả");
	}

	@Test
	void aSalesUserCannotGiveImportedLeadsToSomeoneElse() {
		var file = "Email,Owner\nmine@vidu.vn," + workspace.member(Role.SALES).email() + "\nyours@vidu.vn,"
				+ workspace.member(Role.MANAGER).email() + "\n";

		var job = finished(ImportUploads.upload(api(Role.SALES), "giao.csv", file, Map.of("type", "leads", "onMatch", "skip")));

		assertThat(job.get("created").asInt()).isEqualTo(1);
		assertThat(job.get("failed").asInt()).isEqualTo(1);
		assertThat(errors(job).lines().filter(l -> l.startsWith("3,")).findFirst().orElseThrow())
				.contains(workspace.member(Role.MANAGER).email());
	}

	@Test
	void matchedLeadsGetTheirEmptyFieldsFilledAndTheUndoPutsThemBack() {
		var existing = api(Role.MANAGER).post("/api/v1/leads", Map.of("givenName", "Cũ", "email", "cu@vidu.vn")).body();
		var file = "Email,Số điện thoại,Tỉnh/Thành,Tên\ncu@vidu.vn,0912345678,Huế,Khác\nmoi@vidu.vn,,,Mới\n";

		var job = finished(ImportUploads.upload(api(Role.MANAGER), "cap-nhat.csv", file, Map.of("type", "leads", "matchBy", "email")));

		assertThat(job.get("created").asInt()).isEqualTo(1);
		assertThat(job.get("updated").asInt()).isEqualTo(1);
		var updated = api(Role.MANAGER).get("/api/v1/leads/" + existing.get("id").asString()).body();
		assertThat(updated.get("phone").asString()).isEqualTo("+84912345678");
		assertThat(updated.get("province").asString()).isEqualTo("Huế");
		assertThat(updated.get("givenName").asString()).isEqualTo("Cũ");
		assertThat(updated.get("score").asInt()).isGreaterThan(existing.get("score").asInt());
		var created = lead("moi@vidu.vn").get("id").asString();

		var undone = api(Role.MANAGER).post("/api/v1/imports/" + job.get("id").asString() + "/undo", Map.of());

		assertThat(undone.body().get("status").asString()).isEqualTo("undone");
		var back = api(Role.MANAGER).get("/api/v1/leads/" + existing.get("id").asString()).body();
		assertThat(back.has("phone") && !back.get("phone").isNull()).as(back.toString()).isFalse();
		assertThat(back.has("province") && !back.get("province").isNull()).as(back.toString()).isFalse();
		assertThat(back.get("score").asInt()).isEqualTo(existing.get("score").asInt());
		assertThat(api(Role.MANAGER).get("/api/v1/leads/" + created).status()).isEqualTo(404);
	}

	@Test
	void aRowWithTheEmailOfAnotherLeadFailsAsDuplicateUnlessDuplicatesAreAllowed() {
		var existing = api(Role.MANAGER).post("/api/v1/leads", Map.of("givenName", "Có rồi", "email", "co@vidu.vn")).body();
		var file = "Mã ngoài,Email,Tên\nX-1,co@vidu.vn,Lặp\n";

		var refused = finished(ImportUploads.upload(api(Role.MANAGER), "lap.csv", file, Map.of("type", "leads", "matchBy", "externalId")));
		var allowed = finished(ImportUploads.upload(api(Role.MANAGER), "lap.csv", file,
				Map.of("type", "leads", "matchBy", "externalId", "allowDuplicates", "true")));

		assertThat(refused.get("failed").asInt()).isEqualTo(1);
		assertThat(errors(refused).lines().filter(l -> l.startsWith("2,")).findFirst()).isPresent();
		assertThat(allowed.get("created").asInt()).isEqualTo(1);
		var twin = api(Role.MANAGER).get("/api/v1/leads?sort=created&limit=1").body().get("items").get(0);
		assertThat(twin.get("id").asString()).isNotEqualTo(existing.get("id").asString());
		assertThat(twin.get("possibleDuplicates").asInt()).isEqualTo(1);
	}

	private static String bigFile(String prefix) {
		var file = new StringBuilder("Họ và tên,Email,Số điện thoại\n");
		for (int i = 0; i < BIG; i++) {
			file.append("Khách ").append(prefix).append(' ').append(i).append(',').append(prefix).append(i).append("@nhieu.vn,09")
					.append(String.format("%08d", i)).append('\n');
		}
		return file.toString();
	}

	private JsonNode lead(String email) {
		var items = api(Role.ADMIN).get("/api/v1/leads?limit=200").body().get("items");
		return items.valueStream().filter(l -> email.equals(l.get("email").asString())).findFirst().orElseThrow();
	}

	private String errors(JsonNode job) {
		return api(Role.ADMIN).get("/api/v1/imports/" + job.get("id").asString() + "/errors").body().asString();
	}

	private void rule(Map<String, Object> rule) {
		var created = api(Role.MANAGER).post("/api/v1/lead-assignment-rules", rule);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
	}

	private JsonNode finished(Api.Response started) {
		assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
		var id = started.body().get("id").asString();
		await().atMost(Duration.ofSeconds(180)).until(() -> {
			var status = api(Role.ADMIN).get("/api/v1/imports/" + id).body().get("status").asString();
			return !status.equals("queued") && !status.equals("running");
		});
		return api(Role.ADMIN).get("/api/v1/imports/" + id).body();
	}

	private Api api(Role role) {
		return new Api(port, workspace.member(role).token());
	}
}
