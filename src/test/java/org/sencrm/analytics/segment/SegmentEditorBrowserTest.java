package org.sencrm.analytics.segment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.Browser;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule editor on a phone: conditions clicked together, the live count following each change, the segment saved. */
@IntegrationTest
class SegmentEditorBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	Browser session;

	@BeforeEach
	void startBrowser() {
		session = Browser.start(port);
	}

	@AfterEach
	void stopBrowser() {
		if (session != null) {
			session.close();
		}
	}

	@Test
	void theLiveCountFollowsTheRuleAsItIsBuiltAndTheSegmentSaves() {
		var workspace = workspaces.create();
		var manager = workspace.member(Role.MANAGER);
		var api = new Api(port, manager.token());
		api.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "givenName", "An", "tags", List.of("vip")));
		api.post("/api/v1/persons", Map.of("familyName", "Trần", "givenName", "Bình", "tags", List.of("vip")));
		api.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Cường"));
		session.driver.manage().window().setSize(new Dimension(390, 844));
		session.signIn(manager.email(), TestWorkspaces.PASSWORD);

		session.open("/segments/new?type=person");
		session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-count"), "3"));

		session.click("#rule-editor .add-condition");
		new Select(session.await("#rule-editor .rule-field")).selectByValue("tags");
		var value = session.await("#rule-editor .rule-value input");
		value.sendKeys("vip");
		session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-count"), "2"));

		session.click("#rule-editor .rule-group-head input[type=checkbox]");
		session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-count"), "1"));

		var js = (JavascriptExecutor) session.driver;
		var width = ((Number) js.executeScript("return window.innerWidth")).intValue();
		assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue()).as("no sideways scroll on a phone")
				.isLessThanOrEqualTo(width);

		session.find("#name").sendKeys("Chưa phải VIP");
		session.click("#segment-form button[type=submit]");
		session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".segment-summary"), "1"));
		assertThat(session.find("h1").getText()).isEqualTo("Chưa phải VIP");
		assertThat(session.find(".records").getText()).contains("Lê Cường").doesNotContain("Nguyễn An");
	}
}
