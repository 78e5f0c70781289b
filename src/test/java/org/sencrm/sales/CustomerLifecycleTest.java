package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.sencrm.support.Publications;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Persons' and organizations' lifecycle stages follow their placed orders (docs/sales.md), each
 * customer counted from its own orders. The listener runs after commit: a test waits for the stage
 * it expects, or — to see that a stage did not move — for the order's event to be handled.
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

	@Autowired
	Publications publications;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
	}

	@Test
	void stagesClimbWithEachPlacedOrder() {
		var person = person("Nguyễn", "Thị Mai");
		var draft = order(person, "draft");
		assertThat(published(draft)).as("a draft order is not placed: nothing to count").isZero();
		assertThat(stage("persons", person)).isNull();

		order(person, "confirmed");
		awaitStage("persons", person, "first_time");
		order(person, "confirmed");
		awaitStage("persons", person, "repeat");
		order(person, "confirmed");
		awaitStage("persons", person, "regular");
		// the fourth order within twelve months makes a frequent buyer loyal
		sales.patch("/api/v1/orders/" + draft, Map.of("status", "confirmed"));
		awaitStage("persons", person, "loyal");
		var history = sales.get("/api/v1/persons/" + person + "/history").body();
		assertThat(history.valueStream().filter(h -> h.get("changes").has("lifecycleStage")).count()).isEqualTo(4);
	}

	@Test
	void ordersNeverMoveAStageSetHigherByHandDown() {
		var person = person("Phạm", "Quốc Bảo");
		sales.patch("/api/v1/persons/" + person, Map.of("lifecycleStage", "loyal"));

		handled(order(person, "confirmed"));

		assertThat(stage("persons", person)).isEqualTo("loyal");
		var churned = person("Võ", "Thanh");
		sales.patch("/api/v1/persons/" + churned, Map.of("lifecycleStage", "churned"));
		order(churned, "confirmed");
		awaitStage("persons", churned, "first_time"); // a churned customer who buys again starts over
	}

	@Test
	void anOrganizationClimbsWithItsOwnOrdersAndThePersonOnThemWithTheirs() {
		var organization = organization("Công ty Cà phê Cao Nguyên");
		var other = organization("Công ty Trà Thái Nguyên");
		var buyer = person("Lê", "Minh");

		order(Map.of("organizationId", organization, "personId", buyer));
		awaitStage("organizations", organization, "first_time");
		awaitStage("persons", buyer, "first_time"); // an order for both moves both

		order(Map.of("organizationId", organization));
		awaitStage("organizations", organization, "repeat");
		handled(order(Map.of("organizationId", other, "personId", buyer)));
		assertThat(stage("persons", buyer)).as("the person counts their own orders, for any organization").isEqualTo("repeat");
		assertThat(stage("organizations", other)).isEqualTo("first_time");
		assertThat(stage("organizations", organization)).as("another organization's order does not count").isEqualTo("repeat");

		order(Map.of("organizationId", organization));
		awaitStage("organizations", organization, "regular");
		handled(order(Map.of("organizationId", organization)));
		assertThat(stage("organizations", organization)).as("four orders within twelve months").isEqualTo("loyal");
		assertThat(stage("persons", buyer)).as("orders without the person leave them alone").isEqualTo("repeat");
		var history = sales.get("/api/v1/organizations/" + organization + "/history").body();
		assertThat(history.valueStream().filter(h -> h.get("changes").has("lifecycleStage"))
				.map(h -> h.get("changes").get("lifecycleStage").get("to").asString()).toList())
				.containsExactly("loyal", "regular", "repeat", "first_time");
	}

	@Test
	void ordersOlderThanTwelveMonthsCountOnlyTowardsTheTotal() {
		var organization = organization("Công ty Gạo Mekong");
		for (int i = 0; i < 3; i++) {
			order(Map.of("organizationId", organization));
		}
		awaitStage("organizations", organization, "regular");
		WorkspaceContext.runAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).executeWithoutResult(s ->
				jdbc.sql("update orders set placed_at = now() - interval '13 months' where organization_id = :org")
						.param("org", UUID.fromString(organization)).update()));

		handled(order(Map.of("organizationId", organization)));
		assertThat(stage("organizations", organization)).as("4 in all, 1 within twelve months").isEqualTo("regular");
		order(Map.of("organizationId", organization));
		order(Map.of("organizationId", organization));
		awaitStage("organizations", organization, "loyal"); // 6 in all
	}

	@Test
	void cancelledOrdersStopCountingButMoveNoStageDown() {
		var organization = organization("Công ty Hạt Điều Bình Phước");
		var first = order(Map.of("organizationId", organization));
		var second = order(Map.of("organizationId", organization));
		order(Map.of("organizationId", organization));
		awaitStage("organizations", organization, "regular");

		for (var order : List.of(first, second)) {
			var cancelled = sales.patch("/api/v1/orders/" + order, Map.of("status", "cancelled"));
			assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
		}
		handled(order(Map.of("organizationId", organization)));

		// two orders count now: repeat is computed, regular stays; counting the cancelled ones would make four, loyal
		assertThat(stage("organizations", organization)).isEqualTo("regular");
	}

	@Test
	void anOrderEventDeliveredTwiceMovesTheStageOnce() {
		var organization = organization("Công ty Chè Tân Cương");
		var buyer = person("Đỗ", "Hải");
		var order = order(Map.of("organizationId", organization, "personId", buyer));
		awaitStage("persons", buyer, "first_time");

		publications.redeliver(OrderPlaced.class, order);

		assertThat(stage("organizations", organization)).isEqualTo("first_time");
		assertThat(stage("persons", buyer)).isEqualTo("first_time");
		for (var customer : List.of("organizations/" + organization, "persons/" + buyer)) {
			var history = sales.get("/api/v1/" + customer + "/history").body();
			assertThat(history.valueStream().filter(h -> h.get("changes").has("lifecycleStage")).count()).as(customer).isEqualTo(1);
		}
	}

	/** Waits until the lifecycle listener has handled the order's {@link OrderPlaced} event. */
	private void handled(String order) {
		publications.awaitCompleted(OrderPlaced.class, order);
	}

	/** How many {@link OrderPlaced} events the order's transaction stored (committed with the order). */
	private long published(String order) {
		return jdbc.sql("select count(*) from event_publication where event_type = :type and serialized_event like :order")
				.param("type", OrderPlaced.class.getName()).param("order", "%" + order + "%").query(Long.class).single();
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

	/** Waits until the customer ({@code persons/…} or {@code organizations/…}) has the stage. */
	private void awaitStage(String customers, String id, String expected) {
		await().atMost(Publications.PATIENCE).untilAsserted(() -> assertThat(stage(customers, id)).isEqualTo(expected));
	}

	/** The customer's stage now. */
	private String stage(String customers, String id) {
		var node = sales.get("/api/v1/" + customers + "/" + id).body().get("lifecycleStage");
		return node == null || node.isNull() ? null : node.asString();
	}
}
