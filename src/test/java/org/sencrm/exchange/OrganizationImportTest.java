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

/** Organizations imported from a file, and the organizations a person file names made into contact roles. */
@IntegrationTest
class OrganizationImportTest {

	static final String FILE = """
			Tên công ty,Mã số thuế,Loại hình,Email,Điện thoại,Tỉnh,Nhãn,Mã KH
			Công ty Đại Phát,0101234567,Nhà phân phối,lienhe@daiphat.vn,024 3826 1234,Hà Nội,đối tác lớn,DN-1
			Công ty Sai,12345,,,,,,DN-2
			Công ty Trùng,0101234567,,,,,,DN-3
			,0309999999,,,,,,DN-4
			Sở Y tế,0300000001,Cơ quan nhà nước,,,TP Hồ Chí Minh,,DN-5
			""";

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
	void importsOrganizationsAndReportsEveryFailedRowWithItsSpreadsheetNumber() {
		var job = finished(upload("to-chuc.csv", FILE, Map.of("type", "organizations")));

		assertThat(job.get("status").asString()).isEqualTo("done");
		assertThat(job.get("created").asInt()).isEqualTo(2);
		assertThat(job.get("failed").asInt()).isEqualTo(3);
		var daiPhat = organization("0101234567");
		assertThat(daiPhat.get("name").asString()).isEqualTo("Công ty Đại Phát");
		assertThat(daiPhat.get("kind").asString()).isEqualTo("commercial_distributor");
		assertThat(daiPhat.get("phones").get(0).get("number").asString()).isEqualTo("+842438261234");
		assertThat(daiPhat.get("tags").toString()).contains("đối tác lớn");
		assertThat(organization("0300000001").get("kind").asString()).isEqualTo("government");
		var errors = api().get("/api/v1/imports/" + job.get("id").asString() + "/errors").body().asString().strip().lines().toList();
		assertThat(errors).hasSize(4);
		assertThat(errors.get(1)).startsWith("3,").contains("12345");
		assertThat(errors.get(2)).as("the tax code of row 2").startsWith("4,").contains("0101234567");
		assertThat(errors.get(3)).startsWith("5,");
	}

	@Test
	void aReimportMatchedByTaxCodeFillsEmptyFieldsAndItsUndoPutsThemBack() {
		finished(upload("to-chuc.csv", FILE, Map.of("type", "organizations")));
		var again = "MST,Tên,Website,Ngành\n0101 234 567,Đại Phát mới,daiphat.vn,Phân phối\n0311111111,Công ty Mới,,\n";

		var second = finished(upload("lan2.csv", again, Map.of("type", "organizations", "matchBy", "taxCode")));

		assertThat(second.get("updated").asInt()).isEqualTo(1);
		assertThat(second.get("created").asInt()).isEqualTo(1);
		var daiPhat = organization("0101234567");
		assertThat(daiPhat.get("name").asString()).as("not empty: kept").isEqualTo("Công ty Đại Phát");
		assertThat(daiPhat.get("website").asString()).isEqualTo("https://daiphat.vn");
		assertThat(daiPhat.get("industry").asString()).isEqualTo("Phân phối");

		var undone = api().post("/api/v1/imports/" + second.get("id").asString() + "/undo", Map.of());

		assertThat(undone.body().get("status").asString()).isEqualTo("undone");
		var back = api().get("/api/v1/organizations/" + daiPhat.get("id").asString()).body();
		assertThat(back.get("website")).isNull();
		assertThat(api().get("/api/v1/organizations?q=0311111111").body().get("items").size()).isZero();
	}

	@Test
	void aPersonRowNamingAnOrganizationMakesAContactRoleFoundByTaxCodeThenByNameOrCreated() {
		var known = api().post("/api/v1/organizations", Map.of("name", "Công ty Ánh Dương", "taxCode", "0102222222"))
				.body().get("id").asString();
		var byName = api().post("/api/v1/organizations", Map.of("name", "Hợp tác xã Bình Minh")).body().get("id").asString();
		var persons = """
				Họ và tên,Email,Công ty,MST công ty,Chức vụ
				Nguyễn Văn An,an@khach.vn,Tên khác,0102222222,Giám đốc
				Lê Thị Hoa,hoa@khach.vn,hop tac xa binh minh,,Kế toán
				Trần Bình,binh@khach.vn,Công ty Mới Toanh,,
				Phạm Minh,minh@khach.vn,công ty mới toanh,,
				Võ Lan,lan@khach.vn,,0309999999,
				""";

		var job = finished(upload("nhan-vien.csv", persons, Map.of("type", "persons")));

		assertThat(job.get("created").asInt()).isEqualTo(4);
		assertThat(job.get("failed").asInt()).as("an unknown tax code alone").isEqualTo(1);
		assertThat(roles(known).toString()).contains("Giám đốc");
		assertThat(roles(known).size()).isEqualTo(1);
		assertThat(roles(byName).size()).isEqualTo(1);
		var created = api().get("/api/v1/organizations?q=moi%20toanh").body().get("items");
		assertThat(created.size()).as("one organization for both rows").isEqualTo(1);
		var newId = created.get(0).get("id").asString();
		assertThat(roles(newId).size()).isEqualTo(2);

		api().post("/api/v1/imports/" + job.get("id").asString() + "/undo", Map.of());

		assertThat(roles(known).size()).isZero();
		assertThat(api().get("/api/v1/organizations/" + newId).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/organizations/" + known).status()).isEqualTo(200);
	}

	private JsonNode roles(String organizationId) {
		var body = api().get("/api/v1/organizations/" + organizationId + "/contact-roles").body();
		return body.has("items") ? body.get("items") : body;
	}

	private JsonNode organization(String taxCode) {
		var items = api().get("/api/v1/organizations?q=" + taxCode).body().get("items");
		assertThat(items.size()).isEqualTo(1);
		return items.get(0);
	}

	private JsonNode finished(Api.Response started) {
		assertThat(started.status()).isEqualTo(202);
		var id = started.body().get("id").asString();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			var status = api().get("/api/v1/imports/" + id).body().get("status").asString();
			return !status.equals("queued") && !status.equals("running");
		});
		return api().get("/api/v1/imports/" + id).body();
	}

	private Api.Response upload(String fileName, String content, Map<String, String> fields) {
		return ImportUploads.upload(api(), fileName, content, fields);
	}

	private Api api() {
		return new Api(port, workspace.member(Role.MANAGER).token());
	}
}
