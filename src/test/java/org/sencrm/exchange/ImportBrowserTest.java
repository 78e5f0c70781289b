package org.sencrm.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.sencrm.identity.Role;
import org.sencrm.support.Browser;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Import page in headless Chromium: upload, the preview with a row's problem, a corrected mapping, start, progress to done. */
@IntegrationTest
class ImportBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Test
	void uploadsChecksTheFirstRowsCorrectsAColumnStartsAndFollowsTheImportToItsEnd() throws Exception {
		var workspace = workspaces.create();
		var manager = workspace.member(Role.MANAGER);
		var csv = Files.createTempFile("khach", ".csv");
		Files.writeString(csv, "Họ và tên;Thư;Điện thoại\nNgô Bảo Châu;chau@khach.vn;0903 111 222\nLý Hà;ha@khach.vn;12\n");

		try (var browser = Browser.start(port)) {
			browser.signIn(manager.email(), TestWorkspaces.PASSWORD);
			browser.open("/imports");
			browser.find("#file").sendKeys(csv.toAbsolutePath().toString());
			new Select(browser.find("#type")).selectByValue("persons");
			browser.click("form.import-form button[type=submit]");
			browser.await("table.preview-rows");
			// "Thư" is not a column name the mapping knows: the user maps it to the email
			assertThat(new Select(browser.find("#column1")).getFirstSelectedOption().getAttribute("value")).isEmpty();
			new Select(browser.find("#column1")).selectByValue("email");
			browser.click("button[value=check]");
			browser.await("table.preview-rows");
			assertThat(browser.find("table.preview-rows tbody").getText()).contains("Điện thoại");
			browser.screenshot("import-preview");

			browser.click("#start-import");
			// the status part is replaced as it updates itself: an element read just before may be gone
			browser.wait.withTimeout(Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
					.until(ExpectedConditions.attributeToBe(By.cssSelector(".import-status"), "data-status", "done"));
			assertThat(browser.find(".import-counts .created").getText()).isEqualTo("1");
			assertThat(browser.find(".import-counts .failed").getText()).isEqualTo("1");
			assertThat(browser.driver.findElements(By.linkText("Download the failed rows (CSV)"))).hasSize(1);
			browser.screenshot("import-done");
		}
	}
}
