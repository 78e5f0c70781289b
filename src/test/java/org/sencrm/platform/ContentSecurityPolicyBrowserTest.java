package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.Browser;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Under the real policy in a real browser: an inline script does not run, and htmx and Swagger UI still work. */
@IntegrationTest
class ContentSecurityPolicyBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	Browser browser;

	@BeforeEach
	void start() {
		browser = Browser.start(port);
	}

	@AfterEach
	void stop() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void htmxSearchAsYouTypeWorksWhileInlineScriptsAreBlocked() {
		var member = workspaces.create().member(Role.SALES);
		new Api(port, member.token()).post("/api/v1/persons", Map.of("familyName", "Đặng", "givenName", "Hương"));
		browser.signIn(member.email(), TestWorkspaces.PASSWORD);
		browser.open("/persons");
		var js = (JavascriptExecutor) browser.driver;

		var ranInline = js.executeScript("""
				var s = document.createElement('script'); s.textContent = 'window.senInlineRan = true;';
				document.head.appendChild(s); return window.senInlineRan === true;""");
		browser.find(".global-search input").sendKeys("dang huong");

		assertThat(ranInline).as("the policy blocks inline scripts").isEqualTo(false);
		browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-live"), "Đặng"));
		assertThat(js.executeScript("return document.querySelectorAll('head style').length")).as("htmx added no inline style")
				.isEqualTo(0L);
	}

	@Test
	void swaggerUiRendersUnderThePolicy() {
		browser.driver.get("http://localhost:" + port + "/swagger-ui.html");

		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#swagger-ui .info .title")));
		assertThat(browser.find("#swagger-ui .info .title").getText()).isNotBlank();
	}
}
