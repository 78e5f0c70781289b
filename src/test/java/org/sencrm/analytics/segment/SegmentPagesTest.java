package org.sencrm.analytics.segment;

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

import static org.assertj.core.api.Assertions.assertThat;

/** The segments pages: the list with counts, a static list filled by search, the lists' segment filter, and who sees the forms. */
@IntegrationTest
class SegmentPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api admin;
	String an;

	@BeforeEach
	void customers() {
		workspace = workspaces.create();
		admin = new Api(port, workspace.member(Role.ADMIN).token());
		an = admin.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "givenName", "An", "tags", List.of("vip"))).body().get("id")
				.asString();
		admin.post("/api/v1/persons", Map.of("familyName", "Trần", "givenName", "Bình"));
	}

	@Test
	void theListShowsEachSegmentWithItsCountAndThePersonListFiltersByIt() {
		var segment = admin.post("/api/v1/segments", Map.of("name", "Khách VIP", "type", "person", "rule",
				Map.of("field", "tags", "op", "eq", "value", "vip"))).body().get("id").asString();
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());

		var list = web.get("/segments");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.text("table.records")).contains("Khách VIP").contains("1");

		var persons = web.get("/persons?segment=" + segment);
		assertThat(persons.status()).isEqualTo(200);
		assertThat(persons.has("select#segment option[value=" + segment + "][selected]")).isTrue();
		assertThat(persons.text("table.records")).contains("Nguyễn An").doesNotContain("Trần Bình");
	}

	@Test
	void aStaticListIsFilledFromASearchAndEmptiedOneByOne() {
		var web = WebSession.signedIn(port, workspace.member(Role.MANAGER).email());
		var form = web.get("/segments/new?type=person&list=true");
		var created = web.submit(form, "#segment-form", Map.of("name", "Hội thảo"));
		assertThat(created.status()).isEqualTo(302);
		var page = web.follow(created);
		assertThat(page.text(".segment-summary")).contains("0");

		var candidates = web.get(page.path() + "/candidates?q=nguyen");
		assertThat(candidates.text("body")).contains("Nguyễn An").doesNotContain("Trần Bình");
		var added = web.submitAll(page, "form[action$='/members']", Map.of("ids", List.of(an)));
		assertThat(added.status()).isEqualTo(302);
		page = web.follow(added);
		assertThat(page.text(".segment-summary")).contains("1");
		assertThat(page.text("table.records")).contains("Nguyễn An");

		var removed = web.submit(page, "form[action$='/remove']", Map.of());
		page = web.follow(removed);
		assertThat(page.text(".segment-summary")).contains("0");
	}

	@Test
	void aBadRuleComesBackWithItsProblemNamedByItsPath() {
		var web = WebSession.signedIn(port, workspace.member(Role.MANAGER).email());
		var form = web.get("/segments/new?type=person");
		var refused = web.submit(form, "#segment-form", Map.of("name", "x", "rule",
				"{\"all\":[{\"field\":\"shoeSize\",\"op\":\"eq\",\"value\":1}]}"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text(".rule-errors")).contains("rule.all[0].field").contains("shoeSize");
	}

	@Test
	void anotherSalesUserSeesASegmentButNotItsForms() {
		var mine = new Api(port, workspace.member(Role.SALES).token()).post("/api/v1/segments", Map.of("name", "Của tôi", "type", "person",
				"static", true)).body().get("id").asString();
		var other = WebSession.signedIn(port, workspace.otherSales().email());
		var page = other.get("/segments/" + mine);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.has("#segment-form")).isFalse();
		assertThat(page.has("form[action$='/members']")).isFalse();
		var viewer = WebSession.signedIn(port, workspace.member(Role.VIEWER).email());
		assertThat(viewer.get("/segments").has("a[href^='/segments/new']")).isFalse();
	}
}
