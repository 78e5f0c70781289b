package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The person pages as a signed-in user sees them, through the real forms (CSRF token and all). */
@IntegrationTest
class PersonPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	WebSession sales;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = WebSession.signedIn(port, workspace.member(Role.SALES).email());
	}

	@Test
	void salesCreatesAPersonThroughTheFormAndFindsItInTheList() {
		var created = createPerson(sales, "Nguyễn", "Văn", "An", "0901234567");

		assertThat(created.status()).isEqualTo(302);
		var page = sales.follow(created);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text("h1")).isEqualTo("Nguyễn Văn An"); // a Vietnamese name, family name first in English too
		assertThat(page.text(".flash")).isEqualTo("The person is created.");
		assertThat(page.html().select(".facts a[href^=tel:]").text()).isEqualTo("+84 901 234 567");
		var list = sales.get("/persons");
		assertThat(list.html().select("table.records .primary-cell a").eachText()).containsExactly("Nguyễn Văn An");
	}

	@Test
	void refusedFormComesBackWithEachProblemBesideItsFieldAndTheTypedValues() {
		var form = sales.get("/persons/new");

		var refused = sales.submit(form, "form.record-form", Map.of("familyName", "Trần", "givenName", "Bình",
				"emails[0].address", "not-an-email", "phones[0].number", "12345"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.has(".alert-error")).isTrue();
		assertThat(refused.text("[id='emails[0].address-error']")).isEqualTo("Enter a valid email address, like name@example.com.");
		assertThat(refused.text("[id='phones[0].number-error']")).startsWith("'12345' is not a valid phone number.");
		assertThat(refused.html().selectFirst("[name='emails[0].address']").val()).isEqualTo("not-an-email");
		assertThat(refused.html().selectFirst("[name=familyName]").val()).isEqualTo("Trần");
		assertThat(new Api(port, workspace.member(Role.SALES).token()).get("/api/v1/persons").body().get("items").size()).isZero();
	}

	@Test
	void ownerEditsAPersonAndTheHistoryShowsTheChange() {
		var detail = sales.follow(createPerson(sales, "Lê", null, "Chi", null));
		var edit = sales.get(detail.html().selectFirst("a[href$=/edit]").attr("href"));

		var saved = sales.submit(edit, "form.record-form", Map.of("givenName", "Chí", "status", "existing"));

		assertThat(saved.status()).isEqualTo(302);
		var page = sales.follow(saved);
		assertThat(page.text("h1")).isEqualTo("Lê Chí");
		assertThat(page.text(".badges .badge")).isEqualTo("Existing customer");
		var change = page.html().select(".timeline li").first();
		assertThat(change.text()).contains("changed").contains("Given name").contains("Chi").contains("Chí");
	}

	@Test
	void anEditThatLostTheRaceSaysSoAndKeepsTheTypedValues() {
		var detail = sales.follow(createPerson(sales, "Phạm", null, "Dũng", null));
		var editPath = detail.html().selectFirst("a[href$=/edit]").attr("href");
		var mine = sales.get(editPath);
		var theirs = sales.get(editPath);
		sales.submit(theirs, "form.record-form", Map.of("givenName", "Dung"));

		var stale = sales.submit(mine, "form.record-form", Map.of("givenName", "Dũng Anh"));

		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.text(".alert-warning")).contains("Someone else saved this record");
		assertThat(stale.html().selectFirst(".alert-warning a").attr("href")).isEqualTo(editPath);
		assertThat(stale.html().selectFirst("[name=givenName]").val()).isEqualTo("Dũng Anh");
	}

	@Test
	void viewerSeesNoEditButtonAndCannotPostAnEdit() {
		var detail = sales.follow(createPerson(sales, "Hoàng", null, "Giang", null));
		var path = detail.path();
		var viewer = WebSession.signedIn(port, workspace.member(Role.VIEWER).email());

		var seen = viewer.get(path);

		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.has("a[href$=/edit]")).isFalse();
		assertThat(seen.has("form[action$=/delete]")).isFalse();
		assertThat(viewer.get(path + "/edit").status()).isEqualTo(403);
		var token = seen.html().selectFirst("input[name=_csrf]").val();
		var refused = viewer.post(path, List.of(Map.entry("_csrf", token), Map.entry("givenName", "Hacked"),
				Map.entry("version", "0")));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text("h1")).isEqualTo("Not allowed");
		assertThat(sales.get(path).text("h1")).isEqualTo("Hoàng Giang");
	}

	@Test
	void aUserOfAnotherWorkspaceGetsNotFoundForAPersonsPage() {
		var path = sales.follow(createPerson(sales, "Vũ", null, "Hà", null)).path();
		var stranger = WebSession.signedIn(port, workspaces.create().member(Role.ADMIN).email());

		var page = stranger.get(path);

		assertThat(page.status()).isEqualTo(404);
		assertThat(page.text("h1")).isEqualTo("Not found");
		assertThat(stranger.get("/persons/not-an-id").status()).isEqualTo(404);
	}

	@Test
	void aTamperedFormIsABadRequestNotAServerError() {
		var form = sales.get("/persons/new");
		var token = form.html().selectFirst("input[name=_csrf]").val();

		var tampered = sales.post("/persons", List.of(Map.entry("_csrf", token), Map.entry("givenName", "X"),
				Map.entry("emails[x].address", "a@b.vn")));

		assertThat(tampered.status()).isEqualTo(400);
	}

	@Test
	void theApiStillAnswersWithProblemDetailsNotPages() {
		var api = new Api(port, workspace.member(Role.SALES).token());

		var response = api.get("/api/v1/persons/not-an-id");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	static WebSession.Page createPerson(WebSession session, String family, String middle, String given, String phone) {
		var values = new java.util.HashMap<String, String>();
		values.put("familyName", family);
		values.put("middleName", middle);
		values.put("givenName", given);
		values.put("phones[0].number", phone);
		values.values().removeIf(java.util.Objects::isNull);
		return session.submit(session.get("/persons/new"), "form.record-form", values);
	}
}
