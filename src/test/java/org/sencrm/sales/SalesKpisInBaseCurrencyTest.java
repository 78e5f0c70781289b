package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
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
 * The money KPIs of every currency in the workspace's currency (VND) at the rates of the period's
 * last day (decision 0016), on a data set checked by hand: USD at 25,412.5 đồng, EUR without a rate.
 */
@IntegrationTest
class SalesKpisInBaseCurrencyTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	Api manager;
	String person;
	JsonNode b2c;
	String quarter;
	LocalDate quarterEnd;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token()).header("Accept-Language", "en");
		manager = new Api(port, workspace.member(Role.MANAGER).token()).header("Accept-Language", "en");
		person = sales.post("/api/v1/persons", Map.of("familyName", "Ngô", "givenName", "Lan")).body().get("id").asString();
		b2c = sales.get("/api/v1/pipelines").body().get(1);
		quarter = sales.get("/api/v1/sales/kpis").body().get("period").asString();
		var year = Integer.parseInt(quarter.substring(0, 4));
		var q = Integer.parseInt(quarter.substring(6));
		quarterEnd = LocalDate.of(year, q * 3, 1).plusMonths(1).minusDays(1);
	}

	@Test
	void wonDealsAndOrdersOfEveryCurrencyAddUpInDong() {
		var admin = new Api(port, workspace.member(Role.ADMIN).token());
		assertThat(admin.post("/api/v1/exchange-rates", Map.of("currency", "USD", "rateToBase", "25412.5", "validFrom",
				"2020-01-01")).status()).isEqualTo(201);
		var web = WebSession.signedIn(port, workspace.member(Role.MANAGER).email());
		won(deal("Đồng", "10000000", "VND"));
		assertThat(web.get("/sales/dashboard?period=" + quarter).has(".base-kpis")).as("only đồng: nothing to convert").isFalse();

		won(deal("Dollars", "101", "USD"));        // 101 × 25,412.5 = 2,566,662.5 → 2,566,663
		won(deal("Euros", "5000", "EUR"));         // no EUR rate: listed, not converted
		assertThat(sales.post("/api/v1/opportunities/" + deal("Lost dollars", "50", "USD") + "/lost",
				Map.of("reason", "Ngân sách")).status()).isEqualTo(200);
		order(sales, "1000000", 10, "VND");        // 1,100,000
		order(sales, "100", 10, "USD");            // 110.00 × 25,412.5 = 2,795,375
		order(manager, "9.99", 0, "USD");          // 9.99 × 25,412.5 = 253,870.875 → 253,871

		var kpis = manager.get("/api/v1/sales/kpis?period=" + quarter).body();

		// The fields in one currency stay as they were.
		assertThat(kpis.get("currency").asString()).isEqualTo("VND");
		assertThat(kpis.get("wonDeals").asLong()).isEqualTo(3);
		assertThat(kpis.get("lostDeals").asLong()).isEqualTo(1);
		amount(kpis, "averageDealSize", "10000000");
		amount(kpis, "revenue", "1100000");
		var inBase = kpis.get("inBaseCurrency");
		assertThat(inBase.get("currency").asString()).isEqualTo("VND");
		assertThat(inBase.get("rateDate").asString()).isEqualTo(quarterEnd.toString());
		assertThat(inBase.get("wonDeals").asLong()).as("the euro deal is not converted").isEqualTo(2);
		amount(inBase, "wonAmount", "12566663");
		amount(inBase, "averageDealSize", "6283332");  // 12,566,663 / 2 = 6,283,331.5
		amount(inBase, "revenue", "4149246");          // 1,100,000 + 2,795,375 + 253,871
		var owners = new HashMap<String, JsonNode>();
		inBase.get("revenueBySalesperson").forEach(r -> owners.put(r.get("userId").asString(), r));
		var salesOwn = owners.get(workspace.member(Role.SALES).id().toString());
		amount(salesOwn, "amount", "3895375");
		assertThat(salesOwn.get("orders").asLong()).isEqualTo(2);
		amount(owners.get(workspace.member(Role.MANAGER).id().toString()), "amount", "253871");
		assertThat(inBase.get("notConverted").size()).isEqualTo(1);
		assertThat(inBase.get("notConverted").get(0).asString()).isEqualTo("EUR");
		var currencies = inBase.get("byCurrency");
		assertThat(currencies.valueStream().map(c -> c.get("currency").asString()).toList()).containsExactly("VND", "EUR", "USD");
		var eur = currencies.get(1);
		amount(eur, "wonAmount", "5000");
		assertThat(eur.has("wonAmountInBase")).isFalse();
		assertThat(eur.has("rateToBase")).isFalse();
		var usd = currencies.get(2);
		amount(usd, "rateToBase", "25412.5");
		assertThat(usd.get("rateValidFrom").asString()).isEqualTo("2020-01-01");
		assertThat(usd.get("wonDeals").asLong()).isEqualTo(1);
		amount(usd, "wonAmountInBase", "2566663");
		amount(usd, "revenue", "119.99");
		amount(usd, "revenueInBase", "3049246");
		assertThat(usd.get("orders").asLong()).isEqualTo(2);

		// In dollars: the dollar KPIs; the totals in đồng are the same.
		var dollars = manager.get("/api/v1/sales/kpis?period=" + quarter + "&currency=USD").body();
		amount(dollars, "averageDealSize", "101");
		amount(dollars, "revenue", "119.99");
		amount(dollars.get("inBaseCurrency"), "revenue", "4149246");

		// The salesperson's own orders only.
		amount(sales.get("/api/v1/sales/kpis?period=" + quarter).body().get("inBaseCurrency"), "revenue", "3895375");

		// The dashboard shows them in the "All currencies in VND" card and names the euros.
		var page = web.get("/sales/dashboard?period=" + quarter);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select(".in-base .base-kpis .stat-number").eachText()).containsExactly("₫6,283,332", "₫4,149,246");
		assertThat(page.text(".not-converted")).contains("EUR");
		web.get("/language?lang=vi", "/sales/dashboard");
		assertThat(web.get("/sales/dashboard?period=" + quarter).html().select(".base-kpis").attr("aria-label"))
				.isEqualTo("Chỉ số bán hàng quy ra VND");
	}

	private String deal(String name, String amount, String currency) {
		var created = sales.post("/api/v1/opportunities", Map.of("name", name, "pipelineId", b2c.get("id").asString(), "stageId",
				b2c.get("stages").get(1).get("id").asString(), "amount", amount, "currency", currency, "personId", person,
				"expectedCloseDate", quarterEnd.toString()));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private void won(String id) {
		assertThat(sales.post("/api/v1/opportunities/" + id + "/won", null).status()).isEqualTo(200);
	}

	private void order(Api api, String unitPrice, int taxRate, String currency) {
		var created = api.post("/api/v1/orders", Map.of("personId", person, "currency", currency, "lines",
				List.of(Map.of("description", "Gói dịch vụ", "quantity", 1, "unitPrice", unitPrice, "taxRate", taxRate))));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		var confirmed = api.patch("/api/v1/orders/" + created.body().get("id").asString(), Map.of("status", "confirmed"));
		assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
	}

	private static void amount(JsonNode node, String field, String expected) {
		assertThat(node.get(field)).as(field + " in " + node).isNotNull();
		assertThat(node.get(field).decimalValue()).as(field).isEqualByComparingTo(expected);
	}
}
