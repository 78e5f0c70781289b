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

/** The person list: filters, pages by cursor, saved views and the CSV of the same list. */
@IntegrationTest
class PersonListPageTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	WebSession sales;
	TestWorkspaces.TestWorkspace workspace;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		var api = new Api(port, workspace.member(Role.SALES).token());
		api.post("/api/v1/persons", Map.of("familyName", "Đỗ", "givenName", "An", "tags", List.of("VIP")));
		api.post("/api/v1/persons", Map.of("familyName", "Bùi", "givenName", "Bảo", "tags", List.of("VIP")));
		api.post("/api/v1/persons", Map.of("familyName", "Cao", "givenName", "Cúc"));
		sales = WebSession.signedIn(port, workspace.member(Role.SALES).email());
	}

	@Test
	void nextPageContinuesAfterTheLastRowShownWithTheSameFilters() {
		var first = sales.get("/persons?tag=VIP&limit=1");

		assertThat(names(first)).containsExactly("Bùi Bảo");
		var next = sales.get(first.html().selectFirst(".pager a.button-quiet").attr("href"));
		assertThat(names(next)).containsExactly("Đỗ An");
		assertThat(next.has(".pager a.button-quiet")).isFalse();
	}

	@Test
	void savedViewKeepsTheFiltersUnderAName() {
		var filtered = sales.get("/persons?tag=VIP&sort=created");

		var saved = sales.submit(filtered, ".saved-views form.inline-form", Map.of("name", "Khách VIP"));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/persons?tag=VIP&sort=created");
		var list = sales.get("/persons");
		var view = list.html().selectFirst(".saved-views li a");
		assertThat(view.text()).isEqualTo("Khách VIP");
		assertThat(names(sales.get(view.attr("href")))).containsExactly("Bùi Bảo", "Đỗ An");

		var deleted = sales.submit(list, ".saved-views li form", Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(sales.get("/persons").has(".saved-views li")).isFalse();
	}

	@Test
	void exportLinkGivesTheSameListAsCsv() {
		var manager = WebSession.signedIn(port, workspace.member(Role.MANAGER).email());
		var list = manager.get("/persons?tag=VIP");
		var export = list.html().select("a").stream().filter(a -> a.attr("href").startsWith("/persons/export/choose")).findFirst()
				.orElseThrow();

		assertThat(export.attr("href")).as("the chooser keeps the filters (decision 34)").isEqualTo("/persons/export/choose?tag=VIP");
		var csv = manager.getText("/persons/export.csv?tag=VIP");
		assertThat(csv.lines().count()).isEqualTo(3);
		assertThat(csv).contains("Đỗ").contains("Bùi").doesNotContain("Cao");
	}

	private static List<String> names(WebSession.Page page) {
		return page.html().select("table.records .primary-cell a").eachText();
	}
}
