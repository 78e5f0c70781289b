package org.sencrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class CalendarTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	TransactionTemplate transactions;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	String person;
	Instant start;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
		person = sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Hoa",
				"emails", List.of(Map.of("address", "hoa@khach.vn")))).body().get("id").asString();
		start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
	}

	@Test
	void privateFeedHasMeetingsAndDueTasksAndParsesBack() throws Exception {
		var meeting = meeting();
		var task = sales.post("/api/v1/tasks", Map.of("title", "Gửi hợp đồng", "dueAt", start.plus(1, ChronoUnit.DAYS).toString()))
				.body().get("id").asString();

		var url = sales.post("/api/v1/calendar/feed-url/regenerate", Map.of()).body().get("url").asString();
		var feed = new Api(port, null).get(url.substring(url.indexOf("/calendar/")));

		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.header("Content-Type")).startsWith("text/calendar");
		var events = parse(feed.body().asString()).<VEvent>getComponents("VEVENT");
		assertThat(events).hasSize(2);
		assertThat(events.stream().map(e -> e.getUid().orElseThrow().getValue()).toList())
				.containsExactlyInAnyOrder(meeting + "@sencrm", task + "@sencrm");
		var demo = events.stream().filter(e -> e.getUid().orElseThrow().getValue().startsWith(meeting)).findFirst().orElseThrow();
		assertThat(demo.getSummary().getValue()).isEqualTo("Demo sản phẩm");
		assertThat(demo.getLocation().getValue()).isEqualTo("Quận 3");
		assertThat(Instant.from(demo.getDateTimeStart().getDate())).isEqualTo(start);
	}

	@Test
	void regeneratingTheFeedRetiresTheOldAddress() {
		assertThat(sales.get("/api/v1/calendar/feed").body().get("active").asBoolean()).isFalse();
		var old = path(sales.post("/api/v1/calendar/feed-url/regenerate", Map.of()).body().get("url").asString());
		assertThat(sales.get("/api/v1/calendar/feed").body().get("active").asBoolean()).isTrue();
		assertThat(sales.get("/api/v1/calendar/feed").body().has("url")).isFalse(); // shown once, when made

		var fresh = path(sales.post("/api/v1/calendar/feed-url/regenerate", Map.of()).body().get("url").asString());

		assertThat(fresh).isNotEqualTo(old);
		assertThat(new Api(port, null).get(old).status()).isEqualTo(404);
		assertThat(new Api(port, null).get(fresh).status()).isEqualTo(200);
		assertThat(new Api(port, null).get("/calendar/cal_forged.ics").status()).isEqualTo(404);
	}

	@Test
	void attendeesSeeTheMeetingInTheirCalendar() {
		meeting();
		var manager = new Api(port, workspace.member(Role.MANAGER).token());

		var entries = manager.get("/api/v1/calendar/events?from=" + start.minus(1, ChronoUnit.DAYS) + "&to=" + start.plus(7, ChronoUnit.DAYS)).body();

		assertThat(entries.size()).isEqualTo(1);
		assertThat(entries.get(0).get("kind").asString()).isEqualTo("meeting");
	}

	@Test
	void meetingExportsAsAnInvitation() throws Exception {
		var meeting = meeting();

		var ics = sales.get("/api/v1/activities/" + meeting + "/invitation.ics");

		var calendar = parse(ics.body().asString());
		assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
		VEvent event = calendar.<VEvent>getComponents("VEVENT").getFirst();
		assertThat(event.getProperties(Property.ATTENDEE).stream().map(p -> p.getValue()).toList())
				.containsExactlyInAnyOrder("mailto:" + workspace.member(Role.MANAGER).email(), "mailto:hoa@khach.vn");
		assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue()).isEqualTo("mailto:" + workspace.member(Role.SALES).email());
	}

	@Test
	void feedSecretsAreStoredOnlyAsHashes(@Autowired JdbcClient jdbc) {
		var url = sales.post("/api/v1/calendar/feed-url/regenerate", Map.of()).body().get("url").asString();
		var secret = url.substring(url.indexOf("/calendar/cal_") + "/calendar/cal_".length() + 64, url.length() - ".ics".length());

		var stored = WorkspaceContext.callAsSystem(workspace.id(), () -> transactions.execute(status ->
				jdbc.sql("select secret_hash from calendar_feeds where workspace_id = :ws").param("ws", workspace.id())
						.query(String.class).single()));

		assertThat(stored).hasSize(64).doesNotContain(secret);
	}

	/** Migration V55 hashed the clear secrets stored before with this expression: such feeds keep working. */
	@Test
	void aSecretHashedByTheMigrationStillOpensTheFeed(@Autowired JdbcClient jdbc) {
		var url = sales.post("/api/v1/calendar/feed-url/regenerate", Map.of()).body().get("url").asString();
		var secret = url.substring(url.indexOf("/calendar/cal_") + "/calendar/cal_".length() + 64, url.length() - ".ics".length());
		WorkspaceContext.callAsSystem(workspace.id(), () -> transactions.execute(status ->
				jdbc.sql("update calendar_feeds set secret_hash = 'cleared' where workspace_id = :ws").param("ws", workspace.id()).update()));
		assertThat(new Api(port, null).get(path(url)).status()).isEqualTo(404);

		WorkspaceContext.callAsSystem(workspace.id(), () -> transactions.execute(status ->
				jdbc.sql("update calendar_feeds set secret_hash = encode(sha256(convert_to(:secret, 'UTF8')), 'hex') where workspace_id = :ws")
						.param("secret", secret).param("ws", workspace.id()).update()));

		assertThat(new Api(port, null).get(path(url)).status()).isEqualTo(200);
	}

	@Test
	void theCalendarPageShowsTheAddressOnlyWhenItIsMade() {
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var page = web.get("/calendar");
		assertThat(page.has(".feed-url")).isFalse();

		var made = web.submit(page, "form[action='/calendar/feed/regenerate']", Map.of());

		assertThat(made.status()).isEqualTo(200);
		var address = made.text(".feed-url");
		assertThat(new Api(port, null).get(path(address)).status()).isEqualTo(200);
		assertThat(web.get("/calendar").has(".feed-url")).isFalse();
		assertThat(web.get("/calendar").text(".feed-status")).contains("shown once");
	}

	@Test
	void aDeactivatedUsersFeedAnswers404() {
		var feed = path(sales.post("/api/v1/calendar/feed-url/regenerate", Map.of()).body().get("url").asString());
		assertThat(new Api(port, null).get(feed).status()).isEqualTo(200);

		new Api(port, workspace.member(Role.ADMIN).token()).patch("/api/v1/users/" + workspace.member(Role.SALES).id(),
				Map.of("active", false));

		assertThat(new Api(port, null).get(feed).status()).isEqualTo(404);
	}

	@Test
	void anAdminRevokesAnyUsersFeed() {
		var feed = path(sales.post("/api/v1/calendar/feed-url/regenerate", Map.of()).body().get("url").asString());
		var manager = new Api(port, workspace.member(Role.MANAGER).token());
		assertThat(manager.delete("/api/v1/users/" + workspace.member(Role.SALES).id() + "/calendar-feed").status()).isEqualTo(403);
		assertThat(new Api(port, null).get(feed).status()).isEqualTo(200);

		var revoked = new Api(port, workspace.member(Role.ADMIN).token())
				.delete("/api/v1/users/" + workspace.member(Role.SALES).id() + "/calendar-feed");

		assertThat(revoked.status()).isEqualTo(204);
		assertThat(new Api(port, null).get(feed).status()).isEqualTo(404);
	}

	@Test
	void anAdminRevokesAFeedFromTheUsersPage() {
		var feed = path(sales.post("/api/v1/calendar/feed-url/regenerate", Map.of()).body().get("url").asString());
		var admin = WebSession.signedIn(port, workspace.member(Role.ADMIN).email());

		var done = admin.submit(admin.get("/admin/users"),
				"form[action='/admin/users/" + workspace.member(Role.SALES).id() + "/calendar-feed/revoke']", Map.of());

		assertThat(admin.follow(done).text(".flash")).contains("calendar feed was revoked");
		assertThat(new Api(port, null).get(feed).status()).isEqualTo(404);
	}

	@Test
	void usersTurnTheirOwnFeedOff() {
		var feed = path(sales.post("/api/v1/calendar/feed-url/regenerate", Map.of()).body().get("url").asString());

		assertThat(sales.delete("/api/v1/calendar/feed").status()).isEqualTo(204);

		assertThat(new Api(port, null).get(feed).status()).isEqualTo(404);
	}

	private String meeting() {
		return sales.post("/api/v1/activities", Map.of("type", "meeting", "personId", person, "subject", "Demo sản phẩm",
				"occurredAt", start.toString(), "endsAt", start.plus(1, ChronoUnit.HOURS).toString(), "place", "Quận 3",
				"attendeeUserIds", List.of(workspace.member(Role.MANAGER).id().toString()), "attendeePersonIds", List.of(person)))
				.body().get("id").asString();
	}

	private static String path(String url) {
		return url.substring(url.indexOf("/calendar/"));
	}

	private static Calendar parse(String text) throws Exception {
		return new CalendarBuilder().build(new StringReader(text));
	}
}
