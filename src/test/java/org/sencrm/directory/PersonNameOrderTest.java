package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A name's order belongs to the name: the same in every language, on every page, list, document and export. */
@IntegrationTest
class PersonNameOrderTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api admin;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		admin = new Api(port, workspace.member(Role.ADMIN).token());
	}

	@Test
	void aVietnameseNameReadsFamilyNameFirstAndASwedishOneGivenNameFirstInEnglishAndInVietnamese() {
		var yen = admin.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "middleName", "Thị", "givenName", "Yến")).body();
		var anna = admin.post("/api/v1/persons", Map.of("familyName", "Lindqvist", "givenName", "Anna")).body();
		for (var language : List.of("en", "vi")) {
			var api = new Api(port, workspace.member(Role.ADMIN).token()).header("Accept-Language", language);
			assertThat(api.get("/api/v1/persons/" + id(yen)).body().get("displayName").asString()).as(language)
					.isEqualTo("Nguyễn Thị Yến");
			assertThat(api.get("/api/v1/persons/" + id(anna)).body().get("displayName").asString()).as(language)
					.isEqualTo("Anna Lindqvist");
			assertThat(api.get("/api/v1/persons?q=lindqvist").body().get("items").get(0).get("displayName").asString())
					.as(language).isEqualTo("Anna Lindqvist");
			assertThat(api.get("/api/v1/search?q=nguyen%20thi%20yen").body().get("items").get(0).get("name").asString())
					.as(language).isEqualTo("Nguyễn Thị Yến");
			assertThat(api.get("/api/v1/search?q=anna").body().get("items").get(0).get("name").asString())
					.as(language).isEqualTo("Anna Lindqvist");

			var web = signedIn(language);
			var page = web.get("/persons/" + id(yen));
			assertThat(page.html().selectFirst("html").attr("lang")).isEqualTo(language);
			assertThat(page.text("h1")).as(language).isEqualTo("Nguyễn Thị Yến");
			assertThat(web.get("/persons/" + id(anna)).text("h1")).as(language).isEqualTo("Anna Lindqvist");
			assertThat(web.get("/persons").html().select("table.records .primary-cell a").eachText()).as(language)
					.containsExactly("Anna Lindqvist", "Nguyễn Thị Yến");
			assertThat(web.get("/search?q=yen").html().select(".search-results a").eachText()).as(language)
					.containsExactly("Nguyễn Thị Yến");
			assertThat(web.get("/persons/pick?q=lindqvist").html().text()).as(language).contains("Anna Lindqvist");
			assertThat(web.get("/").html().text()).as(language).contains("Nguyễn Thị Yến", "Anna Lindqvist");
		}
		assertThat(yen.get("nameOrder").asString()).isEqualTo("family_first");
		assertThat(anna.get("nameOrder").asString()).isEqualTo("given_first");
	}

	@Test
	void theOrderIsEditableInTheApiKeptInTheHistoryAndCheckedByName() {
		var anna = id(admin.post("/api/v1/persons", Map.of("familyName", "Lindqvist", "givenName", "Anna")).body());

		var changed = admin.patch("/api/v1/persons/" + anna, Map.of("nameOrder", "family_first"));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body().get("nameOrder").asString()).isEqualTo("family_first");
		assertThat(changed.body().get("displayName").asString()).isEqualTo("Lindqvist Anna");
		var history = admin.get("/api/v1/persons/" + anna + "/history").body();
		var change = history.get(0).get("changes").get("nameOrder");
		assertThat(change.get("from").asString()).isEqualTo("given_first");
		assertThat(change.get("to").asString()).isEqualTo("family_first");

		var wrong = admin.patch("/api/v1/persons/" + anna, Map.of("nameOrder", "western"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.body().get("errors").get(0).get("field").asString()).isEqualTo("nameOrder");

		var detectedAgain = admin.patch("/api/v1/persons/" + anna, Collections.singletonMap("nameOrder", null));
		assertThat(detectedAgain.body().get("nameOrder").asString()).isEqualTo("given_first");
	}

	@Test
	void theWorkspacesOrderIsForNamesItCannotRecognise() {
		admin.patch("/api/v1/workspace", Map.of("nameOrder", "family_first"));

		var tanaka = admin.post("/api/v1/persons", Map.of("familyName", "Tanaka", "givenName", "Hiroshi")).body();
		var peter = admin.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "givenName", "Peter", "nameOrder", "given_first"))
				.body();

		assertThat(tanaka.get("displayName").asString()).isEqualTo("Tanaka Hiroshi");
		assertThat(peter.get("displayName").asString()).isEqualTo("Peter Nguyễn");
		assertThat(admin.patch("/api/v1/workspace", Map.of("nameOrder", "by_language")).status()).isEqualTo(422);
	}

	@Test
	void theWebFormDetectsTheOrderOrTakesTheOneChosen() {
		var web = signedIn("en");

		var created = web.submit(web.get("/persons/new"), "form.record-form",
				Map.of("familyName", "Nguyen", "middleName", "Van", "givenName", "An", "nameOrder", ""));
		var person = URI.create(created.location()).getPath();
		assertThat(web.follow(created).text("h1")).isEqualTo("Nguyen Van An");

		var saved = web.submit(web.get(person + "/edit"), "form.record-form", Map.of("nameOrder", "given_first"));
		assertThat(web.follow(saved).text("h1")).isEqualTo("An Van Nguyen");
		assertThat(web.get(person + "/edit").html().selectFirst("#nameOrder option[selected]").val())
				.isEqualTo("given_first");
	}

	@Test
	void anEditedOrderShowsEverywhereTheNameIsIncludingAQuotePdfAndTheCsvExport() throws Exception {
		var anna = id(admin.post("/api/v1/persons", Map.of("familyName", "Lindqvist", "givenName", "Anna",
				"emails", List.of(Map.of("address", "anna@nordic.example")))).body());
		var company = id(admin.post("/api/v1/organizations", Map.of("name", "Nordic Coffee AB")).body());
		admin.post("/api/v1/contact-roles", Map.of("personId", anna, "organizationId", company, "jobTitle", "Buyer"));
		var line = List.of(Map.of("description", "Cà phê Arabica", "quantity", 1, "unitPrice", 500000, "taxRate", 8));
		var quote = id(admin.post("/api/v1/quotes", Map.of("personId", anna, "lines", line)).body());
		var companyQuote = id(admin.post("/api/v1/quotes", Map.of("personId", anna, "organizationId", company, "lines", line))
				.body());
		var pipeline = admin.get("/api/v1/pipelines").body().get(0);
		admin.post("/api/v1/opportunities", Map.of("name", "Arabica", "pipelineId", id(pipeline),
				"stageId", pipeline.get("stages").get(0).get("id").asString(), "personId", anna, "expectedCloseDate", "2099-03-31"));
		assertThat(admin.get("/api/v1/quotes/" + quote).body().get("customerName").asString()).isEqualTo("Anna Lindqvist");

		var web = signedIn("en");
		var edit = web.get("/persons/" + anna + "/edit");
		web.submit(edit, "form.record-form", Map.of("nameOrder", "family_first"));

		assertThat(web.get("/persons/" + anna).text("h1")).isEqualTo("Lindqvist Anna");
		assertThat(admin.get("/api/v1/quotes/" + quote).body().get("customerName").asString()).isEqualTo("Lindqvist Anna");
		assertThat(admin.get("/api/v1/quotes/" + companyQuote).body().get("customerName").asString())
				.isEqualTo("Nordic Coffee AB — Lindqvist Anna");
		assertThat(pdfText(quote)).contains("Lindqvist Anna").doesNotContain("Anna Lindqvist");
		assertThat(admin.get("/api/v1/organizations/" + company + "/contact-roles").body().get(0).get("personName").asString())
				.isEqualTo("Lindqvist Anna");
		assertThat(web.get("/organizations/" + company).html().select("#contacts .primary-cell a").eachText())
				.containsExactly("Lindqvist Anna");
		assertThat(admin.get("/api/v1/pipelines/" + id(pipeline) + "/board").body().get("columns").get(0).get("cards").get(0)
				.get("customerName").asString()).isEqualTo("Lindqvist Anna");
		assertThat(admin.post("/api/v1/emails/preview", Map.of("personId", anna, "subject", "Hello {{person.fullName}}",
				"body", "<p>Dear {{person.fullName}}</p>")).body().get("subject").asString()).isEqualTo("Hello Lindqvist Anna");
		var row = csv(admin.get("/api/v1/persons/export").body().asString());
		assertThat(row.get("full_name")).isEqualTo("Lindqvist Anna");
		assertThat(row.get("name_order")).isEqualTo("family_first");
		assertThat(row.get("given_name")).isEqualTo("Anna");
		assertThat(csv(web.getText("/persons/export.csv")).get("full_name")).isEqualTo("Lindqvist Anna");
	}

	private WebSession signedIn(String language) {
		var web = new WebSession(port, language);
		var done = web.submit(web.get("/login"), "form.login-form",
				Map.of("email", workspace.member(Role.ADMIN).email(), "password", TestWorkspaces.PASSWORD));
		assertThat(done.status()).isEqualTo(302);
		return web;
	}

	private String pdfText(String quote) throws IOException, InterruptedException {
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/quotes/" + quote + "/pdf")).header("Authorization", "Bearer " + workspace.member(Role.ADMIN).token())
				.header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		try (var pdf = Loader.loadPDF(response.body())) {
			return new PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replaceAll("\\s+", " ");
		}
	}

	private static CSVRecord csv(String text) throws IOException {
		var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(new StringReader(text.replace("\uFEFF", ""))).getRecords();
		assertThat(records).hasSize(1);
		return records.getFirst();
	}

	private static String id(tools.jackson.databind.JsonNode node) {
		return node.get("id").asString();
	}
}
