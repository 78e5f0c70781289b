package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.Browser;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole duplicates flow in headless Chromium: the "Possible duplicates" page, Merge…, a field
 * chosen on the merge page (also on a 390 px phone, without sideways scrolling), the survivor's page
 * saying so, undo, and the data-quality page's links. Leaves screenshots for the user guide
 * (duplicates, merge-page, merge-page-phone, merge-done, data-quality).
 */
@IntegrationTest
class MergeBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Test
	void findsAPairMergesItChoosingTheNameSeesItOnTheSurvivorAndUndoesIt() {
		var workspace = workspaces.create();
		var manager = workspace.member(Role.MANAGER);
		var api = new Api(port, manager.token());
		var first = id(api.post("/api/v1/persons", Map.of("familyName", "Đặng", "middleName", "Thu", "givenName", "Hà",
				"emails", List.of(Map.of("address", "ha.dang@example.vn")), "phones", List.of(Map.of("number", "0908 765 432")),
				"tags", List.of("Khách sỉ"))));
		var second = id(api.post("/api/v1/persons", Map.of("familyName", "Dang", "givenName", "Ha", "birthday", "1991-07-09",
				"phones", List.of(Map.of("number", "0908765432")), "source", "Zalo", "tags", List.of("Hội chợ 2025"),
				"allowDuplicate", true)));
		var note = id(api.post("/api/v1/activities", Map.of("type", "note", "personId", second, "body", "<p>Hỏi giá sỉ</p>")));
		api.post("/api/v1/duplicates/scan?type=person", null);
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			var items = api.get("/api/v1/duplicates/scan?type=person").body().get("items");
			return !items.isEmpty() && "done".equals(items.get(0).get("status").asString());
		});

		try (var browser = Browser.start(port)) {
			browser.signIn(manager.email(), TestWorkspaces.PASSWORD);
			browser.open("/data-quality");
			assertThat(browser.find(".quality-in-groups").getText()).endsWith("2");
			browser.screenshot("data-quality");
			browser.open("/duplicates");
			assertThat(browser.find(".duplicate-group").getText()).contains("Đặng Thu Hà", "Dang Ha");
			browser.screenshot("duplicates");

			browser.click(".duplicate-group .page-head a.button");
			browser.await("form.merge-form");
			// the newer record's name is the default; the user keeps the first's, with its accents
			var accented = "input[name='field.name'][value='" + first + "']";
			assertThat(browser.find(accented).isSelected()).isFalse();
			browser.click(accented);
			assertThat(browser.find("#record-" + second + " .merge-linked").getText()).contains("Timeline entries");
			browser.screenshot("merge-page");

			browser.driver.manage().window().setSize(new Dimension(390, 844));
			var js = (JavascriptExecutor) browser.driver;
			var width = ((Number) js.executeScript("return window.innerWidth")).intValue();
			assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(width);
			browser.screenshot("merge-page-phone");
			browser.driver.manage().window().setSize(new Dimension(1280, 900));

			browser.click("#confirm-merge");
			browser.await(".merge-notice");
			assertThat(browser.driver.getCurrentUrl()).endsWith("/persons/" + first);
			assertThat(browser.find("h1").getText()).isEqualTo("Đặng Thu Hà");
			assertThat(browser.find("main").getText()).contains("Hội chợ 2025", "Khách sỉ");
			browser.screenshot("merge-done");
			assertThat(api.get("/api/v1/activities/" + note).body().get("personId").asString()).isEqualTo(first);

			browser.click("#undo-merge");
			browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
			browser.await(".flash");
			assertThat(browser.find(".flash").getText()).contains("Merge undone");
			assertThat(browser.driver.findElements(By.cssSelector(".merge-notice"))).isEmpty();
			assertThat(api.get("/api/v1/persons/" + second).status()).isEqualTo(200);
			assertThat(api.get("/api/v1/activities/" + note).body().get("personId").asString()).isEqualTo(second);

			browser.open("/data-quality");
			browser.click(".quality-email a.without");
			browser.await(".results");
			assertThat(browser.find("details.quality-filters").getAttribute("open")).isNotNull();
			assertThat(browser.find(".results").getText()).contains("Dang Ha").doesNotContain("Đặng Thu Hà");
		}
	}

	private static String id(Api.Response created) {
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}
}
