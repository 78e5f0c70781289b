package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.Browser;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestDates;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Moving deals across the board in headless Chromium: by drag and drop (HTML5 drag events, which
 * WebDriver cannot produce, are dispatched from JavaScript as a browser would), and from the
 * keyboard with the stage select on the card.
 */
@IntegrationTest
class BoardBrowserTest {

	/** The dates below are in next year and the two before it, so that no date passes by. */
	private static final int YEAR = TestDates.today().getYear() + 1;

	/** dragstart on the card, dragover and drop on the column, dragend: what a mouse drag fires in a browser. */
	private static final String DRAG = """
			const card = arguments[0], column = arguments[1];
			const data = new DataTransfer();
			const fire = (target, type) => target.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
			fire(card, 'dragstart');
			fire(column, 'dragenter');
			fire(column, 'dragover');
			fire(column, 'drop');
			fire(card, 'dragend');
			""";

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Test
	void dragsADealToTheNextStageAndMovesAnotherWithTheKeyboard() {
		var workspace = workspaces.create();
		var sales = workspace.member(Role.SALES);
		var api = new Api(port, sales.token());
		var person = api.post("/api/v1/persons", Map.of("familyName", "Vũ", "givenName", "Linh")).body().get("id").asString();
		var organization = api.post("/api/v1/organizations", Map.of("name", "Công ty Cổ phần Bông Sen")).body().get("id").asString();
		var b2b = api.get("/api/v1/pipelines").body().get(0);
		var stages = b2b.get("stages");
		var dragged = api.post("/api/v1/opportunities", Map.of("name", "Máy chủ cho chi nhánh", "stageId",
				stages.get(0).get("id").asString(), "organizationId", organization, "amount", 480000000,
				"expectedCloseDate", YEAR + "-04-30")).body().get("id").asString();
		var keyed = api.post("/api/v1/opportunities", Map.of("name", "Bảo trì năm 2027", "stageId", stages.get(0).get("id").asString(),
				"personId", person, "amount", 36000000, "expectedCloseDate", YEAR + "-02-28")).body().get("id").asString();
		var specification = stages.get(1).get("id").asString();
		var proposal = stages.get(3).get("id").asString();

		try (var browser = Browser.start(port)) {
			browser.signIn(sales.email(), TestWorkspaces.PASSWORD);
			browser.open("/sales/board");
			browser.await("li[data-card='" + dragged + "']");

			var card = browser.find("li[data-card='" + dragged + "']");
			var column = browser.find(".board-column[data-stage='" + specification + "']");
			((JavascriptExecutor) browser.driver).executeScript(DRAG, card, column);

			browser.wait.until(ExpectedConditions.presenceOfElementLocated(
					By.cssSelector(".board-column[data-stage='" + specification + "'] li[data-card='" + dragged + "']")));
			assertThat(browser.find(".board-column[data-stage='" + specification + "'] .column-count").getText())
					.isEqualTo("1 opportunity");
			assertThat(browser.find(".board-status").getText()).isEqualTo("Máy chủ cho chi nhánh moved to Specification.");
			assertThat(api.get("/api/v1/opportunities/" + dragged).body().get("stageId").asString()).isEqualTo(specification);

			// The keyboard path: Enter on the card's Move link opens the dialog with the focus on the stage select;
			// the arrow keys choose a stage, Tab reaches Move, Enter moves.
			browser.find("li[data-card='" + keyed + "'] a[data-move]").sendKeys(Keys.ENTER);
			browser.wait.until(d -> d.switchTo().activeElement().getAttribute("id").equals("move-dialog-stage"));
			assertThat(browser.find("#move-dialog .move-dialog-name").getText()).isEqualTo("Bảo trì năm 2027");
			var select = browser.driver.switchTo().activeElement();
			select.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
			assertThat(new Select(select).getFirstSelectedOption().getAttribute("value")).isEqualTo(proposal);
			select.sendKeys(Keys.TAB);
			browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);

			browser.wait.until(ExpectedConditions.presenceOfElementLocated(
					By.cssSelector(".board-column[data-stage='" + proposal + "'] li[data-card='" + keyed + "']")));
			browser.wait.until(d -> keyed.equals(d.switchTo().activeElement().getAttribute("data-move")));
			assertThat(api.get("/api/v1/opportunities/" + keyed).body().get("stageId").asString()).isEqualTo(proposal);
			assertThat(api.get("/api/v1/opportunities/" + keyed + "/stage-history").body().get("changes")).hasSize(2);
			browser.screenshot("sales-board");

			browser.open("/sales/opportunities/" + dragged);
			assertThat(browser.find("#stage-history").getText()).contains("Specification");
			browser.screenshot("opportunity");

			// Won today: it counts in this quarter's dashboard.
			assertThat(api.post("/api/v1/opportunities/" + dragged + "/won", null).status()).isEqualTo(200);
			browser.open("/sales/dashboard");
			assertThat(browser.find(".bar-row .bar-value").getText()).contains("480");
			assertThat(browser.find("table.owners tbody").getText()).containsIgnoringCase(sales.email().replace("@test.sen", "").replaceFirst("-", " "));
			browser.screenshot("sales-dashboard");
		}
	}
}
