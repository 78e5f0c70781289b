package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Opportunities through the API: shapes, moves and their history, won and lost, money, access. */
@IntegrationTest
@Import(SalesEvents.class)
class OpportunityApiTest {

	/** Expected close dates fall in next year, so that none passes by. */
	private static final int YEAR = TestDates.today().getYear() + 1;

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	SalesEvents events;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	String person;
	String organization;
	JsonNode b2b;
	JsonNode b2c;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = api(Role.SALES).header("Accept-Language", "en");
		person = sales.post("/api/v1/persons", Map.of("familyName", "Trần", "givenName", "Mai")).body().get("id").asString();
		organization = sales.post("/api/v1/organizations", Map.of("name", "Công ty Sông Hồng")).body().get("id").asString();
		var pipelines = sales.get("/api/v1/pipelines").body();
		b2b = pipelines.get(0);
		b2c = pipelines.get(1);
	}

	@Test
	void createsAnOpportunityWithTheDocumentedShape() {
		var created = sales.post("/api/v1/opportunities", Map.of("name", "20 bản quyền phần mềm", "pipelineId", id(b2b),
				"stageId", stageId(b2b, 1), "amount", 150000000, "currency", "VND", "organizationId", organization,
				"expectedCloseDate", YEAR + "-03-31"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(created.header("Location")).endsWith("/api/v1/opportunities/" + created.body().get("id").asString());
		var body = created.body();
		assertThat(body.get("name").asString()).isEqualTo("20 bản quyền phần mềm");
		assertThat(body.get("stageId").asString()).isEqualTo(stageId(b2b, 1));
		assertThat(body.get("pipelineId").asString()).isEqualTo(id(b2b));
		assertThat(body.get("status").asString()).isEqualTo("open");
		assertThat(body.get("amount").decimalValue()).isEqualByComparingTo("150000000");
		assertThat(body.get("amount").toString()).isEqualTo("150000000");
		assertThat(body.get("currency").asString()).isEqualTo("VND");
		assertThat(body.get("organizationId").asString()).isEqualTo(organization);
		assertThat(body.get("expectedCloseDate").asString()).isEqualTo(YEAR + "-03-31");
		assertThat(body.get("ownerId").asString()).isEqualTo(workspace.member(Role.SALES).id().toString());
		var read = sales.get("/api/v1/opportunities/" + body.get("id").asString());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
	}

	@Test
	void listsFilterByPipelineStageOwnerTeamCloseMonthAndStatusAndPageByCursor() {
		var first = create("A", b2c, 0, Map.of("expectedCloseDate", YEAR + "-01-10"));
		var second = create("B", b2c, 1, Map.of("expectedCloseDate", YEAR + "-01-20", "ownerTeamId", workspace.teamId().toString()));
		var third = create("C", b2b, 0, Map.of("expectedCloseDate", YEAR + "-02-05", "organizationId", organization, "personId", ""));
		var manager = api(Role.MANAGER);
		var managerOwn = manager.post("/api/v1/opportunities", Map.of("name", "D", "pipelineId", id(b2c), "personId", person,
				"expectedCloseDate", YEAR + "-01-15")).body().get("id").asString();

		assertThat(names(manager.get("/api/v1/opportunities?pipelineId=" + id(b2c)))).containsExactly("A", "D", "B");
		assertThat(names(manager.get("/api/v1/opportunities?stageId=" + stageId(b2c, 1)))).containsExactly("B");
		assertThat(names(manager.get("/api/v1/opportunities?closeMonth=" + YEAR + "-02"))).containsExactly("C");
		assertThat(names(manager.get("/api/v1/opportunities?ownerId=" + workspace.member(Role.MANAGER).id()))).containsExactly("D");
		assertThat(names(manager.get("/api/v1/opportunities?teamId=" + workspace.teamId()))).containsExactly("B");
		sales.post("/api/v1/opportunities/" + first + "/won", null);
		assertThat(names(manager.get("/api/v1/opportunities?status=won"))).containsExactly("A");
		assertThat(names(manager.get("/api/v1/opportunities?organizationId=" + organization))).containsExactly("C");

		var page1 = manager.get("/api/v1/opportunities?limit=2&status=open").body();
		assertThat(names(page1)).hasSize(2);
		var page2 = manager.get("/api/v1/opportunities?limit=2&status=open&cursor=" + page1.get("nextCursor").asString()).body();
		assertThat(names(page2)).hasSize(1);
		assertThat(page2.has("nextCursor")).isFalse();
		assertThat(List.of(second, third, managerOwn)).isNotEmpty();
		assertThat(manager.get("/api/v1/opportunities?closeMonth=january").status()).isEqualTo(422);
	}

	@Test
	void aStageMoveIsKeptWithTimeInStageAndShowsOnTheCustomersTimeline() {
		var id = create("Tủ lạnh Side by Side", b2c, 0, Map.of());

		var moved = sales.post("/api/v1/opportunities/" + id + "/stage", Map.of("stageId", stageId(b2c, 1)));

		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.body().get("stageId").asString()).isEqualTo(stageId(b2c, 1));
		assertThat(moved.header("ETag")).isEqualTo("\"1\"");
		var history = sales.get("/api/v1/opportunities/" + id + "/stage-history").body();
		var changes = history.get("changes");
		assertThat(changes).hasSize(2);
		assertThat(changes.get(0).has("fromStageId")).isFalse();
		assertThat(changes.get(0).get("toStage").asString()).isEqualTo("New");
		assertThat(changes.get(1).get("fromStage").asString()).isEqualTo("New");
		assertThat(changes.get(1).get("toStage").asString()).isEqualTo("Contacted");
		assertThat(changes.get(1).get("changedBy").asString()).isEqualTo(workspace.member(Role.SALES).id().toString());
		assertThat(changes.get(1).get("current").asBoolean()).isTrue();
		assertThat(changes.get(0).get("secondsInStage").asLong()).isGreaterThanOrEqualTo(0);
		assertThat(history.get("timeInStages").valueStream().map(t -> t.get("stage").asString()).toList())
				.containsExactly("New", "Contacted");

		await().atMost(Publications.PATIENCE).untilAsserted(() -> assertThat(timeline("/api/v1/persons/" + person + "/timeline"))
				.containsExactly("Opportunity Tủ lạnh Side by Side: New → Contacted", "New opportunity Tủ lạnh Side by Side (New)"));
		var entry = sales.get("/api/v1/persons/" + person + "/timeline").body().get("items").get(0);
		assertThat(entry.get("recordType").asString()).isEqualTo("opportunity");
		assertThat(entry.get("recordId").asString()).isEqualTo(id);
		var changed = events.of(OpportunityStageChanged.class).stream().filter(e -> e.opportunityId().toString().equals(id)).toList();
		assertThat(changed).hasSize(2);
		assertThat(changed.get(1).fromStageId().toString()).isEqualTo(stageId(b2c, 0));
	}

	@Test
	void aLostOpportunityNeedsItsReasonAndWinningOrLosingClosesIt() {
		var id = create("Máy lọc nước", b2c, 2, Map.of("expectedCloseDate", "2030-06-30"));

		var noReason = sales.post("/api/v1/opportunities/" + id + "/lost", Map.of());
		var noReasonByMove = sales.post("/api/v1/opportunities/" + id + "/stage", Map.of("stageId", stageOfKind(b2c, "lost")));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.body().get("errors").get(0).get("field").asString()).isEqualTo("lostReason");
		assertThat(noReasonByMove.status()).isEqualTo(422);
		assertThat(sales.get("/api/v1/opportunities/" + id).body().get("status").asString()).isEqualTo("open");

		var lost = sales.post("/api/v1/opportunities/" + id + "/lost", Map.of("reason", "Giá cao hơn đối thủ")).body();
		assertThat(lost.get("status").asString()).isEqualTo("lost");
		assertThat(lost.get("lostReason").asString()).isEqualTo("Giá cao hơn đối thủ");
		assertThat(lost.get("stageId").asString()).isEqualTo(stageOfKind(b2c, "lost"));
		assertThat(lost.get("closedAt").asString()).isNotBlank();
		assertThat(lost.get("expectedCloseDate").asString()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString());

		var won = sales.post("/api/v1/opportunities/" + id + "/won", null).body();
		assertThat(won.get("status").asString()).isEqualTo("won");
		assertThat(won.has("lostReason")).isFalse();
		var reopened = sales.post("/api/v1/opportunities/" + id + "/stage", Map.of("stageId", stageId(b2c, 0))).body();
		assertThat(reopened.get("status").asString()).isEqualTo("open");
		assertThat(reopened.has("closedAt")).isFalse();

		assertThat(events.of(OpportunityLost.class).stream().filter(e -> e.opportunityId().toString().equals(id))
				.map(OpportunityLost::reason).toList()).containsExactly("Giá cao hơn đối thủ");
		assertThat(events.of(OpportunityWon.class).stream().filter(e -> e.opportunityId().toString().equals(id))).hasSize(1);
		await().atMost(Publications.PATIENCE).untilAsserted(() -> assertThat(timeline("/api/v1/persons/" + person + "/timeline"))
				.contains("Opportunity lost: Máy lọc nước (Lost)", "Opportunity won: Máy lọc nước (Won)"));
	}

	@Test
	void inTheB2bPipelineOrderAndPerformanceReviewAreBothWon() {
		var id = create("Hệ thống ERP", b2b, 4, Map.of("organizationId", organization, "personId", ""));

		var ordered = sales.post("/api/v1/opportunities/" + id + "/won", null).body();
		var reviewed = sales.post("/api/v1/opportunities/" + id + "/stage", Map.of("stageId", stageId(b2b, 6))).body();

		assertThat(ordered.get("stageId").asString()).isEqualTo(stageId(b2b, 5));
		assertThat(ordered.get("status").asString()).isEqualTo("won");
		assertThat(reviewed.get("status").asString()).isEqualTo("won");
		assertThat(reviewed.get("closedAt").asString()).isEqualTo(ordered.get("closedAt").asString());
		assertThat(events.of(OpportunityWon.class).stream().filter(e -> e.opportunityId().toString().equals(id))).hasSize(1);
	}

	@Test
	void amountsHaveNoMoreDecimalsThanTheirCurrency() {
		assertThat(field(createRaw(Map.of("amount", 1500000.5, "currency", "VND")))).isEqualTo("amount");
		assertThat(field(createRaw(Map.of("amount", "12.345", "currency", "USD")))).isEqualTo("amount");
		assertThat(field(createRaw(Map.of("amount", -1, "currency", "USD")))).isEqualTo("amount");
		assertThat(field(createRaw(Map.of("amount", 10, "currency", "ABC")))).isEqualTo("currency");
		assertThat(field(createRaw(Map.of("amount", "1e16", "currency", "VND")))).isEqualTo("amount");

		var vnd = createRaw(Map.of("amount", "1500000.00"));
		var usd = createRaw(Map.of("amount", "12.5", "currency", "usd"));
		var yen = createRaw(Map.of("amount", 1200, "currency", "JPY"));
		assertThat(vnd.status()).isEqualTo(201);
		assertThat(vnd.body().get("currency").asString()).isEqualTo("VND");
		assertThat(vnd.body().get("amount").toString()).isEqualTo("1500000");
		assertThat(usd.body().get("currency").asString()).isEqualTo("USD");
		assertThat(usd.body().get("amount").decimalValue()).isEqualByComparingTo("12.50");
		assertThat(yen.body().get("amount").toString()).isEqualTo("1200");
		var message = createRaw(Map.of("amount", 1500000.5, "currency", "VND")).body().get("errors").get(0).get("message").asString();
		assertThat(message).isEqualTo("VND amounts have no decimals.");
	}

	@Test
	void everyInvalidFieldIsNamedAtOnce() {
		var refused = sales.post("/api/v1/opportunities", Map.of("name", " ", "pipelineId", id(b2c), "personId", person,
				"organizationId", organization, "contacts", List.of(Map.of("personId", person, "roles", List.of("boss")))));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
				.contains("name", "organizationId", "expectedCloseDate", "contacts[0].roles");
	}

	@Test
	void keepsTheBuyingCenterCompetitorsAndNextStepAndPatchesWithIfMatch() {
		var id = create("Phòng họp thông minh", b2b, 0, Map.of("organizationId", organization, "personId", "",
				"contacts", List.of(Map.of("personId", person, "roles", List.of("decider", "buyer"))),
				"competitors", List.of("Hikvision", "Dahua"), "nextStep", "Gửi bản mô tả kỹ thuật"));
		var read = sales.get("/api/v1/opportunities/" + id).body();
		assertThat(read.get("contacts").get(0).get("personId").asString()).isEqualTo(person);
		assertThat(read.get("contacts").get(0).get("roles").valueStream().map(JsonNode::asString).toList())
				.containsExactly("decider", "buyer");
		assertThat(read.get("competitors").valueStream().map(JsonNode::asString).toList()).containsExactly("Hikvision", "Dahua");

		var patched = sales.header("If-Match", "\"0\"").patch("/api/v1/opportunities/" + id, Map.of("nextStep", "Demo tại văn phòng"));
		var stale = sales.header("If-Match", "\"0\"").patch("/api/v1/opportunities/" + id, Map.of("nextStep", "Khác"));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.body().get("nextStep").asString()).isEqualTo("Demo tại văn phòng");
		assertThat(patched.body().get("competitors")).hasSize(2);
		assertThat(patched.header("ETag")).isEqualTo("\"1\"");
		assertThat(stale.status()).isEqualTo(412);
		var history = sales.get("/api/v1/opportunities/" + id + "/history").body();
		assertThat(history.get(0).get("changes").get("nextStep").get("to").asString()).isEqualTo("Demo tại văn phòng");
	}

	@Test
	void salesSeeTheirOwnAndTheirTeamsOpportunitiesOthersSeeAll() {
		var own = create("Của tôi", b2c, 0, Map.of());
		var shared = create("Của nhóm", b2c, 0, Map.of("ownerTeamId", workspace.teamId().toString()));
		var teamMate = new Api(port, workspaces.member("teammate-" + workspace.member(Role.SALES).email().substring(6)).token());
		var otherSales = new Api(port, workspace.otherSales().token());

		assertThat(teamMate.get("/api/v1/opportunities/" + shared).status()).isEqualTo(200);
		assertThat(teamMate.get("/api/v1/opportunities/" + own).status()).isEqualTo(404);
		assertThat(names(teamMate.get("/api/v1/opportunities"))).containsExactly("Của nhóm");
		assertThat(teamMate.post("/api/v1/opportunities/" + shared + "/stage", Map.of("stageId", stageId(b2c, 1))).status())
				.isEqualTo(200);
		assertThat(otherSales.get("/api/v1/opportunities/" + own).status()).isEqualTo(404);
		assertThat(otherSales.patch("/api/v1/opportunities/" + own, Map.of("name", "x")).status()).isEqualTo(404);
		assertThat(names(otherSales.get("/api/v1/opportunities"))).isEmpty();
		assertThat(names(api(Role.MANAGER).get("/api/v1/opportunities"))).containsExactlyInAnyOrder("Của tôi", "Của nhóm");
		assertThat(api(Role.MANAGER).patch("/api/v1/opportunities/" + own, Map.of("name", "Đổi tên")).status()).isEqualTo(200);

		var viewer = api(Role.VIEWER);
		assertThat(names(viewer.get("/api/v1/opportunities"))).hasSize(2);
		assertThat(viewer.patch("/api/v1/opportunities/" + own, Map.of("name", "x")).status()).isEqualTo(403);
		assertThat(viewer.post("/api/v1/opportunities", Map.of("name", "x", "pipelineId", id(b2c), "personId", person,
				"expectedCloseDate", YEAR + "-01-01")).status()).isEqualTo(403);
		assertThat(sales.patch("/api/v1/opportunities/" + own, Map.of("ownerId", workspace.member(Role.MANAGER).id().toString()))
				.status()).isEqualTo(403);

		var elsewhere = new Api(port, workspaces.create().member(Role.ADMIN).token());
		assertThat(elsewhere.get("/api/v1/opportunities/" + own).status()).isEqualTo(404);
		assertThat(elsewhere.post("/api/v1/opportunities/" + own + "/won", null).status()).isEqualTo(404);
		assertThat(names(elsewhere.get("/api/v1/opportunities"))).isEmpty();
		assertThat(elsewhere.post("/api/v1/opportunities", Map.of("name", "x", "pipelineId", id(b2c), "personId", person,
				"expectedCloseDate", YEAR + "-01-01")).body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
				.containsExactly("pipelineId", "personId");
	}

	@Test
	void theBoardJsonHasAColumnPerStageWithTotalsPerCurrency() {
		create("A", b2c, 0, Map.of("amount", 1000000));
		create("B", b2c, 0, Map.of("amount", 2500000));
		create("C", b2c, 0, Map.of("amount", 100, "currency", "USD"));
		create("D", b2c, 1, Map.of());

		var board = sales.get("/api/v1/pipelines/" + id(b2c) + "/board").body();

		var columns = board.get("columns");
		assertThat(columns).hasSize(5);
		var first = columns.get(0);
		assertThat(first.get("count").asLong()).isEqualTo(3);
		assertThat(first.get("cards")).hasSize(3);
		assertThat(first.get("totals").valueStream().map(t -> t.get("currency").asString() + " " + t.get("count").asLong() + " "
				+ t.get("sum").decimalValue().stripTrailingZeros().toPlainString()).toList()).containsExactly("VND 2 3500000", "USD 1 100");
		assertThat(first.get("cards").get(0).get("customerName").asString()).isEqualTo("Trần Mai"); // a Vietnamese name, family name first in every language
		assertThat(columns.get(1).get("count").asLong()).isEqualTo(1);
	}

	private String create(String name, JsonNode pipeline, int stage, Map<String, Object> more) {
		var body = new HashMap<String, Object>(Map.of("name", name, "pipelineId", id(pipeline), "stageId", stageId(pipeline, stage),
				"personId", person, "expectedCloseDate", YEAR + "-03-31"));
		body.putAll(more);
		body.values().removeIf(v -> "".equals(v));
		var created = sales.post("/api/v1/opportunities", body);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private Api.Response createRaw(Map<String, Object> more) {
		var body = new HashMap<String, Object>(Map.of("name", "Deal", "pipelineId", id(b2c), "personId", person,
				"expectedCloseDate", YEAR + "-03-31"));
		body.putAll(more);
		return sales.post("/api/v1/opportunities", body);
	}

	private List<String> timeline(String path) {
		return sales.get(path).body().get("items").valueStream().map(e -> e.path("subject").asString("")).toList();
	}

	private Api api(Role role) {
		return new Api(port, workspace.member(role).token());
	}

	private static String field(Api.Response response) {
		assertThat(response.status()).isEqualTo(422);
		return response.body().get("errors").get(0).get("field").asString();
	}

	private static List<String> names(Api.Response response) {
		return names(response.body());
	}

	private static List<String> names(JsonNode page) {
		var names = new ArrayList<String>();
		page.get("items").forEach(o -> names.add(o.get("name").asString()));
		return names;
	}

	static String id(JsonNode node) {
		return node.get("id").asString();
	}

	static String stageId(JsonNode pipeline, int index) {
		return pipeline.get("stages").get(index).get("id").asString();
	}

	static String stageOfKind(JsonNode pipeline, String kind) {
		return pipeline.get("stages").valueStream().filter(s -> s.get("kind").asString().equals(kind)).findFirst().orElseThrow()
				.get("id").asString();
	}
}
