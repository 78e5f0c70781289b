package org.sencrm.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import tools.jackson.databind.JsonNode;

/** Order history one row per line: rows grouped into orders by number, lines priced and totalled as the order form does. */
@IntegrationTest
class OrderLineImportTest {

	static final String FILE = """
			Mã KH,Ngày đặt,Số đơn,Mã hàng,Số lượng,Đơn giá
			KH-1,2024-01-05,DH-10,SP-1,2,10.000
			KH-1,2024-01-05,DH-10,SP-X,3,333.33
			KH-1,2024-02-01,DH-11,SP-1,abc,5000
			KH-1,2024-02-01,DH-11,sp-1,1,5000
			KH-9,2024-02-01,DH-12,SP-1,1,5000
			""";

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	String person;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		person = api().post("/api/v1/persons", Map.of("familyName", "Nguyễn", "givenName", "An", "externalId", "KH-1",
				"emails", List.of(Map.of("address", "an@khach.vn")))).body().get("id").asString();
		api().post("/api/v1/products", Map.of("sku", "SP-1", "name", "Cà phê", "unitPrice", 10000, "taxRate", 8));
	}

	@Test
	void linesOfOneNumberMakeOneOrderWithTheProductsVatRoundedPerLineAndItsUndoRemovesIt() {
		var job = finished(ImportUploads.upload(api(), "dong-hang.csv", FILE, Map.of("type", "orders", "matchBy", "externalId")));

		assertThat(job.get("status").asString()).isEqualTo("done");
		assertThat(job.get("created").asInt()).isEqualTo(2);
		assertThat(job.get("failed").asInt()).isEqualTo(2);
		var orders = api().get("/api/v1/orders?personId=" + person).body().get("items");
		assertThat(orders.size()).isEqualTo(2);
		var dh10 = order("DH-10");
		assertThat(dh10.get("lines").size()).isEqualTo(2);
		assertThat(dh10.get("subtotal").decimalValue()).as("20,000 + 999.99 rounded to 1,000").isEqualByComparingTo("21000");
		assertThat(dh10.get("taxTotal").decimalValue()).as("8 % of 20,000 + 10 % of 1,000").isEqualByComparingTo("1700");
		assertThat(dh10.get("total").decimalValue()).isEqualByComparingTo("22700");
		assertThat(dh10.get("lines").get(0).get("description").asString()).isEqualTo("Cà phê");
		assertThat(order("DH-11").get("total").decimalValue()).isEqualByComparingTo("5400");
		var errors = api().get("/api/v1/imports/" + job.get("id").asString() + "/errors").body().asString().strip().lines().toList();
		assertThat(errors).hasSize(3);
		assertThat(errors.get(1)).startsWith("4,");
		assertThat(errors.get(2)).startsWith("6,").contains("KH-9");

		api().post("/api/v1/imports/" + job.get("id").asString() + "/undo", Map.of());

		assertThat(api().get("/api/v1/orders?personId=" + person).body().get("items").size()).isZero();
	}

	private JsonNode order(String number) {
		var items = api().get("/api/v1/orders?personId=" + person).body().get("items");
		for (var item : items) {
			if (item.get("number").asString().equals(number)) {
				return api().get("/api/v1/orders/" + item.get("id").asString()).body();
			}
		}
		throw new AssertionError("no order " + number);
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

	private Api api() {
		return new Api(port, workspace.member(Role.MANAGER).token());
	}
}
