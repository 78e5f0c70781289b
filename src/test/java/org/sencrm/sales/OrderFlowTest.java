package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sencrm.sales.QuoteTotalsTest.amount;
import static org.sencrm.sales.QuoteTotalsTest.fields;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.Publications;
import org.sencrm.support.TestDates;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Orders from quotes and directly, their statuses, payments, events and timeline entries. */
@IntegrationTest
class OrderFlowTest {

	/** Expected close dates fall in next year, so that none passes by. */
	private static final int YEAR = TestDates.today().getYear() + 1;

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	Api sales;
	String person;

	@BeforeEach
	void setUp() {
		var workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
		person = sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Văn Hùng")).body().get("id").asString();
	}

	@Test
	void anAcceptedQuoteBecomesAnOrderWithItsLines() {
		var quote = sales.post("/api/v1/quotes", Map.of("personId", person, "lines", List.of(
				Map.of("description", "Máy lọc nước", "quantity", 2, "unitPrice", 4990000, "taxRate", 10),
				Map.of("description", "Lõi lọc", "quantity", 6, "unitPrice", 250000, "discountPercent", 10, "taxRate", 8)))).body();
		var quoteId = quote.get("id").asString();

		var tooEarly = sales.post("/api/v1/orders", Map.of("quoteId", quoteId));
		assertThat(tooEarly.status()).isEqualTo(409);
		assertThat(tooEarly.body().get("code").asString()).isEqualTo("sales.order.quote-not-accepted");

		assertThat(sales.patch("/api/v1/quotes/" + quoteId, Map.of("status", "sent")).body().get("status").asString()).isEqualTo("sent");
		var locked = sales.patch("/api/v1/quotes/" + quoteId, Map.of("lines", List.of(Map.of("description", "x", "unitPrice", 1))));
		assertThat(locked.body().get("code").asString()).isEqualTo("sales.quote.not-draft");
		assertThat(sales.patch("/api/v1/quotes/" + quoteId, Map.of("status", "accepted")).status()).isEqualTo(200);

		var order = sales.post("/api/v1/orders", Map.of("quoteId", quoteId));

		assertThat(order.status()).as(order.body().toString()).isEqualTo(201);
		var body = order.body();
		assertThat(body.get("number").asString()).matches("O-\\d{4}-0001");
		assertThat(body.get("status").asString()).isEqualTo("draft");
		assertThat(body.get("personId").asString()).isEqualTo(person);
		assertThat(body.get("lines").size()).isEqualTo(2);
		// 9,980,000 + 998,000 VAT; 1,500,000 − 150,000 = 1,350,000 + 108,000 VAT
		amount(body, "total", quote.get("total").asString());
		amount(body, "total", "12436000");
		assertThat(sales.post("/api/v1/orders", Map.of("quoteId", quoteId)).body().get("code").asString())
				.isEqualTo("sales.order.quote-ordered");
	}

	@Test
	void aQuoteFromAnOpportunityIsForItsCustomerAndTheOrderKeepsTheLink() {
		var b2c = sales.get("/api/v1/pipelines").body().get(1);
		var opportunity = sales.post("/api/v1/opportunities", Map.of("name", "Máy lọc nước cho gia đình", "pipelineId",
				b2c.get("id").asString(), "stageId", b2c.get("stages").get(2).get("id").asString(), "amount", 9980000,
				"currency", "VND", "personId", person, "expectedCloseDate", YEAR + "-01-15")).body().get("id").asString();

		var quote = sales.post("/api/v1/quotes", Map.of("opportunityId", opportunity, "lines", List.of(
				Map.of("description", "Máy lọc nước", "quantity", 2, "unitPrice", 4990000, "taxRate", 10))));

		assertThat(quote.status()).as(quote.body().toString()).isEqualTo(201);
		assertThat(quote.body().get("personId").asString()).isEqualTo(person);
		assertThat(quote.body().get("opportunityId").asString()).isEqualTo(opportunity);
		amount(quote.body(), "total", "10978000");
		var unknown = sales.post("/api/v1/quotes", Map.of("opportunityId", "0197f000-0000-7000-8000-000000000000", "lines",
				List.of(Map.of("description", "x", "unitPrice", 1))));
		assertThat(unknown.status()).isEqualTo(404);
	}

