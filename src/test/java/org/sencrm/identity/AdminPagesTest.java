package org.sencrm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Administration, API tokens and the language switch, through the pages. */
@IntegrationTest
class AdminPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	WebSession admin;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		admin = WebSession.signedIn(port, workspace.member(Role.ADMIN).email());
	}

	@Test
	void adminAddsAUserWhoSignsInAndMustFirstChooseTheirOwnPassword() {
		var email = "lan-" + System.nanoTime() + "@test.sen";

		var added = admin.submit(admin.get("/admin/users"), "form.record-form",
				Map.of("email", email, "displayName", "Trần Thị Lan", "role", "marketing", "password", TestWorkspaces.PASSWORD));

		assertThat(added.status()).isEqualTo(302);
		assertThat(admin.follow(added).html().select("table.records .primary-cell").eachText()).contains("Trần Thị Lan");
		var lan = WebSession.signedIn(port, email);
		assertThat(lan.get("/").location()).endsWith("/me/security");
		assertThat(lan.get("/me/security").text(".user-name")).isEqualTo("Trần Thị Lan");
	}

	@Test
	void aRefusedNewUserShowsWhyBesideTheFields() {
		var refused = admin.submit(admin.get("/admin/users"), "form.record-form",
				Map.of("email", "not-an-email", "displayName", "", "password", "short"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text("#email-error")).isEqualTo("Enter a valid email address, like name@example.com.");
		assertThat(refused.text("#password-error")).isEqualTo("The password needs at least 12 characters.");
		assertThat(refused.text("#displayName-error")).isEqualTo("This field is required.");
	}

	@Test
	void onlyAdminsSeeTheAdminPages() {
		var sales = WebSession.signedIn(port, workspace.member(Role.SALES).email());

		assertThat(sales.get("/admin/users").status()).isEqualTo(403);
		assertThat(sales.get("/admin/custom-fields").status()).isEqualTo(403);
		assertThat(sales.get("/").has("a[href='/admin/users']")).isFalse();
		assertThat(admin.get("/").has("a[href='/admin/users']")).isTrue();
		assertThat(admin.get("/admin/workspaces").status()).isEqualTo(403); // a workspace admin is no instance admin
	}

	@Test
	void aTeamThatStillOwnsCustomersIsNotDeleted() {
		new Api(port, workspace.member(Role.SALES).token()).post("/api/v1/persons",
				Map.of("givenName", "Hạnh", "ownerTeamId", workspace.teamId().toString()));
		var teams = admin.get("/admin/teams");

		var refused = admin.submit(teams, "form[action$='/" + workspace.teamId() + "/delete']", Map.of());

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text(".error-page")).contains("This team still owns customer records.");
		assertThat(admin.get("/admin/teams").has("form[action$='/" + workspace.teamId() + "/delete']")).isTrue();
	}

	@Test
	void aNewTokenIsShownOnceAndWorksWithTheApi() {
		var created = admin.submitAll(admin.get("/me/tokens"), "form.record-form",
				Map.of("name", List.of("Zalo sync"), "scopes", List.of("read")));

		assertThat(created.status()).isEqualTo(200);
		var token = created.text("code.token");
		assertThat(token).startsWith("sen_");
		assertThat(new Api(port, token).get("/api/v1/persons").status()).isEqualTo(200);
		assertThat(new Api(port, token).post("/api/v1/persons", Map.of("givenName", "X")).status()).isEqualTo(403);
		var later = admin.get("/me/tokens");
		assertThat(later.has("code.token")).isFalse();
		assertThat(later.html().select("table.records .primary-cell").eachText()).contains("Zalo sync");
	}

	@Test
	void theChosenLanguageIsKeptAndComesBackAtTheNextSignIn() {
		var switched = admin.get("/language?lang=vi", "/persons?tag=VIP");

		assertThat(switched.status()).isEqualTo(302);
		assertThat(switched.location()).isEqualTo("http://localhost:" + port + "/persons?tag=VIP");
		assertThat(admin.get("/persons").text("h1")).isEqualTo("Cá nhân");

		var elsewhere = WebSession.signedIn(port, workspace.member(Role.ADMIN).email()); // a browser that asks for English
		assertThat(elsewhere.get("/").html().selectFirst("html").attr("lang")).isEqualTo("vi");
	}

	@Test
	void aSignedOutUserIsSentBackToThePageTheyAskedForAfterSigningIn() {
		var browser = new WebSession(port, "en");
		var asked = browser.get("/persons?tag=VIP");
		assertThat(asked.location()).endsWith("/login");

		var signedIn = browser.submit(browser.get("/login"), "form.login-form",
				Map.of("email", workspace.member(Role.ADMIN).email(), "password", TestWorkspaces.PASSWORD));

		assertThat(signedIn.location()).endsWith("/persons?tag=VIP&continue");
	}

	@Test
	void anHtmxRequestAfterTheSessionEndedSendsTheWholePageToSignIn() throws Exception {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/search/live?q=an"))
				.header("HX-Request", "true").build();

		var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("HX-Redirect")).hasValue("/login");
	}

	@Test
	void theLanguageSwitchNeverLeavesTheSite() {
		var fromElsewhere = admin.get("/language?lang=en", "https://evil.example/phish?x=1");
		var sneaky = admin.get("/language?lang=en", "http://localhost:" + port + "//evil.example/phish");

		assertThat(fromElsewhere.location()).isEqualTo("http://localhost:" + port + "/phish?x=1");
		assertThat(sneaky.location()).isEqualTo("http://localhost:" + port + "/");
	}
}
