package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestDates;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The person page's sales panel lists the person's opportunities, quotes and orders. */
@IntegrationTest
class CustomerSalesPanelTest {

	/** The dates below are in next year and the two before it, so that no date passes by. */
	private static final int YEAR = TestDates.today().getYear() + 1;

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Test
	void aPersonsDealsQuotesAndOrdersShowOnTheirPage() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var person = sales.post("/api/v1/persons", Map.of("familyName", "Ngô", "givenName", "Thanh Vân")).body().get("id").asString();
		var other = sales.post("/api/v1/persons", Map.of("familyName", "Lý", "givenName", "Khác")).body().get("id").asString();
		var b2c = sales.get("/api/v1/pipelines").body().get(1);
		sales.post("/api/v1/opportunities", Map.of("name", "Máy lọc không khí", "pipelineId", b2c.get("id").asString(), "stageId",
				b2c.get("stages").get(0).get("id").asString(), "amount", 7500000, "currency", "VND", "personId", person,
				"expectedCloseDate", YEAR + "-02-01"));
		var quote = sales.post("/api/v1/quotes", Map.of("personId", person, "lines",
				List.of(Map.of("description", "Máy lọc", "quantity", 1, "unitPrice", 7500000, "taxRate", 10)))).body();
		var order = sales.post("/api/v1/orders", Map.of("personId", person, "lines",
				List.of(Map.of("description", "Lõi lọc", "quantity", 2, "unitPrice", 300000, "taxRate", 10)))).body();

		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var panel = web.get("/persons/" + person + "/sales-panel");

		assertThat(panel.status()).isEqualTo(200);
		assertThat(panel.text(".sales-opportunities")).contains("Máy lọc không khí");
		assertThat(panel.text(".sales-quotes")).contains(quote.get("number").asString());
		assertThat(panel.text(".sales-orders")).contains(order.get("number").asString());
		var allQuotes = web.get(panel.html().selectFirst("a.all-quotes").attr("href"));
		assertThat(allQuotes.path()).isEqualTo("/quotes?personId=" + person);
		assertThat(allQuotes.text("table.records tbody")).contains(quote.get("number").asString());
		var allOrders = web.get(panel.html().selectFirst("a.all-orders").attr("href"));
		assertThat(allOrders.text(".customer-filter")).contains("Thanh Vân");
		assertThat(allOrders.text("table.records tbody")).contains(order.get("number").asString());
		assertThat(web.get("/persons/" + person).has("#sales [hx-get$='/sales-panel']")).isTrue();
		var empty = web.get("/persons/" + other + "/sales-panel");
		assertThat(empty.has(".sales-opportunities")).isFalse();
		assertThat(empty.text(".customer-sales")).isEqualTo("No opportunities, quotes or orders yet.");
		var stranger = WebSession.signedIn(port, workspaces.create().member(Role.ADMIN).email());
		assertThat(stranger.get("/persons/" + person + "/sales-panel").status()).isEqualTo(404);
	}
}
