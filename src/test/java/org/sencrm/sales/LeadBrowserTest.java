package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;

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

/** Working leads in headless Chromium: importing a file, and converting a lead into the person it lands on. */
@IntegrationTest
class LeadBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Test
	void importsLeadsThenOpensOneConvertsItAndLandsOnTheNewPersonsPage() throws Exception {
		var workspace = workspaces.create();
		var sales = workspace.member(Role.SALES);
		var api = new Api(port, sales.token());
		api.post("/api/v1/leads", Map.of("givenName", "Hạnh", "familyName", "Đỗ", "email", "hanh.do@example.vn",
				"companyName", "Công ty TNHH Bình An", "jobTitle", "Giám đốc", "source", "referral"));
		var csv = Files.createTempFile("leads", ".csv");
		Files.writeString(csv, "Họ và tên,Email,Số điện thoại\nLý Minh,minh@example.vn,0987654321\nSai Số,sai@example.vn,123\n");

		try (var browser = Browser.start(port)) {
			browser.signIn(sales.email(), TestWorkspaces.PASSWORD);

			browser.open("/leads/import");
			browser.find("#file").sendKeys(csv.toAbsolutePath().toString());
			browser.click("form.import-form button[type=submit]");
			browser.await(".import-result");
			assertThat(browser.find(".import-result h2").getText()).isEqualTo("1 leads imported, 1 rows refused.");
			assertThat(browser.find("table.failures tbody").getText()).startsWith("3").contains("Phone");
			browser.screenshot("lead-import");

			browser.open("/leads");
			assertThat(browser.find("table.records tbody").getText()).contains("Đỗ Hạnh").contains("Lý Minh");
			browser.screenshot("leads");
			browser.driver.findElement(By.linkText("Đỗ Hạnh")).click();
			browser.await("form.convert-form");
			assertThat(browser.find(".lead-score").getText()).isEqualTo("Score 45");
			browser.screenshot("lead");

			browser.find("#amount").sendKeys("25000000");
			browser.click("form.convert-form button[type=submit]");
			browser.wait.until(ExpectedConditions.urlContains("/persons/"));

			assertThat(browser.find("h1").getText()).isEqualTo("Đỗ Hạnh");
			assertThat(browser.find(".flash").getText()).startsWith("Lead converted.");
			assertThat(browser.find("#roles").getText()).contains("Công ty TNHH Bình An").contains("Giám đốc");
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#timeline-panel"), "Converted from a lead"));
			browser.screenshot("lead-converted-person");
		} finally {
			Files.deleteIfExists(csv);
		}
		var leads = api.get("/api/v1/leads?status=converted").body().get("items");
		assertThat(leads.size()).isEqualTo(1);
	}
}
