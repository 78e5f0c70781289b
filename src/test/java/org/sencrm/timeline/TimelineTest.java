package org.sencrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestDates;
import org.sencrm.support.Publications;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.timeline.task.Reminders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class TimelineTest {

	/** Days of past meetings and calls, relative to today so that no test expires (TestDates). */
	private static final String RECENT = TestDates.daysFromNow(-2).toString();

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	Reminders reminders;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	String person;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
		person = sales.post("/api/v1/persons", Map.of("familyName", "Phan", "givenName", "Thảo")).body().get("id").asString();
	}

	@Test
	void logsEveryChannelAndShowsThemNewestFirst() {
		var start = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		var types = List.of("note", "call", "meeting", "email", "sms", "chat", "visit");
		for (int i = 0; i < types.size(); i++) {
			var logged = sales.post("/api/v1/activities", Map.of("type", types.get(i), "personId", person,
					"subject", "Touchpoint " + i, "body", "<p>Body " + i + "</p>", "occurredAt", start.plus(i, ChronoUnit.HOURS).toString()));
			assertThat(logged.status()).as(types.get(i)).isEqualTo(201);
		}

		var timeline = sales.get("/api/v1/persons/" + person + "/timeline").body().get("items");

		assertThat(timeline.valueStream().map(e -> e.get("type").asString()).toList())
				.containsExactly("visit", "chat", "sms", "email", "meeting", "call", "note");
		assertThat(timeline.get(0).get("id").asString()).isNotBlank();
		var summary = sales.get("/api/v1/persons/" + person + "/timeline/summary").body();
		assertThat(summary.get("firstContact").asString()).isEqualTo(start.toString());
		assertThat(summary.get("last90DaysByChannel").get("call").asLong()).isEqualTo(1);
	}

	@Test
	void keepsCallAndMeetingDetails() {
		var colleague = workspace.member(Role.MANAGER).id().toString();
		var call = sales.post("/api/v1/activities", Map.of("type", "call", "personId", person, "subject", "Hỏi giá",
				"direction", "inbound", "durationSeconds", 420, "outcome", "Gửi báo giá")).body();
		var meeting = sales.post("/api/v1/activities", Map.of("type", "meeting", "personId", person, "subject", "Demo",
				"occurredAt", RECENT + "T02:00:00Z", "endsAt", RECENT + "T03:00:00Z", "place", "Văn phòng Quận 1",
				"attendeeUserIds", List.of(colleague))).body();

		assertThat(call.get("durationSeconds").asInt()).isEqualTo(420);
		assertThat(call.get("direction").asString()).isEqualTo("inbound");
		assertThat(meeting.get("place").asString()).isEqualTo("Văn phòng Quận 1");
		assertThat(meeting.get("attendeeUserIds").get(0).asString()).isEqualTo(colleague);
		var invalid = sales.post("/api/v1/activities", Map.of("type", "meeting", "personId", person,
				"occurredAt", RECENT + "T03:00:00Z", "endsAt", RECENT + "T02:00:00Z"));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.body().get("errors").get(0).get("field").asString()).isEqualTo("endsAt");
	}

	@Test
	void filtersByChannelAndAuthorAndPagesWithACursor() {
		var manager = new Api(port, workspace.member(Role.MANAGER).token());
		for (int i = 0; i < 5; i++) {
			sales.post("/api/v1/activities", Map.of("type", "note", "personId", person, "body", "n" + i));
			manager.post("/api/v1/activities", Map.of("type", "call", "personId", person, "subject", "c" + i));
		}

		assertThat(sales.get("/api/v1/persons/" + person + "/timeline?type=call").body().get("items").size()).isEqualTo(5);
		var mine = sales.get("/api/v1/persons/" + person + "/timeline?authorId=" + workspace.member(Role.SALES).id()).body();
		assertThat(mine.get("items").valueStream().allMatch(e -> e.get("type").asString().equals("note"))).isTrue();
		var first = sales.get("/api/v1/persons/" + person + "/timeline?limit=6").body();
		var second = sales.get("/api/v1/persons/" + person + "/timeline?limit=6&cursor=" + first.get("nextCursor").asString()).body();
		assertThat(first.get("items").size() + second.get("items").size()).isEqualTo(10);
		assertThat(second.has("nextCursor")).isFalse();
	}

	@Test
	void storesBodiesSanitised() {
		var logged = sales.post("/api/v1/activities", Map.of("type", "note", "personId", person,
				"body", "<p onclick=\"steal()\">Hi <b>there</b></p><script>alert(1)</script><a href=\"javascript:alert(1)\">x</a>")).body();

		var body = logged.get("body").asString();
		assertThat(body).contains("<b>there</b>").doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript");
	}

	@Test
	void viewerCannotLogActivities() {
		var viewer = new Api(port, workspace.member(Role.VIEWER).token());

		assertThat(viewer.post("/api/v1/activities", Map.of("type", "note", "personId", person, "body", "x")).status()).isEqualTo(403);
		assertThat(viewer.get("/api/v1/persons/" + person + "/timeline").status()).isEqualTo(200);
	}

	@Test
	void anotherWorkspaceNeitherReadsNorWritesTheTimeline() {
		sales.post("/api/v1/activities", Map.of("type", "note", "personId", person, "body", "secret"));
		var other = new Api(port, workspaces.create().member(Role.ADMIN).token());

		assertThat(other.get("/api/v1/persons/" + person + "/timeline").status()).isEqualTo(404);
		assertThat(other.post("/api/v1/activities", Map.of("type", "note", "personId", person, "body", "x")).status()).isEqualTo(404);
	}

	@Test
	void mentionsNotifyColleagues() {
		var manager = workspace.member(Role.MANAGER);
		sales.post("/api/v1/activities", Map.of("type", "note", "personId", person, "body", "Anh xem giúp em",
				"mentionUserIds", List.of(manager.id().toString())));

		var bell = new Api(port, manager.token()).get("/api/v1/notifications?unread=true").body();

		assertThat(bell.get("unread").asLong()).isEqualTo(1);
		assertThat(bell.get("items").get(0).get("kind").asString()).isEqualTo("mention");
		assertThat(bell.get("items").get(0).get("link").asString()).isEqualTo("/persons/" + person);
	}

	@Test
	void tasksRemindOnceAndRepeatAfterCompletion() {
		var due = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		var task = sales.post("/api/v1/tasks", Map.of("title", "Gọi lại chị Thảo", "dueAt", due.toString(),
				"personId", person, "repeatEveryDays", 30)).body();
		sales.post("/api/v1/tasks", Map.of("title", "Later", "dueAt", Instant.now().plus(2, ChronoUnit.DAYS).toString()));

		assertThat(reminders.remind(workspace.id())).isEqualTo(1);
		assertThat(reminders.remind(workspace.id())).isZero();
		assertThat(sales.get("/api/v1/notifications").body().get("items").get(0).get("text").asString()).isEqualTo("Gọi lại chị Thảo");
		var mine = sales.get("/api/v1/tasks/mine").body();
		assertThat(mine.get(0).get("title").asString()).isEqualTo("Gọi lại chị Thảo");

		var done = sales.post("/api/v1/tasks/" + task.get("id").asString() + "/complete", Map.of());

		assertThat(done.body().get("status").asString()).isEqualTo("done");
		var next = sales.get("/api/v1/tasks/mine").body().valueStream()
				.filter(t -> t.get("title").asString().equals("Gọi lại chị Thảo")).findFirst().orElseThrow();
		assertThat(Instant.parse(next.get("dueAt").asString())).isEqualTo(due.plus(30, ChronoUnit.DAYS));
	}

	@Test
	void touchpointsFromOtherModulesAreRecordedOnce(@Autowired org.springframework.context.ApplicationEventPublisher events,
			@Autowired org.springframework.transaction.PlatformTransactionManager transactions, @Autowired Publications publications) {
		var sourceRef = "send-" + java.util.UUID.randomUUID();
		var campaign = java.util.UUID.randomUUID();
		var sentAt = Instant.now();
		// the same touchpoint, published twice (as two event objects, as two publishing transactions make them)
		java.util.function.Supplier<Touchpoint> touchpoint = () -> new Touchpoint(workspace.id(), "email",
				java.util.UUID.fromString(person), null, "campaign", campaign, "Khuyến mãi tháng 12", "<p>Giảm 20%</p>", sentAt, null,
				"marketing", sourceRef);
		var template = new org.springframework.transaction.support.TransactionTemplate(transactions);
		template.executeWithoutResult(s -> events.publishEvent(touchpoint.get()));
		template.executeWithoutResult(s -> events.publishEvent(touchpoint.get()));

		assertThat(publications.awaitCompleted(Touchpoint.class, sourceRef)).as("published twice, both handled").isEqualTo(2);
		assertThat(subjects()).containsExactly("Khuyến mãi tháng 12");
		publications.redeliver(Touchpoint.class, sourceRef);
		assertThat(subjects()).as("delivered twice more").containsExactly("Khuyến mãi tháng 12");
	}

	private List<String> subjects() {
		return sales.get("/api/v1/persons/" + person + "/timeline").body().get("items").valueStream()
				.map(e -> e.path("subject").asString("")).toList();
	}
}
