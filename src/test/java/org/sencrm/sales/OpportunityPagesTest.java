package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

/** The board, the opportunity list, page and form, and the pipelines page, through the web. */
@IntegrationTest
class OpportunityPagesTest {

	/** Expected close dates fall in next year, so that none passes by. */
	private static final int YEAR = TestDates.today().getYear() + 1;

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api api;
	WebSession sales;
	String person;
	JsonNode b2c;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		api = new Api(port, workspace.member(Role.SALES).token());
		sales = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		person = api.post("/api/v1/persons", Map.of("familyName", "Đỗ", "givenName", "Hùng")).body().get("id").asString();
		b2c = api.get("/api/v1/pipelines").body().get(1);
	}

	@Test
	void theBoardShowsAColumnPerStageWithCountsAndSumsPerCurrency() {
		create("Tivi 65 inch", 0, Map.of("amount", 1000000));
		create("Loa thanh", 0, Map.of("amount", 2500000));
		create("Máy giặt", 0, Map.of("amount", 300, "currency", "USD"));
		create("Điều hòa", 1, Map.of("amount", 12000000));

		var page = sales.get("/sales/board?pipeline=" + b2c.get("id").asString());

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text("h1")).isEqualTo("B2C — consumer sale");
		var columns = page.html().select(".board-column");
		assertThat(columns.eachAttr("data-stage")).hasSize(5);
		assertThat(columns.get(0).select("h2 span").first().text()).isEqualTo("New");
		assertThat(columns.get(0).select(".column-count").text()).isEqualTo("3 opportunities");
		assertThat(columns.get(0).select(".column-sum").eachText()).containsExactly("₫3,500,000", "$300.00");
		assertThat(columns.get(0).select(".deal .deal-name").eachText()).containsExactly("Tivi 65 inch", "Loa thanh", "Máy giặt");
		assertThat(columns.get(0).select(".deal").first().text()).contains("Đỗ Hùng");
		assertThat(columns.get(1).select(".column-count").text()).isEqualTo("1 opportunity");
		assertThat(columns.get(2).select(".column-count").text()).isEqualTo("no opportunities");
		assertThat(page.html().select("#move-dialog select option").eachText()).containsExactly("New", "Contacted", "Offer", "Won", "Lost");
		assertThat(page.html().select("nav.sidebar a.active").text()).isEqualTo("Board");
	}

	@Test
	void theBoardFiltersByOwnerTeamAndCloseMonth() {
		create("Tháng một", 0, Map.of("expectedCloseDate", YEAR + "-01-15"));
		create("Tháng hai của nhóm", 0, Map.of("expectedCloseDate", YEAR + "-02-15", "ownerTeamId", workspace.teamId().toString()));
		var manager = WebSession.signedIn(port, workspace.member(Role.MANAGER).email());
		var board = "/sales/board?pipeline=" + b2c.get("id").asString();

		assertThat(cards(manager.get(board + "&closeMonth=" + YEAR + "-02"))).containsExactly("Tháng hai của nhóm");
		assertThat(cards(manager.get(board + "&teamId=" + workspace.teamId()))).containsExactly("Tháng hai của nhóm");
		assertThat(cards(manager.get(board + "&ownerId=" + workspace.member(Role.MANAGER).id()))).isEmpty();
		assertThat(cards(manager.get(board))).containsExactly("Tháng một", "Tháng hai của nhóm");
		assertThat(cards(WebSession.signedIn(port, workspace.otherSales().email()).get(board))).isEmpty();
	}

	@Test
	void aCardMovesWithItsFormAndALostStageAsksForTheReason() {
		var id = create("Bếp từ", 0, Map.of());
		var board = sales.get("/sales/board?pipeline=" + b2c.get("id").asString());

		assertThat(board.html().select("li[data-card=" + id + "] a[data-move]").attr("href")).isEqualTo("/sales/opportunities/" + id + "#stage");
		var moved = sales.submit(board, "#board-move", Map.of("opportunityId", id, "stageId", stage(2)));

		assertThat(moved.status()).isEqualTo(302);
		var after = sales.follow(moved);
		assertThat(after.html().select(".board-column").get(2).select(".deal-name").eachText()).containsExactly("Bếp từ");
		assertThat(after.text(".board-status")).isEqualTo("Bếp từ moved to Offer.");

		var toLost = sales.submit(after, "#board-move", Map.of("opportunityId", id, "stageId", stage(4)));
		assertThat(toLost.location()).contains("/sales/opportunities/" + id + "/lose?stageId=" + stage(4));
		var form = sales.follow(toLost);
		var refused = sales.submit(form, "form.record-form", Map.of("reason", " "));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text(".field-error")).isEqualTo("Say why the opportunity was lost.");
		var lost = sales.submit(form, "form.record-form", Map.of("reason", "Khách chọn hãng khác"));
		assertThat(lost.location()).contains("/sales/board?pipeline=");
		assertThat(api.get("/api/v1/opportunities/" + id).body().get("lostReason").asString()).isEqualTo("Khách chọn hãng khác");
	}

	@Test
	void anOpportunityIsCreatedFromTheFormAndItsPageShowsTheStageHistory() {
		var form = sales.get("/sales/opportunities/new?pipeline=" + b2c.get("id").asString());
		assertThat(form.html().select("select#stageId option[selected]").text()).isEqualTo("New");

		var refused = sales.submit(form, "form.record-form", Map.of("name", "Máy lọc không khí", "amount", "4990000.5"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text("#amount-error")).isEqualTo("VND amounts have no decimals.");
		assertThat(refused.text("#personId-error")).isEqualTo("Choose the customer: a person or an organization.");

		var created = sales.submitAll(form, "form.record-form", Map.of("name", List.of("Máy lọc không khí"), "amount",
				List.of("4990000"), "personId", List.of(person), "newContactId", List.of(person), "newContactRoles",
				List.of("decider", "user"), "competitors", List.of("Sharp, Xiaomi"), "nextStep", List.of("Gọi lại thứ Hai")));
		assertThat(created.status()).isEqualTo(302);
		var page = sales.follow(created);
		assertThat(page.text("h1")).isEqualTo("Máy lọc không khí");
		assertThat(page.html().select(".facts dd").eachText()).contains("Đỗ Hùng", "₫4,990,000", "Gọi lại thứ Hai");
		assertThat(page.html().select(".facts .chip").eachText()).containsExactly("Sharp", "Xiaomi");
		assertThat(page.html().select(".role-list li").text()).contains("Đỗ Hùng").contains("Decider").contains("User");
		assertThat(page.html().select("#stage-history tbody tr")).hasSize(1);
		assertThat(page.html().select("#stage-history tbody td").first().text()).isEqualTo("New");
		assertThat(page.html().select("#timeline [hx-get]").attr("hx-get")).isEqualTo("/persons/" + person + "/timeline-panel");

		var id = created.location().substring(created.location().lastIndexOf('/') + 1);
		var moved = sales.submit(page, "form.move-form", Map.of("stageId", stage(1)));
		assertThat(moved.location()).endsWith("/sales/opportunities/" + id);
		var history = sales.follow(moved).html().select("#stage-history tbody tr");
		assertThat(history).hasSize(2);
		assertThat(history.get(1).text()).contains("Contacted").contains("New").contains("now");
		var edit = sales.get("/sales/opportunities/" + id + "/edit");
		var saved = sales.submit(edit, "form.record-form", Map.of("name", "Máy lọc không khí Sharp"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(api.get("/api/v1/opportunities/" + id).body().get("contacts").get(0).get("roles")).hasSize(2);
	}

	@Test
	void theListFiltersAndLinksToTheBoard() {
		create("Đang mở", 0, Map.of());
		var won = create("Đã thắng", 1, Map.of());
		api.post("/api/v1/opportunities/" + won + "/won", null);

		var all = sales.get("/sales/opportunities");
		var onlyWon = sales.get("/sales/opportunities?status=won");

		assertThat(all.html().select("td.primary-cell").eachText()).containsExactlyInAnyOrder("Đang mở", "Đã thắng");
		assertThat(onlyWon.html().select("td.primary-cell").eachText()).containsExactly("Đã thắng");
		assertThat(onlyWon.html().select("td .badge").text()).isEqualTo("Won");
	}

	@Test
	void managersChangeStagesOnThePipelinesPageOthersOnlyReadIt() {
		var manager = WebSession.signedIn(port, workspace.member(Role.MANAGER).email());
		var page = manager.get("/sales/pipelines");
		var pipelineId = b2c.get("id").asString();

		var added = manager.submit(page, "#pipeline-" + pipelineId + " form.add-stage", Map.of("name", "Dùng thử", "probability", "40"));
		assertThat(added.status()).isEqualTo(302);
		var after = manager.follow(added);
		assertThat(after.text(".flash")).isEqualTo("Stage added.");
		assertThat(after.html().select("#pipeline-" + pipelineId + " input[name=name][id^=stage-name]").eachAttr("value"))
				.containsExactly("New", "Contacted", "Offer", "Dùng thử", "Won", "Lost");

		var salesPage = sales.get("/sales/pipelines");
		assertThat(salesPage.has("form.add-stage")).isFalse();
		assertThat(salesPage.html().select("#pipeline-" + pipelineId + " td.primary-cell").eachText()).contains("Dùng thử");
	}

	private List<String> cards(WebSession.Page page) {
		return page.html().select(".deal .deal-name").eachText();
	}

	private String stage(int index) {
		return b2c.get("stages").get(index).get("id").asString();
	}

	private String create(String name, int stage, Map<String, Object> more) {
		var body = new HashMap<String, Object>(Map.of("name", name, "stageId", stage(stage), "personId", person,
				"expectedCloseDate", YEAR + "-03-31"));
		body.putAll(more);
		var created = api.post("/api/v1/opportunities", body);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}
}
