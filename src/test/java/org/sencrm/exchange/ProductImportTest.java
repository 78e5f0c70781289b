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

/** Products imported from a file: checked as the product form checks them, matched by SKU, reported and undone. */
@IntegrationTest
class ProductImportTest {

	static final String FILE = """
			Mã hàng;Tên hàng;ĐVT;Đơn giá;Thuế suất;Đang bán
			SP-1;Cà phê rang xay;gói;120.000;8%;có
			SP-2;Trà ô long;hộp;-5;10;
			SP-3;Bánh quy;hộp;45000;abc;
			sp-1;Cà phê lặp;gói;1;;
			SP-4;Mật ong;chai;250000;KCT;không
			SP-OLD;Tên mới;;99000;;
			""";

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	String old;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		old = api(Role.ADMIN).post("/api/v1/products", Map.of("sku", "SP-OLD", "name", "Sản phẩm cũ", "unitPrice", 50000))
				.body().get("id").asString();
	}

	@Test
	void importsProductsAndReportsEveryFailedRowWithItsSpreadsheetNumber() {
		var job = finished(upload("san-pham.csv", FILE, Map.of("type", "products")));

		assertThat(job.get("status").asString()).isEqualTo("done");
		assertThat(job.get("created").asInt()).isEqualTo(2);
		assertThat(job.get("failed").asInt()).isEqualTo(4);
		var coffee = api(Role.ADMIN).get("/api/v1/products?q=SP-1").body().get("items").get(0);
		assertThat(coffee.get("name").asString()).isEqualTo("Cà phê rang xay");
		assertThat(coffee.get("unitPrice").decimalValue()).isEqualByComparingTo("120000");
		assertThat(coffee.get("taxRate").asInt()).isEqualTo(8);
		var honey = api(Role.ADMIN).get("/api/v1/products?q=SP-4").body().get("items").get(0);
		assertThat(honey.get("taxRate").asString()).isEqualTo("KCT");
		assertThat(honey.get("active").asBoolean()).isFalse();
		var errors = api(Role.ADMIN).get("/api/v1/imports/" + job.get("id").asString() + "/errors").body().asString()
				.strip().lines().toList();
		assertThat(errors).hasSize(5);
		assertThat(errors.get(1)).startsWith("3,");
		assertThat(errors.get(2)).startsWith("4,");
		assertThat(errors.get(3)).startsWith("5,");
		assertThat(errors.get(4)).startsWith("7,").contains(old);
	}

	@Test
	void aReimportMatchedBySkuOverwritesThePriceAndItsUndoPutsItBack() {
		var job = finished(upload("gia-moi.csv", "SKU,Name,Price\nsp-old,Sản phẩm cũ,65000\nSP-9,Mới,1000\n",
				Map.of("type", "products", "matchBy", "sku", "onMatch", "overwrite")));

		assertThat(job.get("updated").asInt()).isEqualTo(1);
		assertThat(job.get("created").asInt()).isEqualTo(1);
		assertThat(api(Role.ADMIN).get("/api/v1/products/" + old).body().get("unitPrice").decimalValue()).isEqualByComparingTo("65000");
		var history = api(Role.ADMIN).get("/api/v1/products/" + old + "/history").body();
		assertThat(history.toString()).contains("unitPrice");

		var undone = api(Role.ADMIN).post("/api/v1/imports/" + job.get("id").asString() + "/undo", Map.of());

		assertThat(undone.body().get("status").asString()).isEqualTo("undone");
		assertThat(api(Role.ADMIN).get("/api/v1/products/" + old).body().get("unitPrice").decimalValue()).isEqualByComparingTo("50000");
		assertThat(api(Role.ADMIN).get("/api/v1/products?q=SP-9").body().get("items").size()).isZero();
	}

	private JsonNode finished(Api.Response started) {
		assertThat(started.status()).isEqualTo(202);
		var id = started.body().get("id").asString();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			var status = api(Role.ADMIN).get("/api/v1/imports/" + id).body().get("status").asString();
			return !status.equals("queued") && !status.equals("running");
		});
		return api(Role.ADMIN).get("/api/v1/imports/" + id).body();
	}

	private Api.Response upload(String fileName, String content, Map<String, String> fields) {
		return ImportUploads.upload(api(Role.ADMIN), fileName, content, fields);
	}

	private Api api(Role role) {
		return new Api(port, workspace.member(role).token());
	}
}
