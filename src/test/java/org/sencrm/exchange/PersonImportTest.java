package org.sencrm.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.platform.Ids;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Persons imported from a file in the background: checked, matched, reported, undone, and safe across a lost node. */
@IntegrationTest
class PersonImportTest {

	static final String FILE = """
			Họ và tên;Email;Điện thoại;Nhãn;Mã KH
			Nguyễn Văn An;an@khach.vn;0901 234 567;vip;KH-1
			Lê Thị Hoa;not-an-email;;;KH-2
			Trần Bình;binh@khach.vn;;;KH-3
			Phạm Minh;an@khach.vn;;;KH-4
			Võ Lan;lan@khach.vn;+84 912 345 678;vip, mới;KH-5
			""";

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	ImportJobs jobs;

	@Autowired
	ImportQueue queue;

	@Autowired
	ImportRunner runner;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	TestWorkspaces.TestWorkspace workspace;
	String binh;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		binh = api(Role.MANAGER).post("/api/v1/persons", Map.of("familyName", "Trần", "givenName", "Bình",
				"emails", List.of(Map.of("address", "binh@khach.vn")))).body().get("id").asString();
	}

	@Test
	void importsPersonsInTheBackgroundAndReportsEveryFailedRowWithItsSpreadsheetNumber() {
		var started = upload(api(Role.MANAGER), "khach.csv", FILE, Map.of("type", "persons", "matchBy", "externalId"));

		assertThat(started.status()).isEqualTo(202);
		assertThat(started.body().get("status").asString()).isEqualTo("queued");
		var job = finished(api(Role.MANAGER), started.body().get("id").asString());
		assertThat(job.get("status").asString()).isEqualTo("done");
		assertThat(job.get("rowsRead").asInt()).isEqualTo(5);
		assertThat(job.get("created").asInt()).isEqualTo(2);
		assertThat(job.get("failed").asInt()).isEqualTo(3);

		var an = api(Role.MANAGER).get("/api/v1/persons?q=an@khach.vn").body().get("items");
		assertThat(an.size()).isEqualTo(1);
		assertThat(an.get(0).get("phones").get(0).get("number").asString()).isEqualTo("+84901234567");
		assertThat(an.get(0).get("tags").toString()).contains("vip");
		var history = api(Role.MANAGER).get("/api/v1/persons/" + an.get(0).get("id").asString() + "/history").body();
		assertThat(history.get(0).get("action").asString()).isEqualTo("created");

		var errors = api(Role.MANAGER).header("Accept-Language", "vi").get("/api/v1/imports/" + job.get("id").asString() + "/errors");
		assertThat(errors.status()).isEqualTo(200);
		var lines = errors.body().asString().strip().lines().toList();
		assertThat(lines.getFirst()).contains("Dòng", "Họ và tên", "Lỗi");
		assertThat(lines).hasSize(4);
		assertThat(lines.get(1)).startsWith("3,").contains("not-an-email");
		assertThat(lines.get(2)).startsWith("4,").contains("Trùng", binh);
		assertThat(lines.get(3)).startsWith("5,").contains("Trùng");
	}

	@Test
	void aReimportFillsEmptyFieldsOfMatchedPersonsAndItsUndoPutsEverythingBack() {
		finished(api(Role.MANAGER), upload(api(Role.MANAGER), "khach.csv", FILE, Map.of("type", "persons", "matchBy", "externalId"))
				.body().get("id").asString());
		var again = """
				Mã KH,Họ và tên,Ngày sinh,Email
				KH-1,Nguyễn Văn An,1990-05-17,an.moi@khach.vn
				KH-9,Đỗ Quang,,quang@khach.vn
				""";
		var second = finished(api(Role.MANAGER), upload(api(Role.MANAGER), "lan2.csv", again,
				Map.of("type", "persons", "matchBy", "externalId", "onMatch", "update_empty")).body().get("id").asString());

		assertThat(second.get("updated").asInt()).isEqualTo(1);
		assertThat(second.get("created").asInt()).isEqualTo(1);
		var an = api(Role.MANAGER).get("/api/v1/persons?q=an@khach.vn").body().get("items").get(0);
		assertThat(an.get("birthday").asString()).isEqualTo("1990-05-17");
		assertThat(an.get("emails").size()).as("emails were not empty: kept").isEqualTo(1);

		var undone = api(Role.MANAGER).post("/api/v1/imports/" + second.get("id").asString() + "/undo", Map.of());

		assertThat(undone.status()).isEqualTo(200);
		assertThat(undone.body().get("status").asString()).isEqualTo("undone");
		var back = api(Role.MANAGER).get("/api/v1/persons/" + an.get("id").asString()).body();
		assertThat(back.get("birthday")).isNull();
		assertThat(api(Role.MANAGER).get("/api/v1/persons?q=quang@khach.vn").body().get("items").size()).isZero();
	}

	@Test
	void aMappingSavedForNextTimeMapsColumnsTheGuessDoesNotKnow() {
		var saved = api(Role.MANAGER).post("/api/v1/imports/mappings", Map.of("type", "persons", "name", "Hệ thống cũ",
				"mapping", Map.of("Tên KH", "fullName", "Thư", "email")));
		assertThat(saved.status()).isEqualTo(201);

		var listed = api(Role.SALES).get("/api/v1/imports/mappings?type=persons").body();
		assertThat(listed.get(0).get("name").asString()).isEqualTo("Hệ thống cũ");
		var job = finished(api(Role.SALES), upload(api(Role.SALES), "cu.csv", "Tên KH,Thư\nHà Linh,linh@khach.vn\n",
				Map.of("type", "persons", "onMatch", "skip", "mapping", listed.get(0).get("mapping").toString())).body().get("id").asString());

		assertThat(job.get("created").asInt()).isEqualTo(1);
		assertThat(api(Role.SALES).get("/api/v1/persons?q=linh@khach.vn").body().get("items").get(0).get("familyName").asString())
				.isEqualTo("Hà");
	}

	@Test
	void orderHistoryLinksOrdersToCustomersByExternalIdAndRaisesTheirLifecycleStagesOnceAtTheEnd() {
		finished(api(Role.MANAGER), upload(api(Role.MANAGER), "khach.csv", FILE, Map.of("type", "persons", "matchBy", "externalId"))
				.body().get("id").asString());
		var orders = """
				Mã KH,Ngày đặt,Số đơn,Tổng tiền,Tiền tệ,Trạng thái
				KH-1,10/01/2020,DH-1,1.500.000,VND,Đã thanh toán
				KH-1,2021-03-05,DH-2,2000000,,paid
				KH-1,2022-07-07,DH-3,"2,500,000",VND,delivered
				KH-5,2023-01-01,DH-4,300000,VND,paid
				KH-404,2023-01-01,DH-5,100,,
				KH-5,2023-02-02,DH-1,100,,
				""";

		var job = finished(api(Role.MANAGER), upload(api(Role.MANAGER), "don-hang.csv", orders, Map.of("type", "orders"))
				.body().get("id").asString());

		assertThat(job.get("created").asInt()).isEqualTo(4);
		assertThat(job.get("failed").asInt()).isEqualTo(2);
		var an = api(Role.MANAGER).get("/api/v1/persons?q=an@khach.vn").body().get("items").get(0);
		var lan = api(Role.MANAGER).get("/api/v1/persons?q=lan@khach.vn").body().get("items").get(0);
		assertThat(an.get("lifecycleStage").asString()).isEqualTo("regular");
		assertThat(lan.get("lifecycleStage").asString()).isEqualTo("first_time");
		var ofAn = api(Role.MANAGER).get("/api/v1/orders?personId=" + an.get("id").asString()).body().get("items");
		assertThat(ofAn.size()).isEqualTo(3);
		assertThat(ofAn.toString()).contains("DH-1", "1500000", "paid");
		var errors = api(Role.MANAGER).get("/api/v1/imports/" + job.get("id").asString() + "/errors").body().asString();
		assertThat(errors).contains("KH-404").contains("DH-5");
	}

	@Test
	void aViewerCannotImportAndASalesUserMayCreateButNotChangeRecordsByImport() {
		assertThat(upload(api(Role.VIEWER), "k.csv", FILE, Map.of("type", "persons")).status()).isEqualTo(403);
		assertThat(upload(api(Role.SALES), "k.csv", FILE, Map.of("type", "persons", "onMatch", "overwrite")).status())
				.isEqualTo(403);
		assertThat(upload(api(Role.SALES), "k.csv", FILE, Map.of("type", "persons", "onMatch", "skip")).status()).isEqualTo(202);
	}

	@Test
	void anImportWhoseNodeWasLostIsStartedAgainWholeAndCreatesEveryPersonOnce() {
		var manager = workspace.member(Role.MANAGER).id();
		var id = Ids.next();
		var file = "Họ và tên,Email\nMai Anh,mai@khach.vn\nHồ Tú,tu@khach.vn\n";
		var tx = new TransactionTemplate(transactions);
		// a job taken by a node that then died: running, its row held by no transaction
		WorkspaceContext.runAsSystem(workspace.id(), () -> tx.executeWithoutResult(s -> {
			jobs.insert(new ImportJob(id, "persons", "queued", "mat.csv", "csv", null,
					Map.of("Họ và tên", "fullName", "Email", "email"), List.of("Họ và tên", "Email"),
					new ImportOptions(List.of(ImportOptions.MatchKey.EMAIL), ImportOptions.OnMatch.SKIP, ImportOptions.OnNoMatch.CREATE,
							false),
					manager, "vi", 0, 0, 0, 0, 0, 0, null, null, false, Instant.now(), null, null, null, null));
			jobs.addPart(id, 0, file.getBytes(StandardCharsets.UTF_8));
			jobs.claim(id, Instant.now());
		}));

		var waiting = queue.recover(workspace.id());

		assertThat(waiting).containsExactly(id);
		runner.run(workspace.id(), id);
		var job = api(Role.MANAGER).get("/api/v1/imports/" + id).body();
		assertThat(job.get("status").asString()).isEqualTo("done");
		assertThat(job.get("note").asString()).isEqualTo("restarted");
		assertThat(job.get("created").asInt()).isEqualTo(2);
		assertThat(api(Role.MANAGER).get("/api/v1/persons?q=mai@khach.vn").body().get("items").size()).isEqualTo(1);
	}

	@Test
	void theRecoveryLeavesAnImportWhoseTransactionIsAliveAlone() throws Exception {
		var manager = workspace.member(Role.MANAGER).id();
		var id = Ids.next();
		var tx = new TransactionTemplate(transactions);
		WorkspaceContext.runAsSystem(workspace.id(), () -> tx.executeWithoutResult(s -> {
			jobs.insert(new ImportJob(id, "persons", "queued", "x.csv", "csv", null, Map.of(), List.of(),
					new ImportOptions(List.of(), ImportOptions.OnMatch.SKIP, ImportOptions.OnNoMatch.CREATE, false), manager, "vi",
					0, 0, 0, 0, 0, 0, null, null, false, Instant.now(), null, null, null, null));
			jobs.claim(id, Instant.now());
		}));

		List<UUID> waiting = WorkspaceContext.callAsSystem(workspace.id(), () -> tx.execute(s -> {
			assertThat(jobs.hold(id, 1)).isTrue();
			// another node's round, while this "import" holds its row
			return CompletableFuture.supplyAsync(() -> queue.recover(workspace.id())).join();
		}));

		assertThat(waiting).doesNotContain(id);
		var job = api(Role.MANAGER).get("/api/v1/imports/" + id).body();
		assertThat(job.get("status").asString()).isEqualTo("running");
	}

	private JsonNode finished(Api api, String id) {
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			var status = api.get("/api/v1/imports/" + id).body().get("status").asString();
			return !status.equals("queued") && !status.equals("running");
		});
		return api.get("/api/v1/imports/" + id).body();
	}

	private Api.Response upload(Api api, String fileName, String content, Map<String, String> fields) {
		var boundary = "----sen" + System.nanoTime();
		var body = new StringBuilder();
		fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
				.append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
		body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").append(fileName)
				.append("\"\r\nContent-Type: text/csv\r\n\r\n").append(content).append("\r\n--").append(boundary).append("--\r\n");
		return api.send("POST", "/api/v1/imports", body.toString(), "multipart/form-data; boundary=" + boundary);
	}

	private Api api(Role role) {
		return new Api(port, workspace.member(role).token());
	}
}
