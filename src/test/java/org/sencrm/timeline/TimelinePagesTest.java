package org.sencrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

/** The customer 360 panel, My tasks, the calendar and email pages, through the real web session. */
@IntegrationTest
class TimelinePagesTest {

	/** Days of past meetings and calls, relative to today so that no test expires (TestDates). */
	private static final String RECENT = TestDates.daysFromNow(-2).toString();

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	WebSession sales;
	String person;
	String csrf;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		person = new Api(port, workspace.member(Role.SALES).token()).post("/api/v1/persons", Map.of("familyName", "Đỗ",
				"givenName", "Lan", "emails", List.of(Map.of("address", "lan@khach.vn")))).body().get("id").asString();
		sales = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var page = sales.get("/persons/" + person);
		assertThat(page.has("[hx-get$='/timeline-panel']")).isTrue();
		csrf = page.html().body().attr("hx-headers").replaceAll(".*\":\\s*\"([^\"]+)\".*", "$1");
	}

	@Test
	void logsACallAndAMeetingAndShowsBothOnTheTimeline() {
		var start = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).truncatedTo(ChronoUnit.MINUTES);
		var call = post("/persons/" + person + "/activities", "type", "call", "subject", "Gọi tư vấn", "direction", "outbound",
				"durationMinutes", "12", "outcome", "Hẹn gặp", "body", "Khách quan tâm gói Pro.\n\nGọi lại tuần sau.");
		assertThat(call.text(".flash")).isEqualTo("Logged on the timeline.");
		var meeting = post("/persons/" + person + "/activities", "type", "meeting", "subject", "Gặp tại văn phòng",
				"occurredAt", start.toString(), "endsAt", start.plusHours(1).toString(), "place", "Quận 1",
				"attendeeUserIds", workspace.member(Role.MANAGER).id().toString());

		var entries = meeting.html().select("#timeline-entries li.entry");
		assertThat(entries.eachAttr("class")).containsExactly("entry meeting", "entry call");
		assertThat(entries.get(1).select(".entry-body p").eachText()).containsExactly("Khách quan tâm gói Pro.", "Gọi lại tuần sau.");
		assertThat(entries.get(1).text()).contains("12 min").contains("Hẹn gặp");
		assertThat(meeting.html().select(".stats").text()).contains("Call 1");
		assertThat(sales.get("/calendar").html().select(".calendar-day li.meeting").text()).contains("Gặp tại văn phòng");
	}

	@Test
	void aRefusedActivityComesBackWithItsProblem() {
		var refused = post("/persons/" + person + "/activities", "type", "meeting", "occurredAt", RECENT + "T10:00",
				"endsAt", RECENT + "T09:00");

		assertThat(refused.text("[id='endsAt-error']")).isEqualTo("The end must come after the start.");
		assertThat(refused.html().select("#timeline-entries li.entry")).isEmpty();
	}

	@Test
	void addsAndCompletesATaskAndListsOverdueTasksFirst() {
		post("/persons/" + person + "/tasks", "title", "Gửi báo giá", "dueAt", "2020-01-01T09:00", "priority", "high");
		var panel = post("/persons/" + person + "/tasks", "title", "Hẹn demo", "dueAt", "2099-01-01T09:00");
		assertThat(panel.html().select(".open-tasks li").eachText()).anyMatch(t -> t.contains("Gửi báo giá") && t.contains("Overdue"));

		var mine = sales.get("/tasks");
		assertThat(mine.html().select("section.card").get(0).select("td").first().text()).isEqualTo("Gửi báo giá");
		var done = sales.submit(mine, "section.card form", Map.of());
		assertThat(sales.follow(done).html().select("section.card").get(0).select("td")).isEmpty();
	}

	@Test
	void composesPreviewsAndSendsAnEmailToTheOutbox() {
		var compose = sales.get("/persons/" + person + "/email");
		assertThat(compose.html().select("input[name=to]").val()).isEqualTo("lan@khach.vn");

		var sent = sales.submit(compose, "form.record-form", Map.of("subject", "Chào {{person.givenName}}", "body", "<p>Thư mời</p>"));

		assertThat(sent.status()).isEqualTo(302);
		var outbox = sales.get("/emails/outbox");
		assertThat(outbox.html().select(".email-preview dd").eachText()).contains("Chào Lan", "lan@khach.vn");
		assertThat(outbox.text(".email-preview .badge")).isEqualTo("In the outbox");
	}

	@Test
	void viewerSeesTheTimelineWithoutTheFormsToLog() {
		var viewer = WebSession.signedIn(port, workspace.member(Role.VIEWER).email());

		var panel = viewer.get("/persons/" + person + "/timeline-panel");

		assertThat(panel.status()).isEqualTo(200);
		assertThat(panel.has("#timeline-entries")).isTrue();
		assertThat(panel.has("form[hx-post$='/activities']")).isFalse();
	}

	private WebSession.Page post(String path, String... pairs) {
		var fields = new ArrayList<Map.Entry<String, String>>();
		fields.add(Map.entry("_csrf", csrf));
		for (int i = 0; i < pairs.length; i += 2) {
			fields.add(Map.entry(pairs[i], pairs[i + 1]));
		}
		var page = sales.post(path, fields);
		assertThat(page.status()).as(path).isEqualTo(200);
		return page;
	}
}