	@Test
	void statusesMoveOnlyAlongTheAllowedPaths() {
		var order = directOrder(1000000);
		var id = order.get("id").asString();

		var skip = sales.patch("/api/v1/orders/" + id, Map.of("status", "delivered"));
		assertThat(skip.status()).isEqualTo(422);
		assertThat(fields(skip.body())).containsExactly("status");
		assertThat(skip.body().get("errors").get(0).get("message").asString()).contains("draft", "delivered", "confirmed");
		var byHand = sales.patch("/api/v1/orders/" + id, Map.of("status", "paid"));
		assertThat(byHand.body().get("errors").get(0).get("code").asString()).isEqualTo("validation.sales.paid-by-payments");

		var confirmed = sales.patch("/api/v1/orders/" + id, Map.of("status", "confirmed"));
		assertThat(confirmed.body().get("status").asString()).isEqualTo("confirmed");
		assertThat(confirmed.body().get("placedAt").asString()).isNotBlank();
		var delivered = sales.patch("/api/v1/orders/" + id, Map.of("status", "delivered"));
		assertThat(delivered.body().get("status").asString()).isEqualTo("delivered");
		var back = sales.patch("/api/v1/orders/" + id, Map.of("status", "draft"));
		assertThat(back.status()).isEqualTo(422);
		var cancelled = sales.patch("/api/v1/orders/" + id, Map.of("status", "cancelled"));
		assertThat(cancelled.status()).isEqualTo(422);

		var other = directOrder(5000).get("id").asString();
		assertThat(sales.patch("/api/v1/orders/" + other, Map.of("status", "cancelled")).body().get("status").asString())
				.isEqualTo("cancelled");
		assertThat(sales.patch("/api/v1/orders/" + other, Map.of("status", "confirmed")).status()).isEqualTo(422);
	}

	@Test
	void paymentsThatCoverTheTotalMakeTheOrderPaidAndPublishOrderPaid() {
		var order = directOrder(2000000); // 2,000,000 + 10 % VAT = 2,200,000
		var id = order.get("id").asString();
		var early = sales.post("/api/v1/orders/" + id + "/payments", Map.of("amount", 100000));
		assertThat(early.body().get("code").asString()).isEqualTo("sales.order.not-payable");
		sales.patch("/api/v1/orders/" + id, Map.of("status", "confirmed"));

		var first = sales.post("/api/v1/orders/" + id + "/payments", Map.of("amount", 1000000, "paidOn", "2026-11-20",
				"method", "cash", "reference", "PT-001"));
		assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
		assertThat(first.body().get("order").get("status").asString()).isEqualTo("confirmed");
		amount(first.body().get("order"), "balance", "1200000");

		var tooMuch = sales.post("/api/v1/orders/" + id + "/payments", Map.of("amount", 1200001));
		assertThat(fields(tooMuch.body())).containsExactly("amount");
		var badMethod = sales.post("/api/v1/orders/" + id + "/payments", Map.of("amount", 10, "method", "gold", "paidOn", "hôm qua"));
		assertThat(fields(badMethod.body())).contains("method", "paidOn");

		var last = sales.post("/api/v1/orders/" + id + "/payments", Map.of("amount", 1200000, "method", "bank_transfer"));

		assertThat(last.body().get("order").get("status").asString()).isEqualTo("paid");
		assertThat(last.body().get("order").get("paidAt").asString()).isNotBlank();
		assertThat(sales.get("/api/v1/orders/" + id + "/payments").body().size()).isEqualTo(2);
		assertThat(published("org.sencrm.sales.OrderPaid", id)).isEqualTo(1);
		assertThat(published("org.sencrm.sales.OrderPlaced", id)).isEqualTo(1);
		await().atMost(Publications.PATIENCE).untilAsserted(() -> assertThat(timelineSubjects())
				.anyMatch(s -> s.contains(order.get("number").asString()) && s.contains("paid"))
				.anyMatch(s -> s.contains("placed")));
	}

	@Test
	void aStaleIfMatchChangesNothing() {
		var order = directOrder(1000);
		var id = order.get("id").asString();
		var read = sales.get("/api/v1/orders/" + id);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");

		var stale = sales.header("If-Match", "\"7\"").patch("/api/v1/orders/" + id, Map.of("notes", "giao buổi sáng"));

		assertThat(stale.status()).isEqualTo(412);
		var fresh = sales.header("If-Match", read.header("ETag")).patch("/api/v1/orders/" + id, Map.of("notes", "giao buổi sáng"));
		assertThat(fresh.status()).isEqualTo(200);
		assertThat(fresh.header("ETag")).isEqualTo("\"1\"");
	}

	@Test
	void directOrdersNeedACustomerAndNamedFields() {
		var refused = sales.post("/api/v1/orders", Map.of("lines", List.of(Map.of("quantity", -1, "unitPrice", 5)),
				"orderedOn", "31/12/2026"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(fields(refused.body())).contains("personId", "lines[0].description", "lines[0].quantity", "orderedOn");
	}

	private JsonNode directOrder(int price) {
		var created = sales.post("/api/v1/orders", Map.of("personId", person, "lines",
				List.of(Map.of("description", "Gói bảo trì", "quantity", 1, "unitPrice", price, "taxRate", 10))));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body();
	}

	/** Events of the type for this order in Spring Modulith's registry, stored with the transaction that published them. */
	private long published(String type, String orderId) {
		return jdbc.sql("select count(distinct serialized_event) from event_publication where event_type = :type and serialized_event like :id")
				.param("type", type).param("id", "%" + orderId + "%").query(Long.class).single();
	}

	private List<String> timelineSubjects() {
		return sales.get("/api/v1/persons/" + person + "/timeline").body().get("items").valueStream()
				.map(e -> e.path("subject").asString("")).toList();
	}
}
