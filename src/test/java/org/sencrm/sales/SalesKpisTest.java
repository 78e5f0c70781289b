package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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

/**
 * Sales KPIs of the current quarter on a data set checked by hand (decision 0012), through the
 * API and on the dashboard page.
 */
@IntegrationTest
class SalesKpisTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	String person;
	String organization;
	JsonNode b2c;
	String quarter;
	LocalDate quarterEnd;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token()).header("Accept-Language", "en");
		person = sales.post("/api/v1/persons", Map.of("familyName", "Đỗ", "givenName", "Hải")).body().get("id").asString();
		organization = sales.post("/api/v1/organizations", Map.of("name", "Công ty Hoa Sen")).body().get("id").asString();
		b2c = sales.get("/api/v1/pipelines").body().get(1);
		quarter = sales.get("/api/v1/sales/kpis").body().get("period").asString();
		var year = Integer.parseInt(quarter.substring(0, 4));
		var q = Integer.parseInt(quarter.substring(6));
		quarterEnd = LocalDate.of(year, q * 3, 1).plusMonths(1).minusDays(1);
	}

	@Test
	void leadsDealsOrdersAndRenewalsOfTheQuarter() {
		// Leads: three captured, one converted (with an opportunity).
		var lead = lead("An");
		lead("Bình");
		lead("Cúc");
		assertThat(sales.post("/api/v1/leads/" + lead + "/convert", null).status()).isEqualTo(200);
		// Deals: two won (10 M and 30 M), one lost; the converted lead's stays open.
		sales.post("/api/v1/opportunities/" + deal("Một", 10_000_000) + "/won", null);
		sales.post("/api/v1/opportunities/" + deal("Hai", 30_000_000) + "/won", null);
		sales.post("/api/v1/opportunities/" + deal("Ba", 5_000_000) + "/lost", Map.of("reason", "Đối thủ rẻ hơn"));
		// Orders: one confirmed (1,000,000 + 10 % VAT), one still a draft.
		var order = sales.post("/api/v1/orders", Map.of("personId", person, "lines",
				List.of(Map.of("description", "Gói bảo trì", "quantity", 1, "unitPrice", 1000000, "taxRate", 10)))).body();
		assertThat(sales.patch("/api/v1/orders/" + order.get("id").asString(), Map.of("status", "confirmed")).status()).isEqualTo(200);
		sales.post("/api/v1/orders", Map.of("personId", person, "lines",
				List.of(Map.of("description", "Nháp", "quantity", 1, "unitPrice", 7000000, "taxRate", 10))));
		// Contracts ending this quarter: one renewed, one not.
		var first = contract("Hợp đồng A");
		contract("Hợp đồng B");
		assertThat(sales.post("/api/v1/contracts/" + first + "/renew", Map.of()).status()).isEqualTo(201);

		var kpis = sales.get("/api/v1/sales/kpis?period=" + quarter + "&currency=VND").body();

		assertThat(kpis.get("leadsCaptured").asLong()).isEqualTo(3);
		assertThat(kpis.get("leadsConverted").asLong()).isEqualTo(1);
		assertThat(kpis.get("leadConversionPercent").decimalValue()).isEqualByComparingTo("33.3");
		assertThat(kpis.get("wonDeals").asLong()).isEqualTo(2);
		assertThat(kpis.get("lostDeals").asLong()).isEqualTo(1);
		assertThat(kpis.get("winRatePercent").decimalValue()).isEqualByComparingTo("66.7");
		assertThat(kpis.get("averageDealSize").decimalValue()).isEqualByComparingTo("20000000");
		assertThat(kpis.get("salesCycleDays").decimalValue()).isLessThan(new java.math.BigDecimal("1"));
		assertThat(kpis.get("revenue").decimalValue()).isEqualByComparingTo("1100000");
		var revenue = kpis.get("revenueBySalesperson");
		assertThat(revenue.size()).isEqualTo(1);
		assertThat(revenue.get(0).get("userId").asString()).isEqualTo(workspace.member(Role.SALES).id().toString());
		assertThat(revenue.get(0).get("orders").asLong()).isEqualTo(1);
		assertThat(kpis.get("contractsEnding").asLong()).isEqualTo(2);
		assertThat(kpis.get("contractsRenewed").asLong()).isEqualTo(1);
		assertThat(kpis.get("renewalRatePercent").decimalValue()).isEqualByComparingTo("50.0");

		// The next quarter has none of it.
		var next = sales.get("/api/v1/sales/kpis?period=" + nextQuarter()).body();
		assertThat(next.get("leadsCaptured").asLong()).isZero();
		assertThat(next.has("winRatePercent")).as("no deals closed, no win rate").isFalse();

		// The dashboard shows the same figures.
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var page = web.get("/sales/dashboard?period=" + quarter);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select(".kpis .stat-number").eachText()).contains("3", "33.3 %", "66.7 %", "50 %");
		assertThat(page.html().select(".bar-label").eachText()).contains("Won", "Commit", "Best case", "Weighted pipeline");

		// A deal in dollars joins the totals in đồng at the workspace's rate (decision 0016).
		var admin = new Api(port, workspace.member(Role.ADMIN).token());
		assertThat(admin.post("/api/v1/exchange-rates", Map.of("currency", "USD", "rateToBase", 25000, "validFrom", "2020-01-01"))
				.status()).isEqualTo(201);
		deal("Dollars", 100, "USD");
		var converted = web.get("/sales/dashboard?period=" + quarter);
		assertThat(converted.text(".in-base h2")).isEqualTo("All currencies in VND");
		// won 10 M + 30 M; best case adds the 100 dollars: 2,500,000 đồng
		assertThat(converted.html().select(".base-totals .stat-number").eachText()).contains("₫40,000,000", "₫42,500,000");
		assertThat(converted.html().select(".in-base table.currencies tbody th").eachText()).containsExactly("VND", "USD");
		assertThat(converted.has(".not-converted")).isFalse();
	}

	private String lead(String name) {
		var created = sales.post("/api/v1/leads", Map.of("givenName", name, "familyName", "Lê", "email",
				name.toLowerCase(java.util.Locale.ROOT) + "@kpi.example.vn"));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private String deal(String name, long amount) {
		return deal(name, amount, "VND");
	}

	private String deal(String name, long amount, String currency) {
		var created = sales.post("/api/v1/opportunities", Map.of("name", name, "pipelineId", b2c.get("id").asString(), "stageId",
				b2c.get("stages").get(1).get("id").asString(), "amount", amount, "currency", currency, "personId", person,
				"expectedCloseDate", quarterEnd.toString()));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private String contract(String title) {
		var created = sales.post("/api/v1/contracts", Map.of("title", title, "organizationId", organization, "startDate",
				quarterEnd.minusYears(1).plusDays(1).toString(), "endDate", quarterEnd.toString(), "value", 120000000,
				"currency", "VND"));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private String nextQuarter() {
		var day = quarterEnd.plusDays(1);
		return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
	}
}
