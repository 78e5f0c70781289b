package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sencrm.sales.QuoteTotalsTest.fields;

import java.util.ArrayList;
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
import tools.jackson.databind.JsonNode;

/** The quote and order lists narrowed to a customer and a status, newest first, page by page. */
@IntegrationTest
class DocumentListFiltersTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api api;
	String an;
	String binh;
	String company;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		api = new Api(port, workspace.member(Role.SALES).token());
		an = api.post("/api/v1/persons", Map.of("familyName", "Phạm", "givenName", "An")).body().get("id").asString();
		binh = api.post("/api/v1/persons", Map.of("familyName", "Võ", "givenName", "Bình")).body().get("id").asString();
		company = api.post("/api/v1/organizations", Map.of("name", "Công ty TNHH Ánh Dương")).body().get("id").asString();
	}

	@Test
	void quotesOfOneCustomerComeNewestFirstPageByPage() {
		var ans = new ArrayList<String>();
		for (int i = 0; i < 3; i++) {
			ans.add(document("/api/v1/quotes", Map.of("personId", an)).get("number").asString());
		}
		document("/api/v1/quotes", Map.of("personId", binh));
		var ofCompany = document("/api/v1/quotes", Map.of("organizationId", company, "personId", an)).get("number").asString();

		var first = api.get("/api/v1/quotes?personId=" + an + "&limit=2").body();
		var second = api.get("/api/v1/quotes?personId=" + an + "&limit=2&cursor=" + first.get("nextCursor").asString()).body();

		assertThat(numbers(first)).containsExactly(ofCompany, ans.get(2));
		assertThat(numbers(second)).containsExactly(ans.get(1), ans.get(0));
		assertThat(second.hasNonNull("nextCursor")).isFalse();
		assertThat(numbers(api.get("/api/v1/quotes?organizationId=" + company).body())).containsExactly(ofCompany);
		assertThat(numbers(api.get("/api/v1/quotes?personId=" + binh).body())).hasSize(1);
	}

	@Test
	void ordersFilterByCustomerAndStatusTogether() {
		var draft = document("/api/v1/orders", Map.of("personId", an)).get("number").asString();
		var confirmed = document("/api/v1/orders", Map.of("personId", an, "status", "confirmed")).get("number").asString();
		document("/api/v1/orders", Map.of("personId", binh, "status", "confirmed"));
		var companys = document("/api/v1/orders", Map.of("organizationId", company)).get("number").asString();

		assertThat(numbers(api.get("/api/v1/orders?personId=" + an).body())).containsExactly(confirmed, draft);
		assertThat(numbers(api.get("/api/v1/orders?personId=" + an + "&status=confirmed").body())).containsExactly(confirmed);
		assertThat(numbers(api.get("/api/v1/orders?status=draft&organizationId=" + company).body())).containsExactly(companys);
		assertThat(numbers(api.get("/api/v1/orders?status=paid&personId=" + an).body())).isEmpty();
	}

	@Test
	void anUnknownStatusOrAMangledIdIsRefusedByName() {
		var status = api.get("/api/v1/orders?status=shipped");
		assertThat(status.status()).isEqualTo(422);
		assertThat(fields(status.body())).containsExactly("status");
		assertThat(fields(api.get("/api/v1/quotes?status=won").body())).containsExactly("status");
		var id = api.get("/api/v1/quotes?personId=not-an-id");
		assertThat(id.status()).isEqualTo(400);
		assertThat(fields(id.body())).containsExactly("personId");
	}

	@Test
	void anotherWorkspacesCustomerFindsNothing() {
		document("/api/v1/orders", Map.of("personId", an));
		var stranger = new Api(port, workspaces.create().member(Role.ADMIN).token());

		assertThat(stranger.get("/api/v1/orders?personId=" + an).body().get("items").size()).isZero();
		assertThat(stranger.get("/api/v1/quotes?personId=" + an).body().get("items").size()).isZero();
	}

	@Test
	void theListPagesNarrowToTheCustomerAndKeepItWhenTheStatusChanges() {
		var sent = document("/api/v1/quotes", Map.of("personId", an)).get("id").asString();
		api.patch("/api/v1/quotes/" + sent, Map.of("status", "sent"));
		var draft = document("/api/v1/quotes", Map.of("personId", an)).get("number").asString();
		var other = document("/api/v1/quotes", Map.of("personId", binh)).get("number").asString();
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());

		var list = web.get("/quotes?personId=" + an);

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.text(".customer-filter")).startsWith("Customer: ").contains("An", "Phạm");
		assertThat(list.html().select("table.records tbody tr")).hasSize(2);
		assertThat(list.text("table.records tbody")).doesNotContain(other);
		var drafts = web.get(list.html().selectFirst("form.inline-form").attr("action") + "?status=draft&personId="
				+ list.html().selectFirst("form.inline-form input[name=personId]").val());
		assertThat(drafts.html().select("table.records tbody tr")).hasSize(1);
		assertThat(drafts.text("table.records tbody")).contains(draft);
		var everyone = web.get(drafts.html().selectFirst(".customer-filter a").attr("href"));
		assertThat(everyone.has(".customer-filter")).isFalse();
		assertThat(everyone.text("table.records tbody")).contains(draft, other).doesNotContain("Sent");
		assertThat(web.get("/orders?organizationId=" + company).text(".customer-filter")).contains("Công ty TNHH Ánh Dương");
		assertThat(web.get("/orders?personId=0197f000-0000-7000-8000-000000000000").status()).isEqualTo(404);
	}

	private JsonNode document(String path, Map<String, Object> customer) {
		var body = new java.util.HashMap<String, Object>(customer);
		body.put("lines", List.of(Map.of("description", "Tư vấn", "quantity", 1, "unitPrice", 500000, "taxRate", 10)));
		var created = api.post(path, body);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body();
	}

	private static List<String> numbers(JsonNode page) {
		return page.get("items").valueStream().map(item -> item.get("number").asString()).toList();
	}
}
