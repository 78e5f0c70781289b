package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sencrm.sales.QuoteTotalsTest.amount;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A payment recorded by mistake is removed; a paid order no longer covered goes back to where it was paid (decision 14). */
@IntegrationTest
class PaymentRemovalTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	String person;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
		person = sales.post("/api/v1/persons", Map.of("familyName", "Bùi", "givenName", "Minh Khang")).body().get("id").asString();
	}

	@Test
	void removingAPaymentOfAPaidOrderTakesItBackToConfirmedAndIsInItsHistory() {
		var id = confirmedOrder(2000000); // 2,200,000 with VAT
		pay(id, 1000000, "PT-001");
		var mistake = pay(id, 1200000, "PT-002");
		assertThat(sales.get("/api/v1/orders/" + id).body().get("status").asString()).isEqualTo("paid");

		var removed = sales.delete("/api/v1/orders/" + id + "/payments/" + mistake);

		assertThat(removed.status()).as(removed.body().toString()).isEqualTo(200);
		var order = removed.body();
		assertThat(order.get("status").asString()).isEqualTo("confirmed");
		assertThat(order.hasNonNull("paidAt")).isFalse();
		amount(order, "paidAmount", "1000000");
		amount(order, "balance", "1200000");
		assertThat(removed.header("ETag")).isEqualTo("\"" + order.get("version").asInt() + "\"");
		var left = sales.get("/api/v1/orders/" + id + "/payments").body();
		assertThat(left.size()).isEqualTo(1);
		assertThat(left.get(0).get("reference").asString()).isEqualTo("PT-001");
		var changes = sales.get("/api/v1/orders/" + id + "/history").body().get(0).get("changes");
		var payment = changes.get("payment").get("from");
		assertThat(payment.get("amount").asString()).isEqualTo("1200000");
		assertThat(payment.get("currency").asString()).isEqualTo("VND");
		assertThat(payment.get("method").asString()).isEqualTo("cash");
		assertThat(payment.get("reference").asString()).isEqualTo("PT-002");
		assertThat(changes.get("status").get("from").asString()).isEqualTo("paid");
		assertThat(changes.get("status").get("to").asString()).isEqualTo("confirmed");

		var paidAgain = sales.post("/api/v1/orders/" + id + "/payments", Map.of("amount", 1200000, "method", "bank_transfer"));
		assertThat(paidAgain.body().get("order").get("status").asString()).isEqualTo("paid");
	}

	@Test
	void aDeliveredOrderThatWasPaidGoesBackToDelivered() {
		var id = confirmedOrder(500000);
		sales.patch("/api/v1/orders/" + id, Map.of("status", "delivered"));
		var payment = pay(id, 550000, null);

		var order = sales.delete("/api/v1/orders/" + id + "/payments/" + payment).body();

		assertThat(order.get("status").asString()).isEqualTo("delivered");
		amount(order, "paidAmount", "0");
	}

	@Test
	void aPartPaymentIsRemovedWithoutChangingTheStatus() {
		var id = confirmedOrder(500000);
		var payment = pay(id, 100000, null);

		var order = sales.delete("/api/v1/orders/" + id + "/payments/" + payment).body();

		assertThat(order.get("status").asString()).isEqualTo("confirmed");
		amount(order, "balance", "550000");
		assertThat(sales.get("/api/v1/orders/" + id + "/payments").body().size()).isZero();
	}

	@Test
	void onlyThoseWhoMayRecordPaymentsRemoveThem() {
		var id = confirmedOrder(500000);
		var payment = pay(id, 100000, null);
		var path = "/api/v1/orders/" + id + "/payments/" + payment;

		assertThat(new Api(port, workspace.member(Role.VIEWER).token()).delete(path).status()).isEqualTo(403);
		assertThat(new Api(port, workspace.otherSales().token()).delete(path).status()).isEqualTo(403);
		assertThat(new Api(port, workspaces.create().member(Role.ADMIN).token()).delete(path).status()).isEqualTo(404);
		assertThat(sales.get("/api/v1/orders/" + id + "/payments").body().size()).isEqualTo(1);
		assertThat(new Api(port, workspace.member(Role.MANAGER).token()).delete(path).status()).isEqualTo(200);
	}

	@Test
	void anUnknownPaymentOrAStaleOrderIsRefused() {
		var id = confirmedOrder(500000);
		var payment = pay(id, 100000, null);
		var other = confirmedOrder(700000);

		assertThat(sales.delete("/api/v1/orders/" + other + "/payments/" + payment).status()).as("another order's payment")
				.isEqualTo(404);
		assertThat(sales.delete("/api/v1/orders/" + id + "/payments/0197f000-0000-7000-8000-000000000000").status()).isEqualTo(404);
		var stale = sales.header("If-Match", "\"0\"").delete("/api/v1/orders/" + id + "/payments/" + payment);
		assertThat(stale.status()).isEqualTo(412);
		var version = sales.get("/api/v1/orders/" + id).header("ETag");
		assertThat(sales.header("If-Match", version).delete("/api/v1/orders/" + id + "/payments/" + payment).status())
				.isEqualTo(200);
	}

	@Test
	void thePaymentIsRemovedFromTheOrderPageAfterAQuestion() {
		var id = confirmedOrder(1000000);
		pay(id, 1100000, "CK-778");
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var page = web.get("/orders/" + id);
		assertThat(page.text(".order-status")).isEqualTo("Paid");
		var form = page.html().selectFirst("form.remove-payment");
		assertThat(form.attr("data-confirm")).startsWith("Remove the payment of ₫1,100,000?");

		var done = web.follow(web.submit(page, "form.remove-payment", Map.of()));

		assertThat(done.text(".flash")).contains("no longer paid in full");
		assertThat(done.text(".order-status")).isEqualTo("Confirmed");
		assertThat(done.text(".balance")).isEqualTo("₫1,100,000");
		assertThat(done.has("form.remove-payment")).isFalse();
		var viewer = WebSession.signedIn(port, workspace.member(Role.VIEWER).email());
		pay(id, 1000, null);
		assertThat(viewer.get("/orders/" + id).has("form.remove-payment")).isFalse();
	}

	private String confirmedOrder(int price) {
		var created = sales.post("/api/v1/orders", Map.of("personId", person, "status", "confirmed", "lines",
				List.of(Map.of("description", "Gói bảo trì", "quantity", 1, "unitPrice", price, "taxRate", 10))));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private String pay(String orderId, int amount, String reference) {
		var body = new java.util.HashMap<String, Object>(Map.of("amount", amount, "method", "cash"));
		if (reference != null) {
			body.put("reference", reference);
		}
		JsonNode paid = sales.post("/api/v1/orders/" + orderId + "/payments", body).body();
		return paid.get("payment").get("id").asString();
	}
}
