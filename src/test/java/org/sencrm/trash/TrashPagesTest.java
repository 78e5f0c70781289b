package org.sencrm.trash;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The trash on the web: the delete question and refusal on a customer's page, the Trash page, the retention setting. */
@IntegrationTest
class TrashPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	String person;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
		person = sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "givenName", "Thảo")).body().get("id").asString();
	}

	@Test
	void aRefusedDeletionIsExplainedOnThePersonsPage() {
		var colleague = new Api(port, workspace.otherSales().token());
		var pipeline = colleague.get("/api/v1/pipelines").body().get(1);
		colleague.post("/api/v1/opportunities", Map.of("name", "Máy lọc nước", "pipelineId", pipeline.get("id").asString(),
				"personId", person, "expectedCloseDate", TestDates.daysFromNow(30).toString()));
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var page = web.get("/persons/" + person);

		assertThat(page.html().selectFirst("form[action$=/delete]").attr("data-confirm")).contains("cannot go to the trash", "Máy lọc nước");
		var refused = web.submit(page, "form[action$=/delete]", Map.of());

		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.location()).endsWith("/persons/" + person);
		var shown = web.follow(refused);
		assertThat(shown.text(".alert-error")).contains("The person “Nguyễn Thảo” cannot go to the trash", "opportunity “Máy lọc nước”",
				"Other sales");
		assertThat(sales.get("/api/v1/persons/" + person).status()).isEqualTo(200);
	}

	@Test
	void theDeleteQuestionSaysWhatGoesWithThePersonAndTheTrashPageRestoresIt() {
		sales.post("/api/v1/tasks", Map.of("title", "Gọi lại", "personId", person));
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var page = web.get("/persons/" + person);
		assertThat(page.html().selectFirst("form[action$=/delete]").attr("data-confirm"))
				.isEqualTo("Move this person to the trash, together with 1 task? All of it can be restored from the Trash for 30 days.");

		var deleted = web.submit(page, "form[action$=/delete]", Map.of());
		assertThat(deleted.location()).endsWith("/persons");
		assertThat(web.follow(deleted).text(".flash")).startsWith("The person is in the trash");
		assertThat(web.get("/persons/" + person).status()).isEqualTo(404);

		var trash = web.get("/trash");
		assertThat(trash.has("nav a[href$=/trash].active")).isTrue();
		assertThat(trash.text("table.trash-entries tbody tr")).contains("Person", "Nguyễn Thảo", "1 task");
		assertThat(trash.has("form[action$=/purge]")).as("only administrators purge").isFalse();
		var restored = web.submit(trash, "form[action$=/restore]", Map.of());
		assertThat(web.follow(restored).text(".flash")).isEqualTo("Restored, with everything that was deleted with it.");
		assertThat(web.get("/persons/" + person).status()).isEqualTo(200);
		assertThat(web.get("/trash").text(".empty")).isEqualTo("Nothing in the trash.");
	}

	@Test
	void administratorsPurgeFromTheTrashPageAndChangeTheRetentionOnTheWorkspaceSettings() {
		assertThat(sales.delete("/api/v1/persons/" + person).status()).isEqualTo(204);
		var admin = WebSession.signedIn(port, workspace.member(Role.ADMIN).email());

		var trash = admin.get("/trash");
		assertThat(trash.html().selectFirst("form[action$=/purge]").attr("data-confirm")).isNotBlank();
		assertThat(admin.follow(admin.submit(trash, "form[action$=/purge]", Map.of())).text(".flash")).isEqualTo("Removed for good.");
		assertThat(admin.get("/trash").has("table.trash-entries")).isFalse();

		var settings = admin.get("/admin/workspace");
		assertThat(settings.html().selectFirst("#retentionDays").val()).isEqualTo("30");
		var saved = admin.submit(settings, "form[action$=/admin/trash]", Map.of("retentionDays", "45"));
		assertThat(admin.follow(saved).text(".flash")).isEqualTo("The trash settings are saved.");
		assertThat(sales.get("/api/v1/trash/settings").body().get("retentionDays").asInt()).isEqualTo(45);
		var refused = admin.follow(admin.submit(admin.get("/admin/workspace"), "form[action$=/admin/trash]", Map.of("retentionDays", "0")));
		assertThat(refused.text(".trash-settings .alert-error")).isEqualTo("Enter a number of days from 1 to 3650.");
		assertThat(sales.put("/api/v1/trash/settings", Map.of("retentionDays", 10)).status()).isEqualTo(403);
		var manager = WebSession.signedIn(port, workspace.member(Role.MANAGER).email());
		assertThat(manager.post("/admin/trash", java.util.List.of(Map.entry("retentionDays", "5"))).status()).isEqualTo(403);
	}

	@Test
	void documentsAndLeadsOfferDeleteOnlyToWhoMayDeleteThem() {
		var draft = order("draft");
		var confirmed = order("confirmed");
		var lead = sales.post("/api/v1/leads", Map.of("givenName", "Hà", "email", "ha@example.vn", "ownerId",
				workspace.member(Role.SALES).id().toString())).body().get("id").asString();
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());

		assertThat(web.get("/orders/" + confirmed).has("form[action$=/delete]")).as("a confirmed order binds the customer").isFalse();
		var page = web.get("/orders/" + draft);
		var deleted = web.submit(page, "form[action$=/delete]", Map.of());
		assertThat(web.follow(deleted).text(".flash")).startsWith("Moved to the trash.");
		assertThat(sales.get("/api/v1/orders/" + draft).status()).isEqualTo(404);
		var leadPage = web.get("/leads/" + lead);
		assertThat(web.follow(web.submit(leadPage, "form[action$=/delete]", Map.of())).text(".flash")).startsWith("Moved to the trash.");
		assertThat(sales.get("/api/v1/leads/" + lead).status()).isEqualTo(404);
		var manager = WebSession.signedIn(port, workspace.member(Role.MANAGER).email());
		assertThat(manager.get("/orders/" + confirmed).has("form[action$=/delete]")).isTrue();
		assertThat(WebSession.signedIn(port, workspace.member(Role.VIEWER).email()).get("/leads").status()).isEqualTo(200);
	}

	private String order(String status) {
		return sales.post("/api/v1/orders", Map.of("personId", person, "status", status, "lines",
				java.util.List.of(Map.of("description", "Lõi lọc", "quantity", 1, "unitPrice", 300000, "taxRate", 10))))
				.body().get("id").asString();
	}

	@Test
	void viewersHaveNoTrashLink() {
		var viewer = WebSession.signedIn(port, workspace.member(Role.VIEWER).email());

		assertThat(viewer.get("/").has("nav a[href$=/trash]")).isFalse();
		assertThat(WebSession.signedIn(port, workspace.member(Role.SALES).email()).get("/").has("nav a[href$=/trash]")).isTrue();
	}
}
