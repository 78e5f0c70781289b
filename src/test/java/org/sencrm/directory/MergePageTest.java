package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The merge page: records side by side with the merge's defaults, a confirm that merges with the API's fields, undo from the survivor. */
@IntegrationTest
class MergePageTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void showsTheRecordsSideBySideWithTheNewestValuesChosenAndWhatMovesFromEach() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var older = id(sales.post("/api/v1/persons", Map.of("familyName", "Phạm", "givenName", "Lan", "source", "website",
				"emails", List.of(Map.of("address", "lan@example.vn")))));
		var newer = id(sales.post("/api/v1/persons", Map.of("familyName", "Pham", "middleName", "Thi", "givenName", "Lan",
				"birthday", "1990-05-02", "phones", List.of(Map.of("number", "0912345678")), "allowDuplicate", true)));
		sales.post("/api/v1/activities", Map.of("type", "note", "personId", newer, "body", "<p>Gọi lại</p>"));
		sales.post("/api/v1/tasks", Map.of("title", "Gửi báo giá", "personId", newer, "dueAt", "2030-01-01T09:00:00Z"));

		var page = WebSession.signedIn(port, workspace.member(Role.SALES).email()).get("/persons/merge?ids=" + older + "," + newer);

		assertThat(page.status()).isEqualTo(200);
		// the first named is kept unless the user picks the other
		assertThat(page.html().selectFirst("input[name=survivorId][checked]").attr("value")).isEqualTo(older);
		// the newest non-empty value by default, the older one's where only it has one
		assertThat(checked(page, "name")).isEqualTo(newer);
		assertThat(checked(page, "birthday")).isEqualTo(newer);
		assertThat(checked(page, "source")).isEqualTo(older);
		assertThat(page.text("fieldset[data-field=name]")).contains("Phạm Lan", "Pham Thi Lan");
		assertThat(page.html().select(".merge-kept .kept-email").eachText()).containsExactly("lan@example.vn");
		assertThat(page.html().select(".merge-kept .kept-phone")).hasSize(1);
		assertThat(page.text("#record-" + newer + " .merge-linked")).contains("Timeline entries", "1", "Tasks");
		assertThat(page.text("#record-" + older + " .merge-linked")).contains("Nothing linked.");
	}

	@Test
	void confirmingMergesWithTheChosenValuesInTheApisFieldsAndTheSurvivorOffersUndo() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var first = id(sales.post("/api/v1/persons", Map.of("familyName", "Võ", "givenName", "Minh", "source", "zalo")));
		var second = id(sales.post("/api/v1/persons", Map.of("familyName", "Vo", "middleName", "Van", "givenName", "Minh",
				"birthday", "1985-11-20", "source", "website", "allowDuplicate", true)));
		var note = id(sales.post("/api/v1/activities", Map.of("type", "note", "personId", first, "body", "<p>Hẹn tuần sau</p>")));
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var page = web.get("/persons/merge?ids=" + first + "," + second);

		// keep the second; its name, but the first's source
		var done = web.submit(page, "form.merge-form", Map.of("survivorId", second, "field.name", second, "field.source", first));

		assertThat(done.status()).isEqualTo(302);
		assertThat(done.location()).endsWith("/persons/" + second);
		var survivor = sales.get("/api/v1/persons/" + second).body();
		assertThat(survivor.get("displayName").asString()).isEqualTo("Vo Van Minh");
		assertThat(survivor.get("source").asString()).isEqualTo("zalo");
		assertThat(survivor.get("birthday").asString()).isEqualTo("1985-11-20");
		assertThat(sales.get("/api/v1/persons/" + first).body().get("mergedInto").asString()).isEqualTo(second);
		assertThat(sales.get("/api/v1/activities/" + note).body().get("personId").asString()).isEqualTo(second);
		// what the page sent is what the API takes: field name -> the record whose value survives
		var fields = WorkspaceContext.callAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).execute(status -> jdbc
				.sql("select fields::text from merges where workspace_id = :ws and survivor_id = cast(:id as uuid)")
				.param("ws", workspace.id()).param("id", second).query(String.class).single()));
		assertThat(fields).contains("\"name\": \"" + second + "\"", "\"source\": \"" + first + "\"", "\"birthday\": \"" + second + "\"");

		var survivorPage = web.follow(done);
		assertThat(survivorPage.text(".flash")).contains("Records merged");
		assertThat(survivorPage.text(".merge-notice")).contains("1 other record(s) were merged into this one");
		var undone = web.submit(survivorPage, ".merge-notice form", Map.of());
		assertThat(undone.status()).as(() -> undone.html().text()).isEqualTo(302);
		assertThat(undone.location()).endsWith("/persons/" + second);
		assertThat(sales.get("/api/v1/persons/" + first).status()).isEqualTo(200);
		assertThat(sales.get("/api/v1/activities/" + note).body().get("personId").asString()).isEqualTo(first);
		assertThat(web.follow(undone).has(".merge-notice")).isFalse();
	}

	@Test
	void undoingAMergeOfThreeGivesEachMergedAwayRecordItsOwnRowsBack() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var kept = id(sales.post("/api/v1/persons", Map.of("givenName", "Tâm")));
		var second = id(sales.post("/api/v1/persons", Map.of("givenName", "Tâm")));
		var third = id(sales.post("/api/v1/persons", Map.of("givenName", "Tâm")));
		var secondNote = id(sales.post("/api/v1/activities", Map.of("type", "note", "personId", second, "body", "<p>Hai</p>")));
		var thirdNote = id(sales.post("/api/v1/activities", Map.of("type", "note", "personId", third, "body", "<p>Ba</p>")));
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var merged = web.submit(web.get("/persons/merge?ids=" + kept + "," + second + "," + third), "form.merge-form", Map.of());
		assertThat(sales.get("/api/v1/activities/" + thirdNote).body().get("personId").asString()).isEqualTo(kept);

		var undone = web.submit(web.follow(merged), ".merge-notice form", Map.of());

		assertThat(undone.status()).isEqualTo(302);
		// each record restored after the first still takes its own rows back
		assertThat(sales.get("/api/v1/activities/" + secondNote).body().get("personId").asString()).isEqualTo(second);
		assertThat(sales.get("/api/v1/activities/" + thirdNote).body().get("personId").asString()).isEqualTo(third);
	}

	@Test
	void aRecordChangedSinceThePageOpenedIsNotMergedUnseen() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var first = id(sales.post("/api/v1/persons", Map.of("givenName", "Quân")));
		var second = id(sales.post("/api/v1/persons", Map.of("givenName", "Quân")));
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var page = web.get("/persons/merge?ids=" + first + "," + second);
		sales.patch("/api/v1/persons/" + second, Map.of("source", "hotline"));

		var refused = web.submit(page, "form.merge-form", Map.of());

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text(".alert-error")).contains("Someone changed one of these records");
		assertThat(sales.get("/api/v1/persons/" + second).status()).isEqualTo(200);
		// the page shown again has the new value and merges now
		assertThat(refused.text("fieldset[data-field=source]")).contains("hotline");
		assertThat(web.submit(refused, "form.merge-form", Map.of()).status()).isEqualTo(302);
		assertThat(sales.get("/api/v1/persons/" + second).body().get("mergedInto").asString()).isEqualTo(first);
	}

	@Test
	void mergeWithFindsTheOtherRecordFromARecordsPage() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var one = id(sales.post("/api/v1/organizations", Map.of("name", "Công ty Hoa Sen", "taxCode", "0301234567")));
		var other = id(sales.post("/api/v1/organizations", Map.of("name", "Hoa Sen Co.", "website", "https://hoasen.vn")));
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());

		var record = web.get("/organizations/" + one);
		var pick = web.get(record.html().selectFirst("a.merge-with").attr("href") + "&q=hoa%20sen");

		assertThat(pick.status()).isEqualTo(200);
		var link = pick.html().selectFirst(".merge-found a");
		assertThat(link.text()).isEqualTo("Hoa Sen Co.");
		var page = web.get(link.attr("href"));
		assertThat(checked(page, "taxCode")).isEqualTo(one);
		assertThat(checked(page, "website")).isEqualTo(other);
		assertThat(web.submit(page, "form.merge-form", Map.of()).location()).endsWith("/organizations/" + one);
		var merged = sales.get("/api/v1/organizations/" + one).body();
		assertThat(merged.get("taxCode").asString()).isEqualTo("0301234567");
		assertThat(merged.get("website").asString()).isEqualTo("https://hoasen.vn");
	}

	private static String checked(WebSession.Page page, String field) {
		return page.html().selectFirst("input[name='field." + field + "'][checked]").attr("value");
	}

	private static String id(Api.Response created) {
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}
}
