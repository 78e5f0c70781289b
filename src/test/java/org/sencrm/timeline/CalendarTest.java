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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class CalendarTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

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

		var url = sales.get("/api/v1/calendar/feed-url").body().get("url").asString();
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
		var old = path(sales.get("/api/v1/calendar/feed-url").body().get("url").asString());
		assertThat(path(sales.get("/api/v1/calendar/feed-url").body().get("url").asString())).isEqualTo(old);

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
