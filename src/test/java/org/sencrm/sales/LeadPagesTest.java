package org.sencrm.sales;

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

/** The lead pages as signed-in users see them, through the real forms. */
@IntegrationTest
class LeadPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	WebSession sales;
	Api salesApi;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		salesApi = new Api(port, workspace.member(Role.SALES).token());
	}

	@Test
	void salesEntersALeadByHandAndFindsItInTheListByScore() {
		var form = sales.get("/leads/new");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.has("select#ownerId")).as("only managers choose owners").isFalse();

		var created = sales.submit(form, "form.record-form", Map.of("familyName", "Nguyễn", "givenName", "An",
				"email", "an@example.vn", "companyName", "Hoa Sen", "source", "referral", "consentEmail", "true",
				"consentMethod", "phone"));

		assertThat(created.status()).isEqualTo(302);
		var page = sales.follow(created);
		assertThat(page.text("h1")).isEqualTo("Nguyễn An");
		assertThat(page.text(".flash")).isEqualTo("Lead saved.");
		assertThat(page.text(".lead-score")).isEqualTo("Score 40");
		salesApi.post("/api/v1/leads", Map.of("givenName", "Thấp"));
		var list = sales.get("/leads?sort=score");
		assertThat(list.html().select("table.records .primary-cell a").eachText()).containsExactly("Nguyễn An", "Thấp");
		assertThat(sales.get("/leads?status=converted").has("table.records")).isFalse();
		assertThat(sales.get("/").html().select("nav.sidebar a[href='/leads']").text()).isEqualTo("Leads");
	}

	@Test
	void aRefusedLeadFormNamesItsFields() {
		var refused = sales.submit(sales.get("/leads/new"), "form.record-form", Map.of("email", "nope", "phone", "123"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text("#email-error")).isEqualTo("Enter a valid email address, like name@example.com.");
		assertThat(refused.text("#phone-error")).startsWith("'123' is not a valid phone number.");
	}

	@Test
	void theLeadPageListsMatchesWithReasonsAndLinksOne() {
		var person = salesApi.post("/api/v1/persons", Map.of("givenName", "Bảo", "familyName", "Trần",
				"emails", List.of(Map.of("address", "bao@example.vn")))).body().get("id").asString();
		var lead = salesApi.post("/api/v1/leads", Map.of("givenName", "Bảo", "familyName", "Trần", "email", "bao@example.vn"))
				.body().get("id").asString();

		var page = sales.get("/leads/" + lead);
		var match = page.html().selectFirst(".matches li[data-type=person]");
		assertThat(match.text()).contains("Trần Bảo").contains("same email").contains("similar name");

		var linked = sales.follow(sales.submit(page, ".matches li[data-type=person] form", Map.of()));
		assertThat(linked.text(".flash")).startsWith("Link saved");
		assertThat(linked.html().select(".linked a").attr("href")).isEqualTo("/persons/" + person);
		assertThat(salesApi.get("/api/v1/leads/" + lead).body().get("linkedPersonId").asString()).isEqualTo(person);
	}

	@Test
	void disqualifyingWithoutAReasonIsRefusedOnThePage() {
		var lead = salesApi.post("/api/v1/leads", Map.of("givenName", "Chi")).body().get("id").asString();
		var page = sales.get("/leads/" + lead);

		var refused = sales.submit(page, "form.disqualify-form", Map.of("reason", ""));
		var done = sales.follow(sales.submit(page, "form.disqualify-form", Map.of("reason", "Trùng với khách cũ")));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text(".alert-error")).isEqualTo("Say why the lead is disqualified.");
		assertThat(done.text(".lead-status")).isEqualTo("Disqualified");
		assertThat(done.html().select(".changes").text()).contains("Trùng với khách cũ");
	}

	@Test
	void aViewerSeesLeadsWithoutTheActions() {
		var lead = salesApi.post("/api/v1/leads", Map.of("givenName", "Dung")).body().get("id").asString();
		var viewer = WebSession.signedIn(port, workspace.member(Role.VIEWER).email());

		assertThat(viewer.get("/leads").has("a[href='/leads/new']")).isFalse();
		var page = viewer.get("/leads/" + lead);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.has("form.convert-form")).isFalse();
		assertThat(viewer.get("/leads/new").status()).isEqualTo(403);
		assertThat(viewer.get("/leads/import").status()).isEqualTo(403);
	}

	@Test
	void aMarketerMakesAWebFormAndGetsItsSnippet() {
		var marketing = WebSession.signedIn(port, workspace.member(Role.MARKETING).email());
		var editor = marketing.get("/leads/forms/new");

		var created = marketing.submitAll(editor, "form.web-form-editor", Map.of("name", List.of("Đăng ký dùng thử"),
				"fields", List.of("givenName", "email", "phone"), "required", List.of("email"),
				"consentText", List.of("Tôi đồng ý nhận email."), "consentChannels", List.of("email"),
				"allowedOrigins", List.of("https://www.example.vn/\nhttps://shop.example.vn"), "language", List.of("en")));

		assertThat(created.status()).as(created.html().text()).isEqualTo(302);
		var page = marketing.follow(created);
		var snippet = page.html().selectFirst("textarea.snippet").text();
		assertThat(snippet).contains("<form class=\"sen-form\" method=\"post\"").contains("name=\"website\"")
				.contains("<label for=\"sen-email\">Email *</label>").contains("Tôi đồng ý nhận email.").contains("fetch(form.action");
		assertThat(page.text("code.submit-url")).contains("/api/v1/public/forms/wf_");
		assertThat(page.html().selectFirst("#allowedOrigins").text()).isEqualTo("https://www.example.vn\nhttps://shop.example.vn");
		assertThat(sales.get("/leads/forms").html().select("table.records .primary-cell a").eachText()).containsExactly("Đăng ký dùng thử");
		assertThat(sales.get("/leads/forms/new").status()).isEqualTo(403);

		var key = page.text("code.submit-url").substring(page.text("code.submit-url").lastIndexOf('/') + 1);
		new Api(port, null).post("/api/v1/public/forms/" + key, Map.of("givenName", "Web", "email", "web@example.vn", "consent", "yes"));
		var lead = salesApi.get("/api/v1/leads").body().get("items").get(0).get("id").asString();
		var leadPage = sales.get("/leads/" + lead);
		assertThat(leadPage.html().select(".facts").text()).contains("Đăng ký dùng thử").contains("Unassigned");
		assertThat(leadPage.text("q")).isEqualTo("Tôi đồng ý nhận email.");
		assertThat(leadPage.has("form[action$=/take]")).isTrue();
	}

	@Test
	void aManagerAddsRulesOnTheRulesPage() {
		var manager = WebSession.signedIn(port, workspace.member(Role.MANAGER).email());
		var page = manager.get("/leads/rules");
		assertThat(page.html().select(".scoring-rules tbody tr").size()).isEqualTo(11);

		var scored = manager.follow(manager.submit(page, "form.scoring-form", Map.of("kind", "field_equals", "field", "province",
				"value", "Hà Nội", "points", "15")));
		var assigned = manager.follow(manager.submit(scored, "form.assignment-form", Map.of("matchField", "any",
				"teamId", workspace.teamId().toString())));

		assertThat(assigned.html().select(".scoring-rules tbody tr").last().text()).contains("Province / region is Hà Nội").contains("+15");
		assertThat(assigned.text(".assignment-rules tbody tr")).contains("by turns");
		assertThat(sales.get("/leads/rules").has("form.scoring-form")).isFalse();
	}
}
