package org.sencrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.Browser;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin erases a person in a real browser: the person page's "Erase personal data…", a page
 * that says what goes and what stays, the name typed to confirm (a wrong one is refused). Leaves
 * the screenshot of the confirmation for the user guide (target/screenshots/person-erase.png).
 */
@IntegrationTest
class PersonErasureBrowserTest {

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
	void anAdminErasesAPersonAfterTypingTheirName() {
		var workspace = workspaces.create();
		var admin = workspace.member(Role.ADMIN);
		var api = new Api(port, admin.token());
		var person = api.post("/api/v1/persons", Map.of("familyName", "Phan", "middleName", "Thanh", "givenName", "Giản",
				"emails", List.of(Map.of("address", "gian.phan@example.vn")), "phones", List.of(Map.of("number", "0903 111 222")))).body()
				.get("id").asString();
		api.post("/api/v1/orders", Map.of("personId", person, "lines",
				List.of(Map.of("description", "Máy lọc nước", "quantity", 1, "unitPrice", 4990000, "taxRate", 10))));

		browser.signIn(admin.email(), TestWorkspaces.PASSWORD);
		browser.open("/persons/" + person);
		browser.click("a[href='/persons/" + person + "/erase']");
		browser.await("input#confirmation").sendKeys("Phan Giản");
		browser.click("form.record-form button[type=submit]");
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation-error")));
		assertThat(api.get("/api/v1/persons/" + person).status()).as("a wrong name erases nothing").isEqualTo(200);
		browser.open("/persons/" + person + "/erase");
		browser.find("input#confirmation").sendKeys("giản thanh phan");
		browser.screenshot("person-erase");
		browser.click("form.record-form button[type=submit]");

		browser.wait.until(ExpectedConditions.urlMatches(".*/persons$"));
		assertThat(browser.find(".flash").getText()).startsWith("The person’s personal data is erased.");
		assertThat(api.get("/api/v1/persons/" + person).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/orders").body().get("items").get(0).get("customerName").asString()).isEqualTo("Erased customer");
	}
}
