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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The forecast of the first quarter of next year on a small data set checked by hand
 * (docs/decisions/0012). B2B stage probabilities: need 10, specification 20, supplier search 30,
 * proposal 50, evaluation 70.
 */
@IntegrationTest
class ForecastTest {

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
	String person;
	JsonNode b2b;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token()).header("Accept-Language", "en");
		manager = new Api(port, workspace.member(Role.MANAGER).token()).header("Accept-Language", "en");
		person = sales.post("/api/v1/persons", Map.of("familyName", "Phạm", "givenName", "Thu")).body().get("id").asString();
		b2b = sales.get("/api/v1/pipelines").body().get(0);
	}

	@Test
	void weightedCommitBestCaseAndQuotaAttainmentOfAQuarter() throws SQLException {
		deal(sales, "Proposal", 100_000_000, "VND", "proposal", YEAR + "-01-20");          // weighted 50 M
		deal(sales, "Evaluation", 40_000_000, "VND", "evaluation", YEAR + "-02-10");       // weighted 28 M, commit
		won(deal(sales, "Won", 30_000_000, "VND", "need", YEAR + "-01-05"), YEAR + "-03-05"); // won 30 M
		lost(deal(sales, "Lost", 50_000_000, "VND", "need", YEAR + "-01-05"), YEAR + "-03-10");
		deal(sales, "Next quarter", 999_000_000, "VND", "need", YEAR + "-04-01");
		deal(sales, "Dollars", 10_000, "USD", "proposal", YEAR + "-01-15");
		deal(manager, "Manager's", 20_000_000, "VND", "specification", YEAR + "-03-31"); // weighted 4 M
		var salesId = workspace.member(Role.SALES).id().toString();
		var quota = manager.put("/api/v1/quotas", Map.of("userId", salesId, "period", YEAR + "-Q1", "amount", 90_000_000));
		assertThat(quota.status()).as(quota.body().toString()).isEqualTo(200);
		assertThat(quota.body().size()).isEqualTo(3);

		var all = manager.get("/api/v1/forecast?period=" + YEAR + "-Q1&currency=VND").body();

		assertThat(all.get("period").asString()).isEqualTo(YEAR + "-Q1");
		var total = all.get("total");
		amount(total, "closedWon", "30000000");
		amount(total, "weighted", "82000000");
		amount(total, "commit", "70000000");
		amount(total, "bestCase", "190000000");
		assertThat(total.get("openDeals").asLong()).isEqualTo(3);
		assertThat(total.get("wonDeals").asLong()).isEqualTo(1);
		assertThat(all.get("otherCurrencyDeals").asLong()).isEqualTo(1);
		var owners = rows(all.get("byOwner"));
		amount(owners.get(salesId), "weighted", "78000000");
		amount(owners.get(salesId), "quota", "90000000");
		assertThat(owners.get(salesId).get("attainmentPercent").decimalValue()).isEqualByComparingTo("33.3");
		amount(owners.get(workspace.member(Role.MANAGER).id().toString()), "weighted", "4000000");

		// A salesperson sees their own deals and their team's, not the manager's.
		var own = sales.get("/api/v1/forecast?period=" + YEAR + "-Q1").body().get("total");
		amount(own, "weighted", "78000000");
		amount(own, "bestCase", "170000000");
		// One month and one owner.
		var january = manager.get("/api/v1/forecast?period=" + YEAR + "-01&ownerId=" + salesId).body().get("total");
		amount(january, "weighted", "50000000");
		amount(january, "quota", "30000000");
		// Dollars in their own currency.
		amount(manager.get("/api/v1/forecast?period=" + YEAR + "-Q1&currency=USD").body().get("total"), "weighted", "5000.00");
	}

	@Test
	void theHistoryForecastFollowsTheTrendOfPastBookings() throws SQLException {
		won(deal(sales, "October", 20_000_000, "VND", "need", (YEAR - 1) + "-12-01"), (YEAR - 1) + "-10-15");
		won(deal(sales, "November", 30_000_000, "VND", "need", (YEAR - 1) + "-12-01"), (YEAR - 1) + "-11-15");
		won(deal(sales, "December", 40_000_000, "VND", "need", (YEAR - 1) + "-12-01"), (YEAR - 1) + "-12-15");

		var forecast = manager.get("/api/v1/forecast?period=" + YEAR + "-Q1").body();

		// 20, 30, 40 million: the line goes on with 50, 60 and 70 million in January to March.
		amount(forecast, "fromHistory", "180000000");
		assertThat(forecast.get("history").size()).isEqualTo(3);
		assertThat(forecast.get("history").get(0).get("month").asString()).isEqualTo((YEAR - 1) + "-10");
		// One month ahead with only the first two months known: their average.
		amount(manager.get("/api/v1/forecast?period=" + (YEAR - 1) + "-12").body(), "fromHistory", "25000000");
	}

	@Test
	void badPeriodsAndCurrenciesNameTheirField() {
		var period = manager.get("/api/v1/forecast?period=" + YEAR + "-Q5");
		assertThat(period.status()).isEqualTo(422);
		assertThat(period.body().get("errors").get(0).get("field").asString()).isEqualTo("period");
		assertThat(period.body().get("errors").get(0).get("message").asString()).contains("2027-Q1");
		var currency = manager.get("/api/v1/forecast?period=" + YEAR + "-Q1&currency=XYZ");
		assertThat(currency.body().get("errors").get(0).get("field").asString()).isEqualTo("currency");
		var quota = sales.put("/api/v1/quotas", Map.of("userId", workspace.member(Role.SALES).id().toString(), "period", YEAR + "-Q1",
				"amount", 1));
		assertThat(quota.status()).isEqualTo(403);
		var negative = manager.put("/api/v1/quotas", Map.of("userId", workspace.member(Role.SALES).id().toString(), "period",
				YEAR + "-Q1", "amount", -5));
		assertThat(negative.body().get("errors").get(0).get("field").asString()).isEqualTo("amount");
	}

	@Test
	void anotherWorkspaceSeesNoneOfTheseDeals() {
		deal(sales, "Ours", 10_000_000, "VND", "proposal", YEAR + "-01-20");
		var other = workspaces.create();
		var stranger = new Api(port, other.member(Role.ADMIN).token());
		amount(stranger.get("/api/v1/forecast?period=" + YEAR + "-Q1&currency=VND").body().get("total"), "bestCase", "0");
	}

	private String deal(Api api, String name, long amount, String currency, String stage, String close) {
		var body = new HashMap<String, Object>(Map.of("name", name, "pipelineId", b2b.get("id").asString(), "stageId",
				stage(stage), "amount", amount, "currency", currency, "personId", person, "expectedCloseDate", close));
		var created = api.post("/api/v1/opportunities", body);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private String stage(String key) {
		var names = Map.of("need", 0, "specification", 1, "supplier", 2, "proposal", 3, "evaluation", 4);
		return b2b.get("stages").get(names.get(key)).get("id").asString();
	}

	/** Wins the deal, then moves its close date to the day given (the API closes it today). */
	private void won(String id, String day) throws SQLException {
		assertThat(sales.post("/api/v1/opportunities/" + id + "/won", null).status()).isEqualTo(200);
		closeOn(id, day);
	}

	private void lost(String id, String day) throws SQLException {
		assertThat(sales.post("/api/v1/opportunities/" + id + "/lost", Map.of("reason", "Giá cao")).status()).isEqualTo(200);
		closeOn(id, day);
	}

	private void closeOn(String id, String day) throws SQLException {
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

	private static Map<String, JsonNode> rows(JsonNode rows) {
		var map = new HashMap<String, JsonNode>();
		rows.forEach(r -> map.put(r.get("id").asString(), r.get("figures")));
		return map;
	}

	private static void amount(JsonNode node, String field, String expected) {
		assertThat(node.get(field)).as(field + " in " + node).isNotNull();
		assertThat(node.get(field).decimalValue()).as(field).isEqualByComparingTo(expected);
	}
}
