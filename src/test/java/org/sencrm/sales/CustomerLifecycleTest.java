package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A person's lifecycle stage follows their placed orders (docs/sales.md). */
@IntegrationTest
class CustomerLifecycleTest {

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

	private String person(String family, String given) {
		return sales.post("/api/v1/persons", Map.of("familyName", family, "givenName", given)).body().get("id").asString();
	}

	private String order(String person, String status) {
		var created = sales.post("/api/v1/orders", Map.of("personId", person, "status", status, "lines",
				List.of(Map.of("description", "Cà phê hạt 1kg", "quantity", 1, "unitPrice", 320000, "taxRate", 8))));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	/** The person's stage once it is {@code expected} (the listener runs after commit), or whatever it is after 10 s. */
	private String stage(String person, String expected) throws InterruptedException {
		var deadline = System.currentTimeMillis() + 10_000;
		String stage = null;
		do {
			var node = sales.get("/api/v1/persons/" + person).body().get("lifecycleStage");
			stage = node == null || node.isNull() ? null : node.asString();
			if (expected != null && expected.equals(stage)) {
				return stage;
			}
			Thread.sleep(expected == null ? 500 : 100);
		} while (expected != null && System.currentTimeMillis() < deadline);
		return stage;
	}
}
