package org.sencrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.FormElement;
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

/** Editing timeline entries in place and naming the customers at a meeting, through the real web session. */
@IntegrationTest
class ActivityEditPagesTest {

	/** Days of past meetings and calls, relative to today so that no test expires (TestDates). */
	private static final String RECENT = TestDates.daysFromNow(-2).toString();
	private static final String EARLIER = TestDates.daysFromNow(-270).toString();

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api api;
	WebSession sales;
	String person;
	String csrf;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		api = new Api(port, workspace.member(Role.SALES).token());
		person = api.post("/api/v1/persons", Map.of("familyName", "Đỗ", "givenName", "Lan",
				"emails", List.of(Map.of("address", "lan@khach.vn")))).body().get("id").asString();
		sales = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		csrf = sales.get("/persons/" + person).html().body().attr("hx-headers").replaceAll(".*\":\\s*\"([^\"]+)\".*", "$1");
	}

	@Test
	void editsAnEntryInPlaceAndKeepsWhatTheFormDoesNotShow() {
		var call = log(Map.of("type", "call", "subject", "Gọi tư vấn", "direction", "outbound", "durationSeconds", 95,
				"occurredAt", EARLIER + "T03:04:05Z", "body", "<p>Khách cần <b>20</b> bản quyền.</p><p>Gọi lại.</p>"));
		var panel = sales.get("/persons/" + person + "/timeline-panel");
		var edit = panel.html().selectFirst("#entry-" + call + " button[hx-get$='/edit']");
		assertThat(edit.text()).isEqualTo("Edit");

		var form = sales.get(edit.attr("hx-get"));

		assertThat(form.html().select("input[name=subject]").val()).isEqualTo("Gọi tư vấn");
		assertThat(form.html().select("textarea[name=body]").first().wholeText()).isEqualTo("Khách cần 20 bản quyền.\n\nGọi lại.");
		assertThat(form.html().select("input[name=durationMinutes]").val()).isEqualTo("1");
		assertThat(form.html().select("input[name=occurredAt]").val()).isEqualTo(EARLIER + "T10:04");
		assertThat(form.has("input[name=endsAt]")).as("only the call's own fields").isFalse();

		var saved = save(form, Map.of("subject", "Gọi tư vấn gói Pro", "outcome", "Hẹn gặp"));

		assertThat(saved.text("li.entry .flash")).isEqualTo("Changes saved.");
		assertThat(saved.text("li.entry strong")).isEqualTo("Gọi tư vấn gói Pro");
		assertThat(saved.text("li.entry .entry-head")).contains("(edited)");
		var stored = api.get("/api/v1/activities/" + call).body();
		assertThat(stored.get("outcome").asString()).isEqualTo("Hẹn gặp");
		assertThat(stored.get("durationSeconds").asInt()).as("seconds kept").isEqualTo(95);
		assertThat(stored.get("occurredAt").asString()).as("seconds kept").isEqualTo(EARLIER + "T03:04:05Z");
		assertThat(stored.get("body").asString()).as("formatting kept").isEqualTo("<p>Khách cần <b>20</b> bản quyền.</p><p>Gọi lại.</p>");
		var history = api.get("/api/v1/activities/" + call + "/history").body().get(0);
		assertThat(history.get("actorId").asString()).isEqualTo(workspace.member(Role.SALES).id().toString());
		assertThat(history.get("changes").get("subject").get("to").asString()).isEqualTo("Gọi tư vấn gói Pro");
	}

	@Test
	void aChangedBodyIsStoredAsParagraphsAndARefusedChangeComesBackWithItsProblem() {
		var meeting = log(Map.of("type", "meeting", "subject", "Demo", "occurredAt", RECENT + "T02:00:00Z"));
		var form = sales.get("/persons/" + person + "/activities/" + meeting + "/edit");

		var refused = save(form, Map.of("endsAt", RECENT + "T08:00"));
		assertThat(refused.text("li.entry.editing [id='endsAt-error']")).isEqualTo("The end must come after the start.");
		assertThat(refused.html().select("input[name=endsAt]").val()).isEqualTo(RECENT + "T08:00");

		var saved = save(refused, Map.of("endsAt", RECENT + "T10:30", "body", "Đã demo.\r\n\r\nKhách <hài lòng>."));
		assertThat(saved.html().select("li.entry .entry-body p").eachText()).containsExactly("Đã demo.", "Khách <hài lòng>.");
		assertThat(api.get("/api/v1/activities/" + meeting).body().get("endsAt").asString()).isEqualTo(RECENT + "T03:30:00Z");
	}

	@Test
	void aStaleEditKeepsWhatWasTypedAndSaysSo() {
		var note = log(Map.of("type", "note", "body", "Ghi chú đầu"));
		var form = sales.get("/persons/" + person + "/activities/" + note + "/edit");
		api.patch("/api/v1/activities/" + note, Map.of("subject", "Sửa từ nơi khác"));

		var stale = save(form, Map.of("subject", "Sửa của tôi"));

		assertThat(stale.text(".alert-warning")).contains("Someone else saved this record");
		assertThat(stale.html().select("input[name=subject]").val()).isEqualTo("Sửa của tôi");
		assertThat(api.get("/api/v1/activities/" + note).body().get("subject").asString()).isEqualTo("Sửa từ nơi khác");
		var reloaded = sales.get(stale.html().selectFirst(".alert-warning button[hx-get]").attr("hx-get"));
		assertThat(reloaded.html().select("input[name=subject]").val()).isEqualTo("Sửa từ nơi khác");
	}

	@Test
	void aViewerAndAnotherSalespersonSeeNoEditAndCannotOpenTheForm() {
		var note = log(Map.of("type", "note", "body", "Của tôi"));
		var viewer = WebSession.signedIn(port, workspace.member(Role.VIEWER).email());
		var colleague = WebSession.signedIn(port, workspace.otherSales().email());
		var manager = WebSession.signedIn(port, workspace.member(Role.MANAGER).email());

		assertThat(viewer.get("/persons/" + person + "/timeline-panel").has("#entry-" + note + " .entry-actions")).isFalse();
		assertThat(viewer.get("/persons/" + person + "/activities/" + note + "/edit").status()).isEqualTo(403);
		assertThat(colleague.get("/persons/" + person + "/timeline-panel").has("#entry-" + note + " .entry-actions")).isFalse();
		assertThat(colleague.get("/persons/" + person + "/activities/" + note + "/edit").status()).isEqualTo(403);
		assertThat(manager.get("/persons/" + person + "/timeline-panel").has("#entry-" + note + " button[hx-get$='/edit']")).isTrue();
	}

	@Test
	void anEntryOfAnotherWorkspaceIsNotFound() {
		var note = log(Map.of("type", "note", "body", "Bí mật"));
		var outsider = WebSession.signedIn(port, workspaces.create().member(Role.ADMIN).email());

		assertThat(outsider.get("/persons/" + person + "/activities/" + note + "/edit").status()).isEqualTo(404);
	}

	@Test
	void anEmailSentOffersDeleteButNoEdit() {
		var email = api.post("/api/v1/emails", Map.of("personId", person, "subject", "Báo giá", "body", "<p>Gửi chị</p>"))
				.body().get("id").asString();
		var panel = sales.get("/persons/" + person + "/timeline-panel");

		assertThat(panel.has("#entry-" + email + " button[hx-get$='/edit']")).isFalse();
		assertThat(sales.get("/persons/" + person + "/activities/" + email + "/edit").status()).isEqualTo(403);
		var delete = (FormElement) panel.html().selectFirst("#entry-" + email + " form[hx-post$='/delete']");
		assertThat(delete.attr("hx-confirm")).isNotBlank();

		var after = post(delete.attr("hx-post"), fields(delete, Map.of()));

		assertThat(after.text(".flash")).isEqualTo("The entry was deleted.");
		assertThat(after.has("#entry-" + email)).isFalse();
		assertThat(api.get("/api/v1/activities/" + email).status()).isEqualTo(404);
	}

	@Test
	void aMeetingWithCustomersAttendingNamesThemOnTheTimeline() {
		var binh = api.post("/api/v1/persons", Map.of("familyName", "Trần", "givenName", "Bình")).body().get("id").asString();
		var manager = workspace.member(Role.MANAGER).id().toString();
		var panel = sales.get("/persons/" + person + "/timeline-panel");
		var ticked = panel.html().selectFirst(".timeline-actions input[name=attendeePersonIds][checked]");
		assertThat(ticked.val()).as("the person of the page attends").isEqualTo(person);
		var lan = ticked.parent().text();
		var managerName = panel.html().selectFirst("#activity-attendees option[value=" + manager + "]").text();
		var found = sales.get("/persons/pick?q=Bình&field=attendeePersonIds");
		assertThat(found.html().select("input[type=checkbox][name=attendeePersonIds]").eachAttr("value")).containsExactly(binh);
		var binhName = found.html().selectFirst("label.check span").text();

		var logged = post("/persons/" + person + "/activities", List.of(Map.entry("type", "meeting"), Map.entry("subject", "Họp"),
				Map.entry("occurredAt", RECENT + "T09:30"), Map.entry("attendeeUserIds", manager),
				Map.entry("attendeePersonIds", person), Map.entry("attendeePersonIds", binh)));

		var entry = logged.html().selectFirst("#timeline-entries li.entry.meeting");
		assertThat(lan).contains("Lan");
		assertThat(entry.select(".entry-attendees").text()).isEqualTo("Attending: " + managerName + ", " + lan + ", " + binhName);
		var meeting = entry.id().substring("entry-".length());
		assertThat(api.get("/api/v1/activities/" + meeting).body().get("attendeePersonIds").valueStream().map(n -> n.asString())
				.toList()).containsExactlyInAnyOrder(person, binh);

		var form = sales.get("/persons/" + person + "/activities/" + meeting + "/edit");
		assertThat(form.html().select("input[name=attendeePersonIds][checked]").eachAttr("value")).containsExactlyInAnyOrder(person, binh);
		var saved = save(form, Map.of("attendeePersonIds", List.of(binh), "attendeeUserIds", List.of()));
		assertThat(saved.text(".entry-attendees")).isEqualTo("Attending: " + binhName);
	}

	@Test
	void organizationPagesPreselectNobody() {
		var organization = api.post("/api/v1/organizations", Map.of("name", "Công ty Sen")).body().get("id").asString();

		var panel = sales.get("/organizations/" + organization + "/timeline-panel");

		assertThat(panel.has(".timeline-actions .chosen-persons")).isTrue();
		assertThat(panel.has(".timeline-actions input[name=attendeePersonIds]")).isFalse();
	}

	private String log(Map<String, Object> activity) {
		var body = new java.util.HashMap<>(activity);
		body.put("personId", person);
		var logged = api.post("/api/v1/activities", body);
		assertThat(logged.status()).isEqualTo(201);
		return logged.body().get("id").asString();
	}

	/** Submits the htmx edit form on the page as a browser would, with some fields changed. */
	private WebSession.Page save(WebSession.Page page, Map<String, ?> values) {
		var form = (FormElement) page.html().selectFirst("li.entry.editing form");
		return post(form.attr("hx-post"), fields(form, values));
	}

	@SuppressWarnings("unchecked")
	private List<Map.Entry<String, String>> fields(FormElement form, Map<String, ?> values) {
		var fields = new ArrayList<Map.Entry<String, String>>();
		form.formData().stream().filter(kv -> !values.containsKey(kv.key())).forEach(kv -> fields.add(Map.entry(kv.key(), kv.value())));
		values.forEach((name, value) -> {
			for (var one : value instanceof List<?> list ? (List<String>) list : List.of((String) value)) {
				fields.add(Map.entry(name, one));
			}
		});
		return fields;
	}

	private WebSession.Page post(String path, List<Map.Entry<String, String>> fields) {
		var withToken = new ArrayList<Map.Entry<String, String>>(fields);
		withToken.add(Map.entry("_csrf", csrf));
		var page = sales.post(path, withToken);
		assertThat(page.status()).as(path).isEqualTo(200);
		return page;
	}
}
