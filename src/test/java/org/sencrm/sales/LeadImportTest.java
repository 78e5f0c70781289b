package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** CSV import: columns named in Vietnamese or English, each row all-or-nothing, refused rows reported by number and reason. */
@IntegrationTest
class LeadImportTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	Api sales;

	@BeforeEach
	void setUp() {
		sales = new Api(port, workspaces.create().member(Role.SALES).token());
	}

	@Test
	void importsTheValidRowsAndReportsEachRefusedRowByNumberAndReason() {
		var csv = String.join("\n",
				"\uFEFFHọ và tên,Email,Số điện thoại,Công ty,Mã số thuế,Tỉnh/Thành,Đồng ý nhận email,Cột lạ",
				"Nguyễn Văn An,an@example.vn,0901234567,Hoa Sen,0101234567,Hà Nội,có,x",
				"Trần Bảo,khong-phai-email,0912345678,,,,,",
				"Lê Chi,chi@example.vn,12345,,,,,",
				",,,,,,,",
				"\"Phạm Dung, Jr\",dung@example.vn,,\"Công ty \"\"Sen Vàng\"\"\",123,,,",
				"Võ Em,em@example.vn,+84 28 3822 1234,,,Đà Nẵng,,") + "\n";

		var result = sales.send("POST", "/api/v1/leads/import?campaign=Danh%20s%C3%A1ch%20h%E1%BB%99i%20ch%E1%BB%A3", csv, "text/csv");

		assertThat(result.status()).as(result.body().toString()).isEqualTo(200);
		assertThat(result.body().get("imported").asInt()).isEqualTo(2);
		var failed = result.body().get("failed");
		assertThat(failed.valueStream().map(f -> f.get("row").asInt()).toList()).containsExactly(3, 4, 6);
		assertThat(fields(failed.get(0))).containsExactly("email");
		assertThat(fields(failed.get(1))).containsExactly("phone");
		assertThat(fields(failed.get(2))).containsExactly("taxCode");
		assertThat(failed.get(1).get("errors").get(0).get("message").asString()).contains("12345");
		assertThat(result.body().get("ignoredColumns").valueStream().map(JsonNode::asString).toList()).containsExactly("Cột lạ");

		var leads = sales.get("/api/v1/leads?sort=created").body().get("items");
		assertThat(leads.size()).isEqualTo(2);
		var an = leads.valueStream().filter(l -> "an@example.vn".equals(l.get("email").asString())).findFirst().orElseThrow();
		assertThat(an.get("familyName").asString()).isEqualTo("Nguyễn");
		assertThat(an.get("givenName").asString()).isEqualTo("Văn An");
		assertThat(an.get("source").asString()).isEqualTo("import");
		assertThat(an.get("campaign").asString()).isEqualTo("Danh sách hội chợ");
		assertThat(an.get("province").asString()).isEqualTo("Hà Nội");
		assertThat(an.get("consents").get("email").get("status").asString()).isEqualTo("granted");
		assertThat(an.get("phone").asString()).isEqualTo("+84901234567");
	}

	@Test
	void readsEnglishColumnsSeparatedBySemicolons() {
		var csv = "First name;Last name;E-mail;Phone;Source\nJohn;Smith;john@example.com;+1 212 555 0100;referral\n"
				+ "Jane;Doe;jane@example.com;;nowhere\n";

		var result = sales.send("POST", "/api/v1/leads/import", csv, "text/csv").body();

		assertThat(result.get("imported").asInt()).isEqualTo(1);
		assertThat(result.get("failed").get(0).get("row").asInt()).isEqualTo(3);
		assertThat(fields(result.get("failed").get(0))).containsExactly("source");
		var john = sales.get("/api/v1/leads").body().get("items").get(0);
		assertThat(john.get("givenName").asString()).isEqualTo("John");
		assertThat(john.get("familyName").asString()).isEqualTo("Smith");
		assertThat(john.get("source").asString()).isEqualTo("referral");
	}

	@Test
	void aFileWithoutKnownColumnsIsRefusedAsAWhole() {
		var result = sales.send("POST", "/api/v1/leads/import", "foo,bar\n1,2\n", "text/csv");

		assertThat(result.status()).isEqualTo(422);
		assertThat(result.body().get("errors").get(0).get("field").asString()).isEqualTo("file");
	}

	private static java.util.List<String> fields(JsonNode failure) {
		return failure.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
	}
}
