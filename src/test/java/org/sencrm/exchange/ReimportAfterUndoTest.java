package org.sencrm.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Importing a file again after its import was undone (decision 37): the undone records wait in the
 * trash with their external ids and order numbers, which bind only records in use, so the same file
 * creates them anew; restoring a trashed one whose key is taken since is refused with a clear message.
 */
@IntegrationTest
class ReimportAfterUndoTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "|", value = {
			"persons|Mã KH,Họ và tên,Email\\nKH-1,Nguyễn An,an@lai.vn\\n",
			"organizations|Mã KH,Tên công ty\\nTC-1,Công ty Sen Lại\\n",
			"leads|Mã ngoài,Họ và tên,Email\\nL-1,Trần Bình,binh@lai.vn\\n",
			"products|Mã ngoài;Mã hàng;Tên hàng;Đơn giá\\nP-1;SP-LAI;Trà;10000\\n",
			"orders|Mã đơn ngoài,Số đơn,Mã KH,Ngày đặt,Tổng tiền\\nO-1,DH-LAI,KH-DON,2026-01-05,100000\\n"})
	void theSameFileImportsAgainAfterItsImportWasUndone(String type, String escaped) {
		if (type.equals("orders")) {
			assertThat(finished(upload("khach.csv", "Mã KH,Họ và tên\nKH-DON,Lê Đơn\n", "persons")).get("created").asInt()).isEqualTo(1);
		}
		var file = escaped.replace("\\n", "\n");
		var first = finished(upload("lan-dau.csv", file, type));
		assertThat(first.get("created").asInt()).isEqualTo(1);
		assertThat(api().post("/api/v1/imports/" + first.get("id").asString() + "/undo", Map.of()).body().get("status").asString())
				.isEqualTo("undone");

		var again = finished(upload("lan-hai.csv", file, type));

		assertThat(again.get("status").asString()).as(again.toString()).isEqualTo("done");
		assertThat(again.get("created").asInt()).isEqualTo(1);
		assertThat(again.get("failed").asInt()).isZero();
	}

	@Test
	void aTrashedLeadWhoseExternalIdIsTakenSinceIsNotRestored() {
		var file = "Mã ngoài,Họ và tên\nL-9,Võ Khôi\n";
		var first = finished(upload("lan-dau.csv", file, "leads"));
		api().post("/api/v1/imports/" + first.get("id").asString() + "/undo", Map.of());
		finished(upload("lan-hai.csv", file, "leads"));
		var entry = api().get("/api/v1/trash?type=lead").body().get("items").get(0).get("id").asString();

		var restore = api().post("/api/v1/trash/" + entry + "/restore", Map.of());

		assertThat(restore.status()).isEqualTo(409);
		assertThat(restore.body().get("code").asString()).isEqualTo("trash.restore-conflict");
	}

	private Api.Response upload(String name, String file, String type) {
		return ImportUploads.upload(api(), name, file, Map.of("type", type, "matchBy", "externalId"));
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
