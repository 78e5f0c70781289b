package org.sencrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

/** Logging a call and a meeting on a person and completing a task, in headless Chromium. */
@IntegrationTest
class TimelineBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Test
	void logsACallAndAMeetingSeesBothOnTheTimelineAndCompletesATask() {
		var workspace = workspaces.create();
		var sales = workspace.member(Role.SALES);
		var person = new Api(port, sales.token()).post("/api/v1/persons", Map.of("familyName", "Phạm", "middleName", "Minh",
				"givenName", "Đức", "emails", List.of(Map.of("address", "duc.pham@khach.vn")))).body().get("id").asString();
		new Api(port, sales.token()).post("/api/v1/tasks", Map.of("title", "Gửi báo giá",
				"dueAt", TestDates.daysFromNow(-3).atTime(9, 0).atZone(TestDates.ZONE).toInstant().toString(), "personId", person));
		// planned for tomorrow morning, so it is the newest entry whenever the test runs
		var meetingDay = TestDates.daysFromNow(1);

		try (var browser = Browser.start(port)) {
			browser.signIn(sales.email(), TestWorkspaces.PASSWORD);
			browser.open("/persons/" + person);
			browser.await("#timeline-panel");

			browser.click(".timeline-actions details summary");
			new Select(browser.find("#activity-type")).selectByValue("call");
			browser.find("#timeline-panel #subject").sendKeys("Gọi hỏi nhu cầu");
			new Select(browser.find("#activity-direction")).selectByValue("outbound");
			browser.find("#timeline-panel #durationMinutes").sendKeys("8");
			browser.find("#activity-body").sendKeys("Khách cần 20 bản quyền.");
			browser.click(".timeline-actions details form button[type=submit]");
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#timeline-entries"), "Gọi hỏi nhu cầu"));

			browser.click(".timeline-actions details summary");
			new Select(browser.find("#activity-type")).selectByValue("meeting");
			browser.find("#timeline-panel #subject").sendKeys("Họp demo");
			browser.setValue(browser.find("#timeline-panel #occurredAt"), TestDates.inputValue(meetingDay.atTime(9, 30)));
			browser.setValue(browser.find("#timeline-panel #endsAt"), TestDates.inputValue(meetingDay.atTime(10, 30)));
			browser.find("#timeline-panel #place").sendKeys("Văn phòng Quận 1");
			browser.click(".timeline-actions details form button[type=submit]");
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#timeline-entries"), "Họp demo"));

			var entries = browser.driver.findElements(By.cssSelector("#timeline-entries li.entry"));
			assertThat(entries).hasSize(2);
			assertThat(entries.get(0).getText()).contains("Họp demo").contains("Văn phòng Quận 1");
			assertThat(entries.get(1).getText()).contains("Gọi hỏi nhu cầu").contains("8 min");
			assertThat(browser.find(".open-tasks").getText()).contains("Gửi báo giá").contains("Overdue");
			browser.screenshot("person-timeline");

			browser.click(".open-tasks form button");
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".open-tasks"), "No open tasks."));

			browser.open("/calendar?date=" + meetingDay);
			assertThat(browser.find(".calendar-grid").getText()).contains("Họp demo");
			browser.screenshot("calendar");
			browser.open("/tasks");
			browser.screenshot("my-tasks");
		}
	}

	@Test
	void editsAnEntryInPlaceAndLogsAMeetingWithTwoCustomersFoundByTheirNames() {
		var workspace = workspaces.create();
		var sales = workspace.member(Role.SALES);
		var api = new Api(port, sales.token());
		var person = api.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Hoa")).body().get("id").asString();
		api.post("/api/v1/persons", Map.of("familyName", "Ngô", "givenName", "Quân"));
		var note = api.post("/api/v1/activities", Map.of("type", "note", "personId", person, "subject", "Ghi chú cũ",
				"body", "Nội dung")).body().get("id").asString();

		try (var browser = Browser.start(port)) {
			browser.signIn(sales.email(), TestWorkspaces.PASSWORD);
			browser.open("/persons/" + person);
			browser.await("#entry-" + note + " .entry-actions");

			browser.click("#entry-" + note + " button[hx-get$='/edit']");
			var subject = browser.await("#edit-subject-" + note);
			subject.clear();
			subject.sendKeys("Ghi chú đã sửa");
			browser.screenshot("timeline-edit-entry");
			browser.click("#entry-" + note + " form button[type=submit]");
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#entry-" + note), "Changes saved."));
			assertThat(browser.find("#entry-" + note).getText()).contains("Ghi chú đã sửa").contains("(edited)");

			browser.click(".timeline-actions details summary");
			new Select(browser.find("#activity-type")).selectByValue("meeting");
			browser.find("#timeline-panel #subject").sendKeys("Họp ba bên");
			browser.find("#attendee-search-new").sendKeys("Quân");
			browser.await("#attendee-found-new input[type=checkbox]");
			browser.click("#attendee-found-new input[type=checkbox]");
			browser.find("#attendee-search-new").clear();
			browser.find("#attendee-search-new").sendKeys("không có ai");
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#attendee-found-new"), "Nothing"));
			assertThat(browser.find("#attendee-persons-new").getText()).contains("Hoa").contains("Quân");
			browser.screenshot("timeline-meeting-picker");
			browser.click(".timeline-actions details form button[type=submit]");
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#timeline-entries"), "Họp ba bên"));

			var attendees = browser.find("#timeline-entries li.entry.meeting .entry-attendees").getText();
			assertThat(attendees).contains("Hoa").contains("Quân");
			browser.screenshot("timeline-meeting-attendees");
		}
	}
}
