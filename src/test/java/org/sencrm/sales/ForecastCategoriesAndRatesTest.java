package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestDates;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Forecast categories on deals and the forecast in the workspace's currency at the rates of the
 * period's last day (decision 0016), on small data sets checked by hand. B2B stage probabilities:
 * need 10, specification 20, supplier search 30, proposal 50, evaluation 70. The workspace's
 * currency is VND.
 */
@IntegrationTest
class ForecastCategoriesAndRatesTest {

	/** The dates below are in next year and the two before it, so that no date passes by. */
	private static final int YEAR = TestDates.today().getYear() + 1;

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	DataSource dataSource;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	Api manager;
	Api admin;
	String person;
	JsonNode b2b;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token()).header("Accept-Language", "en");
		manager = new Api(port, workspace.member(Role.MANAGER).token()).header("Accept-Language", "en");
		admin = new Api(port, workspace.member(Role.ADMIN).token()).header("Accept-Language", "en");
		person = sales.post("/api/v1/persons", Map.of("familyName", "Phạm", "givenName", "Thu")).body().get("id").asString();
		b2b = sales.get("/api/v1/pipelines").body().get(0);
	}

	@Test
	void aDealsCategoryDecidesWhereItCountsInsteadOfItsStage() throws SQLException {
		var committed = deal(sales, "Committed at 30 %", 100_000_000, "VND", "supplier", YEAR + "-01-20", "commit");
		deal(sales, "Omitted at 70 %", 40_000_000, "VND", "evaluation", YEAR + "-01-21", "omitted");
		deal(sales, "Pipeline at 70 %", 60_000_000, "VND", "evaluation", YEAR + "-02-01", "pipeline");
		deal(sales, "Best case at 50 %", 20_000_000, "VND", "proposal", YEAR + "-02-02", "best_case");
		deal(sales, "No category at 10 %", 10_000_000, "VND", "need", YEAR + "-02-03", null);
		deal(sales, "No category at 70 %", 50_000_000, "VND", "evaluation", YEAR + "-03-01", null);
		won(deal(sales, "Won, marked omitted", 30_000_000, "VND", "need", YEAR + "-01-05", "omitted"), YEAR + "-03-05");

		var total = manager.get("/api/v1/forecast?period=" + YEAR + "-Q1").body().get("total");

		amount(total, "closedWon", "30000000");                 // a won deal is won whatever its category
		amount(total, "weighted", "118000000");                 // 30 + 42 + 10 + 1 + 35 M: the omitted deal's 28 M left out
		amount(total, "commit", "180000000");                   // 30 won + 100 committed at 30 % + 50 at 70 %
		amount(total, "bestCase", "210000000");                 // 30 won + 100 + 20 + 10 + 50; not "pipeline", not omitted
		assertThat(total.get("openDeals").asLong()).isEqualTo(5);
		assertThat(total.get("omittedDeals").asLong()).isEqualTo(1);
		assertThat(total.get("wonDeals").asLong()).isEqualTo(1);

		// Taking the category off puts the deal back to its stage: 30 % is not commit.
		var cleared = new HashMap<String, Object>();
		cleared.put("forecastCategory", null);
		var patched = sales.patch("/api/v1/opportunities/" + committed, cleared);
		assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
		assertThat(patched.body().has("forecastCategory")).isFalse();
		amount(manager.get("/api/v1/forecast?period=" + YEAR + "-Q1").body().get("total"), "commit", "80000000");
		// The history keeps the change.
		var history = sales.get("/api/v1/opportunities/" + committed + "/history").body();
		assertThat(history.get(0).get("changes").get("forecastCategory").get("from").asString()).isEqualTo("commit");
	}

	@Test
	void aWrongCategoryIsAFieldErrorInEitherLanguage() {
		var body = body("Bad", 1_000_000, "VND", "need", YEAR + "-01-20", "maybe");
		var english = sales.post("/api/v1/opportunities", body);
		assertThat(english.status()).isEqualTo(422);
		assertThat(english.body().get("errors").get(0).get("field").asString()).isEqualTo("forecastCategory");
		assertThat(english.body().get("errors").get(0).get("message").asString()).startsWith("Choose a forecast category");
		var vietnamese = new Api(port, workspace.member(Role.SALES).token()).header("Accept-Language", "vi")
				.post("/api/v1/opportunities", body);
		assertThat(vietnamese.body().get("errors").get(0).get("message").asString()).startsWith("Hãy chọn hạng mục dự báo");
		// The API takes the values in any case.
		var created = sales.post("/api/v1/opportunities", body("Good", 1_000_000, "VND", "need", YEAR + "-01-20", "Best_Case"));
		assertThat(created.body().get("forecastCategory").asString()).isEqualTo("best_case");
	}

	@Test
	void theCategoryIsSetOnTheFormAndShownOnTheOpportunityPage() {
		var id = deal(sales, "Bàn ghế văn phòng", 5_000_000, "VND", "proposal", YEAR + "-01-20", null);
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var page = web.get("/sales/opportunities/" + id);
		assertThat(page.text(".forecast-category")).isEqualTo("From the stage’s probability");

		var edit = web.get("/sales/opportunities/" + id + "/edit");
		assertThat(edit.html().select("select#forecastCategory option").eachAttr("value"))
				.containsExactly("", "pipeline", "best_case", "commit", "omitted");
		var refused = web.submit(edit, "form.record-form", Map.of("forecastCategory", "soon"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text("#forecastCategory-error")).startsWith("Choose a forecast category");
		var saved = web.submit(edit, "form.record-form", Map.of("forecastCategory", "commit"));
		assertThat(saved.status()).isEqualTo(302);

		assertThat(web.follow(saved).text(".forecast-category")).isEqualTo("Commit");
		assertThat(sales.get("/api/v1/opportunities/" + id).body().get("forecastCategory").asString()).isEqualTo("commit");
	}

	@Test
	void otherCurrenciesAreConvertedAtTheRateOfThePeriodsLastDay() throws SQLException {
		// USD → VND: 24,000 from December, 25,412.5 from 15 March, 26,000 from April.
		assertThat(admin.post("/api/v1/exchange-rates", rate("USD", "24000", (YEAR - 1) + "-12-01")).status()).isEqualTo(201);
		assertThat(admin.post("/api/v1/exchange-rates", rate("USD", "25412.5", YEAR + "-03-15")).status()).isEqualTo(201);
		assertThat(admin.post("/api/v1/exchange-rates", rate("USD", "26000", YEAR + "-04-01")).status()).isEqualTo(201);
		assertThat(admin.post("/api/v1/exchange-rates", rate("EUR", "27000", YEAR + "-04-01")).status()).isEqualTo(201);
		deal(sales, "Đồng", 100_000_000, "VND", "proposal", YEAR + "-03-20", null);             // weighted 50 M, best 100 M
		deal(sales, "Dollars", 10_000, "USD", "evaluation", YEAR + "-02-10", null);              // weighted 7,000, commit 10,000
		won(deal(sales, "Small dollars", 101, "USD", "need", YEAR + "-01-05", null), YEAR + "-01-10"); // won 101.00
		deal(sales, "Euros", 5_000, "EUR", "proposal", YEAR + "-02-15", null);                   // EUR has no rate until April
		deal(manager, "Manager's", 20_000_000, "VND", "specification", YEAR + "-03-31", null);   // weighted 4 M
		var salesId = workspace.member(Role.SALES).id().toString();
		var managerId = workspace.member(Role.MANAGER).id().toString();
		assertThat(manager.put("/api/v1/quotas", Map.of("userId", salesId, "period", YEAR + "-Q1", "amount", 300_000_000)).status())
				.isEqualTo(200);
		assertThat(manager.put("/api/v1/quotas", Map.of("userId", managerId, "period", YEAR + "-Q1", "amount", 1000, "currency",
				"USD")).status()).isEqualTo(200);

		var forecast = manager.get("/api/v1/forecast?period=" + YEAR + "-Q1").body();

		// The VND figures are as before; the dollars and euros stay out of them.
		amount(forecast.get("total"), "weighted", "54000000");
		assertThat(forecast.get("otherCurrencyDeals").asLong()).isEqualTo(3);
		var inBase = forecast.get("inBaseCurrency");
		assertThat(inBase.get("currency").asString()).isEqualTo("VND");
		assertThat(inBase.get("rateDate").asString()).isEqualTo(YEAR + "-03-31");
		// USD at 25,412.5 (not 26,000: from April), rounded HALF_UP to whole đồng per currency:
		// won 101 × 25,412.5 = 2,566,662.5 → 2,566,663; weighted 7,000 × 25,412.5 = 177,887,500;
		// commit and best case 10,101 × 25,412.5 = 256,691,662.5 → 256,691,663; quota 1,000 USD = 25,412,500.
		var total = inBase.get("total");
		amount(total, "closedWon", "2566663");
		amount(total, "weighted", "231887500");                 // 54 M + 177,887,500
		amount(total, "commit", "256691663");
		amount(total, "bestCase", "376691663");                 // 100 M + 20 M + 256,691,663
		amount(total, "quota", "325412500");
		assertThat(total.get("attainmentPercent").decimalValue()).isEqualByComparingTo("0.8");
		assertThat(total.get("openDeals").asLong()).isEqualTo(3);
		assertThat(total.get("wonDeals").asLong()).isEqualTo(1);
		// Euros are listed, not dropped.
		assertThat(inBase.get("notConverted").get(0).asString()).isEqualTo("EUR");
		var currencies = byCurrency(inBase);
		assertThat(currencies.keySet()).containsExactlyInAnyOrder("VND", "USD", "EUR");
		amount(currencies.get("USD").get("figures"), "weighted", "7000.00");
		amount(currencies.get("USD").get("figures"), "quota", "1000.00");
		amount(currencies.get("USD"), "rateToBase", "25412.5");
		assertThat(currencies.get("USD").get("rateValidFrom").asString()).isEqualTo(YEAR + "-03-15");
		amount(currencies.get("EUR").get("figures"), "bestCase", "5000.00");
		assertThat(currencies.get("EUR").has("inBase")).isFalse();
		assertThat(currencies.get("EUR").has("rateToBase")).isFalse();
		// Each owner against their quota in đồng.
		var owners = rows(inBase.get("byOwner"));
		amount(owners.get(salesId), "closedWon", "2566663");
		amount(owners.get(salesId), "quota", "300000000");
		assertThat(owners.get(salesId).get("attainmentPercent").decimalValue()).isEqualByComparingTo("0.9");
		amount(owners.get(managerId), "quota", "25412500");

		// January: its last day is before 15 March, so 24,000.
		var january = manager.get("/api/v1/forecast?period=" + YEAR + "-01").body().get("inBaseCurrency");
		amount(january.get("total"), "closedWon", "2424000");
		assertThat(january.get("rateDate").asString()).isEqualTo(YEAR + "-01-31");

		// The salesperson's own deals and quota only, as before.
		var own = sales.get("/api/v1/forecast?period=" + YEAR + "-Q1").body().get("inBaseCurrency").get("total");
		amount(own, "weighted", "227887500");
		amount(own, "quota", "300000000");
	}

	@Test
	void aSalespersonCountsOnlyTheirOwnAndTheirTeamsDealsInEveryCurrency() {
		assertThat(admin.post("/api/v1/exchange-rates", rate("USD", "25000", YEAR + "-01-01")).status()).isEqualTo(201);
		deal(sales, "Own", 10_000_000, "VND", "need", YEAR + "-02-01", null);                     // weighted 1 M
		var teamDeal = body("The team's", 1_000, "USD", "proposal", YEAR + "-02-02", null);      // weighted 500 USD = 12.5 M
		teamDeal.put("ownerTeamId", workspace.teamId().toString());
		assertThat(manager.post("/api/v1/opportunities", teamDeal).status()).isEqualTo(201);
		var othersDeal = body("Someone else's", 7_000_000, "VND", "evaluation", YEAR + "-02-03", null); // weighted 4.9 M
		othersDeal.put("ownerId", workspace.otherSales().id().toString());
		assertThat(manager.post("/api/v1/opportunities", othersDeal).status()).isEqualTo(201);

		var own = sales.get("/api/v1/forecast?period=" + YEAR + "-Q1").body().get("inBaseCurrency");
		var all = manager.get("/api/v1/forecast?period=" + YEAR + "-Q1").body().get("inBaseCurrency");

		amount(own.get("total"), "weighted", "13500000");
		assertThat(rows(own.get("byOwner"))).doesNotContainKey(workspace.otherSales().id().toString());
		amount(all.get("total"), "weighted", "18400000");
		assertThat(rows(all.get("byOwner"))).containsKey(workspace.otherSales().id().toString());
	}

	@Test
	void theDashboardNamesTheCurrenciesItCouldNotConvert() {
		deal(sales, "Euros", 5_000, "EUR", "proposal", YEAR + "-02-15", null);
		deal(sales, "Đồng", 100_000_000, "VND", "proposal", YEAR + "-03-20", null);
		var web = WebSession.signedIn(port, workspace.member(Role.MANAGER).email());

		var page = web.get("/sales/dashboard?period=" + YEAR + "-Q1");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text(".in-base h2")).isEqualTo("All currencies in VND");
		assertThat(page.text(".not-converted")).contains("EUR");
		assertThat(page.html().select(".in-base table.currencies tbody th").eachText()).containsExactly("VND", "EUR");
	}

	@Test
	void administratorsEnterRatesEveryoneReadsThem() {
		var created = admin.post("/api/v1/exchange-rates", rate("usd", "25000", YEAR + "-01-01"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("currency").asString()).isEqualTo("USD");
		assertThat(created.body().get("baseCurrency").asString()).isEqualTo("VND");
		amount(created.body(), "rateToBase", "25000");
		admin.post("/api/v1/exchange-rates", rate("USD", "25500", YEAR + "-02-01"));
		admin.post("/api/v1/exchange-rates", rate("JPY", "170.25", YEAR + "-01-01"));
		// The same currency and day again replaces the rate.
		var replaced = admin.post("/api/v1/exchange-rates", rate("USD", "25100", YEAR + "-01-01"));
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.body().get("id").asString()).isEqualTo(created.body().get("id").asString());

		var all = sales.get("/api/v1/exchange-rates").body();
		assertThat(all.get("baseCurrency").asString()).isEqualTo("VND");
		assertThat(all.get("items").size()).isEqualTo(3);
		assertThat(all.get("items").get(1).get("validFrom").asString()).isEqualTo(YEAR + "-02-01"); // USD newest first
		var onJanuary = sales.get("/api/v1/exchange-rates?on=" + YEAR + "-01-31").body().get("items");
		assertThat(onJanuary.size()).isEqualTo(2);
		amount(onJanuary.get(1), "rateToBase", "25100");

		// Only administrators write; mistakes name their field.
		assertThat(sales.post("/api/v1/exchange-rates", rate("USD", "1", YEAR + "-01-01")).status()).isEqualTo(403);
		assertThat(manager.post("/api/v1/exchange-rates", rate("USD", "1", YEAR + "-01-01")).status()).isEqualTo(403);
		assertThat(field(admin.post("/api/v1/exchange-rates", rate("VND", "1", YEAR + "-01-01")))).isEqualTo("currency");
		assertThat(field(admin.post("/api/v1/exchange-rates", rate("USD", "-2", YEAR + "-01-01")))).isEqualTo("rateToBase");
		assertThat(field(admin.post("/api/v1/exchange-rates", rate("USD", "0.00000000001", YEAR + "-01-01")))).isEqualTo("rateToBase");
		assertThat(field(admin.post("/api/v1/exchange-rates", Map.of("currency", "USD", "rateToBase", "1")))).isEqualTo("validFrom");
		assertThat(field(sales.get("/api/v1/exchange-rates?on=tomorrow"))).isEqualTo("on");

		assertThat(admin.delete("/api/v1/exchange-rates/" + created.body().get("id").asString()).status()).isEqualTo(204);
		assertThat(sales.get("/api/v1/exchange-rates").body().get("items").size()).isEqualTo(2);
		// Another workspace has none of them.
		var stranger = new Api(port, workspaces.create().member(Role.ADMIN).token());
		assertThat(stranger.get("/api/v1/exchange-rates").body().get("items").size()).isZero();
	}

	@Test
	void theAdminPageEntersAndListsRates() {
		var web = WebSession.signedIn(port, workspace.member(Role.ADMIN).email());
		var page = web.get("/admin/exchange-rates");
		assertThat(page.status()).isEqualTo(200);

		var refused = web.submit(page, "form.record-form", Map.of("currency", "USD", "rateToBase", "abc", "validFrom", YEAR + "-01-01"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text("#rateToBase-error")).isEqualTo("Enter a number.");
		var saved = web.submit(page, "form.record-form", Map.of("currency", "USD", "rateToBase", "25400", "validFrom", YEAR + "-01-01"));
		assertThat(saved.status()).isEqualTo(302);
		var list = web.follow(saved);
		assertThat(list.html().select("table.exchange-rates tbody tr").first().text()).contains("USD").contains("25400 VND");

		var salesWeb = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		assertThat(salesWeb.get("/admin/exchange-rates").status()).isEqualTo(403);
	}

	private String deal(Api api, String name, long amount, String currency, String stage, String close, String category) {
		var created = api.post("/api/v1/opportunities", body(name, amount, currency, stage, close, category));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private Map<String, Object> body(String name, long amount, String currency, String stage, String close, String category) {
		var body = new HashMap<String, Object>(Map.of("name", name, "pipelineId", b2b.get("id").asString(), "stageId",
				stage(stage), "amount", amount, "currency", currency, "personId", person, "expectedCloseDate", close));
		if (category != null) {
			body.put("forecastCategory", category);
		}
		return body;
	}

	private String stage(String key) {
		var names = Map.of("need", 0, "specification", 1, "supplier", 2, "proposal", 3, "evaluation", 4);
		return b2b.get("stages").get(names.get(key)).get("id").asString();
	}

	private static Map<String, Object> rate(String currency, String rate, String validFrom) {
		return Map.of("currency", currency, "rateToBase", rate, "validFrom", validFrom);
	}

	/** Wins the deal, then moves its close date to the day given (the API closes it today). */
	private void won(String id, String day) throws SQLException {
		assertThat(sales.post("/api/v1/opportunities/" + id + "/won", null).status()).isEqualTo(200);
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var set = connection.prepareStatement("select set_config('sen.workspace_id', ?, true)");
					var update = connection.prepareStatement("update opportunities set expected_close_date = ?::date where id = ?::uuid")) {
				set.setString(1, workspace.id().toString());
				set.execute();
				update.setString(1, day);
				update.setString(2, id);
				assertThat(update.executeUpdate()).isEqualTo(1);
			}
			connection.commit();
		}
	}

	private static String field(Api.Response response) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(422);
		return response.body().get("errors").get(0).get("field").asString();
	}

	private static Map<String, JsonNode> rows(JsonNode rows) {
		var map = new HashMap<String, JsonNode>();
		rows.forEach(r -> map.put(r.get("id").asString(), r.get("figures")));
		return map;
	}

	private static Map<String, JsonNode> byCurrency(JsonNode inBase) {
		var map = new java.util.LinkedHashMap<String, JsonNode>();
		inBase.get("byCurrency").forEach(c -> map.put(c.get("currency").asString(), c));
		return map;
	}

	private static void amount(JsonNode node, String field, String expected) {
		assertThat(node.get(field)).as(field + " in " + node).isNotNull();
		assertThat(node.get(field).decimalValue()).as(field).isEqualByComparingTo(expected);
	}
}
