package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Persons' and organizations' lifecycle stages follow their placed orders (docs/sales.md), each
 * customer counted from its own orders.
 */
@IntegrationTest
class CustomerLifecycleTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
	}

	@Test
	void stagesClimbWithEachPlacedOrder() throws Exception {
		var person = person("Nguyễn", "Thị Mai");
		var draft = order(person, "draft");
		assertThat(stage(person, null)).as("a draft order does not count").isNull();

		order(person, "confirmed");
		assertThat(stage(person, "first_time")).isEqualTo("first_time");
		order(person, "confirmed");
		assertThat(stage(person, "repeat")).isEqualTo("repeat");
		order(person, "confirmed");
		assertThat(stage(person, "regular")).isEqualTo("regular");
		// the fourth order within twelve months makes a frequent buyer loyal
		sales.patch("/api/v1/orders/" + draft, Map.of("status", "confirmed"));
		assertThat(stage(person, "loyal")).isEqualTo("loyal");
		var history = sales.get("/api/v1/persons/" + person + "/history").body();
		assertThat(history.valueStream().filter(h -> h.get("changes").has("lifecycleStage")).count()).isEqualTo(4);
	}

	@Test
	void ordersNeverMoveAStageSetHigherByHandDown() throws Exception {
		var person = person("Phạm", "Quốc Bảo");
		sales.patch("/api/v1/persons/" + person, Map.of("lifecycleStage", "loyal"));

		order(person, "confirmed");
		Thread.sleep(1500);

		assertThat(stage(person, "loyal")).isEqualTo("loyal");
		var churned = person("Võ", "Thanh");
		sales.patch("/api/v1/persons/" + churned, Map.of("lifecycleStage", "churned"));
		order(churned, "confirmed");
		assertThat(stage(churned, "first_time")).as("a churned customer who buys again starts over").isEqualTo("first_time");
	}

	@Test
	void anOrganizationClimbsWithItsOwnOrdersAndThePersonOnThemWithTheirs() throws Exception {
		var organization = organization("Công ty Cà phê Cao Nguyên");
		var other = organization("Công ty Trà Thái Nguyên");
		var buyer = person("Lê", "Minh");

		order(Map.of("organizationId", organization, "personId", buyer));
		assertThat(stage("organizations", organization, "first_time")).isEqualTo("first_time");
		assertThat(stage("persons", buyer, "first_time")).as("an order for both moves both").isEqualTo("first_time");

		order(Map.of("organizationId", organization));
		assertThat(stage("organizations", organization, "repeat")).isEqualTo("repeat");
		order(Map.of("organizationId", other, "personId", buyer));
		assertThat(stage("persons", buyer, "repeat")).as("the person counts their own orders, for any organization")
				.isEqualTo("repeat");
		assertThat(stage("organizations", other, "first_time")).isEqualTo("first_time");
		assertThat(stage("organizations", organization, null)).as("another organization's order does not count")
				.isEqualTo("repeat");

		order(Map.of("organizationId", organization));
		assertThat(stage("organizations", organization, "regular")).isEqualTo("regular");
		order(Map.of("organizationId", organization));
		assertThat(stage("organizations", organization, "loyal")).as("four orders within twelve months").isEqualTo("loyal");
		assertThat(stage("persons", buyer, null)).as("orders without the person leave them alone").isEqualTo("repeat");
		var history = sales.get("/api/v1/organizations/" + organization + "/history").body();
		assertThat(history.valueStream().filter(h -> h.get("changes").has("lifecycleStage"))
				.map(h -> h.get("changes").get("lifecycleStage").get("to").asString()).toList())
				.containsExactly("loyal", "regular", "repeat", "first_time");
	}

	@Test
	void ordersOlderThanTwelveMonthsCountOnlyTowardsTheTotal() throws Exception {
		var organization = organization("Công ty Gạo Mekong");
		for (int i = 0; i < 3; i++) {
			order(Map.of("organizationId", organization));
		}
		assertThat(stage("organizations", organization, "regular")).isEqualTo("regular");
		WorkspaceContext.runAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).executeWithoutResult(s ->
				jdbc.sql("update orders set placed_at = now() - interval '13 months' where organization_id = :org")
						.param("org", UUID.fromString(organization)).update()));

		settledOrder(organization);
		assertThat(stage("organizations", organization, null)).as("4 in all, 1 within twelve months").isEqualTo("regular");
		order(Map.of("organizationId", organization));
		order(Map.of("organizationId", organization));
		assertThat(stage("organizations", organization, "loyal")).as("6 in all").isEqualTo("loyal");
	}

	@Test
	void cancelledOrdersStopCountingButMoveNoStageDown() throws Exception {
		var organization = organization("Công ty Hạt Điều Bình Phước");
		var first = order(Map.of("organizationId", organization));
		var second = order(Map.of("organizationId", organization));
		order(Map.of("organizationId", organization));
		assertThat(stage("organizations", organization, "regular")).isEqualTo("regular");

		for (var order : List.of(first, second)) {
			var cancelled = sales.patch("/api/v1/orders/" + order, Map.of("status", "cancelled"));
			assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
		}
		settledOrder(organization);

		// two orders count now: repeat is computed, regular stays; counting the cancelled ones would make four, loyal
		assertThat(stage("organizations", organization, null)).isEqualTo("regular");
	}

	/**
	 * Places an order for the organization with a new person on it and waits until the person's
	 * stage moved: the listener handles the organization before the person, so the organization's
	 * stage is final then, also when it did not change.
	 */
	private void settledOrder(String organization) throws InterruptedException {
		var witness = person("Hồ", "Nhân Chứng");
		order(Map.of("organizationId", organization, "personId", witness));
		assertThat(stage("persons", witness, "first_time")).isEqualTo("first_time");
	}

	private String organization(String name) {
		return sales.post("/api/v1/organizations", Map.of("name", name)).body().get("id").asString();
	}

	private String person(String family, String given) {
		return sales.post("/api/v1/persons", Map.of("familyName", family, "givenName", given)).body().get("id").asString();
	}

	private String order(String person, String status) {
		return order(Map.of("personId", person, "status", status));
	}

	/** A confirmed order unless the customer map says otherwise. */
	private String order(Map<String, String> customer) {
		var body = new HashMap<String, Object>(Map.of("status", "confirmed", "lines",
				List.of(Map.of("description", "Cà phê hạt 1kg", "quantity", 1, "unitPrice", 320000, "taxRate", 8))));
		body.putAll(customer);
		var created = sales.post("/api/v1/orders", body);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private String stage(String person, String expected) throws InterruptedException {
		return stage("persons", person, expected);
	}

	/**
	 * The customer's stage ({@code persons} or {@code organizations}) once it is {@code expected}
	 * (the listener runs after commit), or whatever it is after 10 s; with no expectation, now.
	 */
	private String stage(String customers, String id, String expected) throws InterruptedException {
		var deadline = System.currentTimeMillis() + 10_000;
		String stage = null;
		do {
			var node = sales.get("/api/v1/" + customers + "/" + id).body().get("lifecycleStage");
			stage = node == null || node.isNull() ? null : node.asString();
			if (expected != null && expected.equals(stage)) {
				return stage;
			}
			Thread.sleep(expected == null ? 500 : 100);
		} while (expected != null && System.currentTimeMillis() < deadline);
		return stage;
	}
}
