package org.sencrm.trash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.Browser;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestDates;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A whole flow in the browser: a refused deletion, a manager's deletion, the Trash page, Restore (screenshots for the guide). */
@IntegrationTest
class TrashBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Test
	void deletesAPersonWithItsDealThenRestoresBothFromTheTrash() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var colleague = new Api(port, workspace.otherSales().token());
		var person = sales.post("/api/v1/persons", Map.of("familyName", "Phan", "middleName", "Thị", "givenName", "Ngọc Anh",
				"emails", java.util.List.of(Map.of("address", "ngocanh.phan@example.vn")))).body().get("id").asString();
		var pipeline = colleague.get("/api/v1/pipelines").body().get(1);
		var deal = colleague.post("/api/v1/opportunities", Map.of("name", "Máy lọc nước RO cho văn phòng", "pipelineId",
				pipeline.get("id").asString(), "personId", person, "amount", 18500000, "expectedCloseDate",
				TestDates.daysFromNow(20).toString())).body().get("id").asString();
		sales.post("/api/v1/tasks", Map.of("title", "Gửi catalogue máy lọc", "personId", person));

		try (var browser = Browser.start(port)) {
			// The owner may not take a colleague's deal with the person: the page says why.
			browser.signIn(workspace.member(Role.SALES).email(), TestWorkspaces.PASSWORD);
			browser.open("/persons/" + person);
			browser.click("form[action$='/delete'] button");
			browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
			var refusal = browser.await(".alert-error").getText();
			assertThat(refusal).contains("Máy lọc nước RO cho văn phòng");
			browser.screenshot("trash-refused");

			// A manager deletes the person: the deal and the task go with them.
			browser.driver.manage().deleteAllCookies();
			browser.signIn(workspace.member(Role.MANAGER).email(), TestWorkspaces.PASSWORD);
			browser.open("/persons/" + person);
			browser.click("form[action$='/delete'] button");
			var question = browser.wait.until(ExpectedConditions.alertIsPresent());
			assertThat(question.getText()).contains("1 opportunity", "1 task", "30 days");
			question.accept();
			browser.await(".flash");
			assertThat(colleague.get("/api/v1/opportunities/" + deal).status()).isEqualTo(404);

			browser.click("nav a[href='/trash']");
			var row = browser.await("table.trash-entries tbody tr");
			assertThat(row.getText()).contains("Person", "Phan Thị Ngọc Anh", "1 opportunity, 1 activity, 1 task");
			browser.screenshot("trash");

			browser.click("table.trash-entries tbody tr form[action$='/restore'] button");
			assertThat(browser.await(".flash").getText()).isEqualTo("Restored, with everything that was deleted with it.");
			assertThat(browser.find("main").getText()).contains("Nothing in the trash.");
			assertThat(colleague.get("/api/v1/opportunities/" + deal).body().get("personId").asString()).isEqualTo(person);
			browser.open("/persons/" + person);
			assertThat(browser.find("h1").getText()).contains("Ngọc Anh");
		}
	}
}
