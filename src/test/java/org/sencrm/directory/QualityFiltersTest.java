package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

/** The data-quality filters of the customer lists, through the API and from the data-quality page's links. */
@IntegrationTest
class QualityFiltersTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	/** A workspace with one person of each kind the filters tell apart; the names are the person's given names. */
	record Base(TestWorkspaces.TestWorkspace workspace, Api api, Map<String, String> ids) {
	}

	Base base() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var colleague = new Api(port, workspace.otherSales().token());
		var ids = new java.util.LinkedHashMap<String, String>();
		ids.put("Full", id(sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Full",
				"emails", List.of(Map.of("address", "full@example.vn")), "phones", List.of(Map.of("number", "0901111222"))))));
		ids.put("Phone", id(sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Phone",
				"phones", List.of(Map.of("number", "0902222333"))))));
		ids.put("Bare", id(sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Bare"))));
		ids.put("Old", id(sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Old"))));
		ids.put("Orphan", id(colleague.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Orphan"))));
		ids.put("Twin", id(sales.post("/api/v1/persons", Map.of("familyName", "Trịnh", "givenName", "Twin",
				"emails", List.of(Map.of("address", "twin@example.vn"))))));
		ids.put("Twin2", id(sales.post("/api/v1/persons", Map.of("familyName", "Trịnh", "givenName", "Twin",
				"emails", List.of(Map.of("address", "twin@example.vn")), "allowDuplicate", true))));
		asSystem(workspace, () -> {
			// values saved before today's checks, a record untouched for two years, a colleague who left
			jdbc.sql("""
					update persons set emails = '[{"address":"old at example","primary":true}]', phones = '[{"number":"12345","primary":true}]',
					  updated_at = now() - interval '2 years'
					where workspace_id = :ws and id = cast(:id as uuid)""").param("ws", workspace.id()).param("id", ids.get("Old")).update();
			jdbc.sql("update users set active = false where id = :id").param("id", workspace.otherSales().id()).update();
		});
		sales.post("/api/v1/duplicates/scan?type=person", null);
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			var items = sales.get("/api/v1/duplicates/scan?type=person").body().get("items");
			return !items.isEmpty() && "done".equals(items.get(0).get("status").asString());
		});
		return new Base(workspace, sales, ids);
	}

	@Test
	void eachFilterFindsThePersonsItNames() {
		var base = base();

		assertThat(names(base, "hasEmail=true")).containsExactlyInAnyOrder("Full", "Old", "Twin", "Twin2");
		assertThat(names(base, "hasEmail=false")).containsExactlyInAnyOrder("Phone", "Bare", "Orphan");
		assertThat(names(base, "hasPhone=true")).containsExactlyInAnyOrder("Full", "Phone", "Old");
		assertThat(names(base, "hasPhone=false&hasEmail=false")).containsExactlyInAnyOrder("Bare", "Orphan");
		assertThat(names(base, "hasOwner=false")).containsExactly("Orphan");
		assertThat(names(base, "hasOwner=true")).hasSize(6).doesNotContain("Orphan");
		assertThat(names(base, "invalid=email")).containsExactly("Old");
		assertThat(names(base, "invalid=phone")).containsExactly("Old");
		assertThat(names(base, "invalid=any")).containsExactly("Old");
		assertThat(names(base, "updatedBefore=" + java.time.LocalDate.now().minusYears(1))).containsExactly("Old");
		assertThat(names(base, "updatedBefore=" + java.time.Instant.now().plusSeconds(60))).hasSize(7);
		assertThat(names(base, "inDuplicateGroup=true")).containsExactlyInAnyOrder("Twin", "Twin2");
		assertThat(names(base, "inDuplicateGroup=false")).hasSize(5).doesNotContain("Twin", "Twin2");
		// with the other filters, and on the organizations' list too
		assertThat(names(base, "inDuplicateGroup=true&q=twin&hasPhone=false")).hasSize(2);
		assertThat(base.api().get("/api/v1/organizations?hasEmail=false").status()).isEqualTo(200);
	}

	@Test
	void aValueAFilterCannotReadIsRefusedNamingTheParameter() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());

		for (var query : List.of("hasEmail=yes", "invalid=name", "updatedBefore=last-year", "inDuplicateGroup=1")) {
			var refused = sales.get("/api/v1/persons?" + query);
			assertThat(refused.status()).as(query).isEqualTo(422);
			assertThat(refused.body().toString()).as(query).contains(query.substring(0, query.indexOf('=')));
		}
	}

	@Test
	void everyFigureOfTheDataQualityPageLeadsToAListOfThatManyPersons() {
		var base = base();
		var web = WebSession.signedIn(port, base.workspace().member(Role.SALES).email());

		var page = web.get("/data-quality");

		var links = page.html().select("table.data-quality a.with, table.data-quality a.without");
		assertThat(links).hasSizeGreaterThanOrEqualTo(10);
		var checked = 0;
		for (var link : links) {
			var href = link.attr("href");
			if (!href.startsWith("/persons")) {
				continue;
			}
			var figure = figure(link.text());
			var list = web.get(href);
			assertThat(list.status()).as(href).isEqualTo(200);
			assertThat(list.html().select(".results table.records tbody tr")).as(href + " shows " + link.text()).hasSize(figure);
			// the list says which filters are on
			assertThat(list.html().selectFirst("details.quality-filters").hasAttr("open")).as(href).isTrue();
			checked++;
		}
		assertThat(checked).isEqualTo(10);
		assertThat(figure(page.text(".quality-in-groups"))).isEqualTo(2);
		assertThat(figure(page.text(".quality-duplicates"))).isEqualTo(1);
		assertThat(page.text(".quality-untouched")).endsWith("1");
	}

	/** "57 % (4)" is 4; "3" is 3. */
	private static int figure(String text) {
		var share = Pattern.compile("\\((\\d+)").matcher(text);
		if (share.find()) {
			return Integer.parseInt(share.group(1));
		}
		var digits = Pattern.compile("(\\d+)\\s*$").matcher(text);
		assertThat(digits.find()).as(text).isTrue();
		return Integer.parseInt(digits.group(1));
	}

	private List<String> names(Base base, String query) {
		var response = base.api().get("/api/v1/persons?limit=200&" + query);
		assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
		var byId = new java.util.HashMap<String, String>();
		base.ids().forEach((name, id) -> byId.put(id, name));
		var names = new ArrayList<String>();
		response.body().get("items").forEach(item -> names.add(byId.getOrDefault(item.get("id").asString(), "?")));
		return names;
	}

	private void asSystem(TestWorkspaces.TestWorkspace workspace, Runnable work) {
		WorkspaceContext.runAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).executeWithoutResult(status -> work.run()));
	}

	private static String id(Api.Response created) {
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

}
