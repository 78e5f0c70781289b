package org.sencrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestDates;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Changing a logged activity through the API: merge patch, ETag and If-Match, access, history. */
@IntegrationTest
class ActivityEditTest {

	/** Days of past meetings and calls, relative to today so that no test expires (TestDates). */
	private static final String RECENT = TestDates.daysFromNow(-2).toString();
	private static final String EARLIER = TestDates.daysFromNow(-270).toString();

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	String person;
	String call;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
		person = sales.post("/api/v1/persons", Map.of("familyName", "Vũ", "givenName", "Hà")).body().get("id").asString();
		call = sales.post("/api/v1/activities", Map.of("type", "call", "personId", person, "subject", "Hỏi giá",
				"direction", "inbound", "durationSeconds", 95, "occurredAt", EARLIER + "T03:04:05Z")).body().get("id").asString();
	}

	@Test
	void changesAnActivityWithIfMatchAndRefusesAStaleVersion() {
		var read = sales.get("/api/v1/activities/" + call);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");

		var changed = sales.header("If-Match", read.header("ETag")).patch("/api/v1/activities/" + call,
				Map.of("subject", "Hỏi giá gói Pro", "outcome", "Gửi báo giá", "body", "<p>Cần <b>20</b> bản <script>x()</script></p>"));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isEqualTo("\"1\"");
		assertThat(changed.body().get("subject").asString()).isEqualTo("Hỏi giá gói Pro");
		assertThat(changed.body().get("outcome").asString()).isEqualTo("Gửi báo giá");
		assertThat(changed.body().get("body").asString()).isEqualTo("<p>Cần <b>20</b> bản </p>");
		assertThat(changed.body().get("durationSeconds").asInt()).as("fields not sent stay").isEqualTo(95);
		assertThat(changed.body().get("occurredAt").asString()).isEqualTo(EARLIER + "T03:04:05Z");

		var stale = sales.header("If-Match", "\"0\"").patch("/api/v1/activities/" + call, Map.of("subject", "Cũ"));

		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.body().get("code").asString()).isEqualTo("error.stale-version");
		assertThat(sales.get("/api/v1/activities/" + call).body().get("subject").asString()).isEqualTo("Hỏi giá gói Pro");
	}

	@Test
	void keepsWhoChangedWhatInHistory() {
		sales.patch("/api/v1/activities/" + call, Map.of("subject", "Hỏi giá gói Pro", "durationSeconds", 300));

		var history = sales.get("/api/v1/activities/" + call + "/history").body();

		assertThat(history.get(0).get("action").asString()).isEqualTo("updated");
		assertThat(history.get(0).get("actorId").asString()).isEqualTo(workspace.member(Role.SALES).id().toString());
		var changes = history.get(0).get("changes");
		assertThat(changes.get("subject").get("from").asString()).isEqualTo("Hỏi giá");
		assertThat(changes.get("subject").get("to").asString()).isEqualTo("Hỏi giá gói Pro");
		assertThat(changes.get("durationSeconds").get("to").asInt()).isEqualTo(300);
		assertThat(changes.has("direction")).as("only what changed").isFalse();
		assertThat(history.get(1).get("action").asString()).isEqualTo("created");
	}

	@Test
	void changesMeetingAttendeesAndChecksThem() {
		var colleague = workspace.member(Role.MANAGER).id().toString();
		var other = sales.post("/api/v1/persons", Map.of("givenName", "Bình")).body().get("id").asString();
		var meeting = sales.post("/api/v1/activities", Map.of("type", "meeting", "personId", person, "subject", "Demo",
				"occurredAt", RECENT + "T02:00:00Z", "attendeePersonIds", List.of(person))).body().get("id").asString();

		var changed = sales.patch("/api/v1/activities/" + meeting, Map.of("endsAt", RECENT + "T03:00:00Z", "place", "Quận 3",
				"attendeeUserIds", List.of(colleague), "attendeePersonIds", List.of(person, other))).body();

		assertThat(changed.get("place").asString()).isEqualTo("Quận 3");
		assertThat(changed.get("attendeeUserIds").valueStream().map(n -> n.asString()).toList()).containsExactly(colleague);
		assertThat(changed.get("attendeePersonIds").valueStream().map(n -> n.asString()).toList()).containsExactlyInAnyOrder(person, other);
		var invalid = sales.patch("/api/v1/activities/" + meeting, Map.of("attendeePersonIds", List.of(colleague),
				"endsAt", RECENT + "T01:00:00Z"));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
				.containsExactlyInAnyOrder("attendeePersonIds[0]", "endsAt");
		assertThat(sales.get("/api/v1/activities/" + meeting).header("ETag")).as("nothing written").isEqualTo("\"1\"");
	}

	@Test
	void theChannelAndCustomerStayAndUnknownFieldsAreRefused() {
		var other = sales.post("/api/v1/persons", Map.of("givenName", "Bình")).body().get("id").asString();

		var patched = sales.patch("/api/v1/activities/" + call, Map.of("type", "note", "personId", other,
				"subject", "Đổi tiêu đề"));
		var unknown = sales.patch("/api/v1/activities/" + call, Map.of("mentionUserIds", List.of()));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.body().get("type").asString()).isEqualTo("call");
		assertThat(patched.body().get("personId").asString()).isEqualTo(person);
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("mentionUserIds");
	}

	@Test
	void onlyTheAuthorOrAManagerChangesAnActivityAndAViewerNever() {
		var patch = Map.<String, Object>of("subject", "Đổi");

		assertThat(new Api(port, workspace.member(Role.VIEWER).token()).patch("/api/v1/activities/" + call, patch).status())
				.isEqualTo(403);
		assertThat(new Api(port, workspace.otherSales().token()).patch("/api/v1/activities/" + call, patch).status())
				.isEqualTo(403);
		assertThat(new Api(port, workspace.otherSales().token()).delete("/api/v1/activities/" + call).status()).isEqualTo(403);
		assertThat(new Api(port, workspace.member(Role.MANAGER).token()).patch("/api/v1/activities/" + call, patch).status())
				.isEqualTo(200);
	}

	@Test
	void anotherWorkspaceFindsNoSuchActivity() {
		var other = new Api(port, workspaces.create().member(Role.ADMIN).token());

		assertThat(other.get("/api/v1/activities/" + call).status()).isEqualTo(404);
		assertThat(other.patch("/api/v1/activities/" + call, Map.of("subject", "x")).status()).isEqualTo(404);
		assertThat(other.delete("/api/v1/activities/" + call).status()).isEqualTo(404);
		assertThat(other.get("/api/v1/activities/" + call + "/history").status()).isEqualTo(404);
		assertThat(sales.get("/api/v1/activities/" + call).body().get("subject").asString()).isEqualTo("Hỏi giá");
	}

	@Test
	void anEmailSentKeepsWhatWasSentButCanStillBeDeleted() {
		sales.patch("/api/v1/persons/" + person, Map.of("emails", List.of(Map.of("address", "ha@khach.vn"))));
		var email = sales.post("/api/v1/emails", Map.of("personId", person, "subject", "Báo giá", "body", "<p>Gửi anh</p>"));
		assertThat(email.status()).isEqualTo(201);
		var id = email.body().get("id").asString();

		var refused = sales.patch("/api/v1/activities/" + id, Map.of("subject", "Khác"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("code").asString()).isEqualTo("timeline.email-fixed");
		assertThat(sales.get("/api/v1/activities/" + id).body().get("subject").asString()).isEqualTo("Báo giá");
		assertThat(sales.delete("/api/v1/activities/" + id).status()).isEqualTo(204);
	}

	@Test
	void deletesOnlyTheVersionTheCallerSaw() {
		sales.patch("/api/v1/activities/" + call, Map.of("subject", "Đã đổi"));

		assertThat(sales.header("If-Match", "\"0\"").delete("/api/v1/activities/" + call).status()).isEqualTo(412);
		assertThat(sales.header("If-Match", "\"1\"").delete("/api/v1/activities/" + call).status()).isEqualTo(204);
		assertThat(sales.get("/api/v1/activities/" + call).status()).isEqualTo(404);
		assertThat(sales.get("/api/v1/activities/" + call + "/history").status()).isEqualTo(404);
	}
}
