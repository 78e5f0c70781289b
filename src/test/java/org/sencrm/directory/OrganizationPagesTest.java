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

/** Organizations and the contact roles that link persons to them, through the pages. */
@IntegrationTest
class OrganizationPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	Api api;
	WebSession sales;

	@BeforeEach
	void setUp() {
		var workspace = workspaces.create();
		api = new Api(port, workspace.member(Role.SALES).token());
		sales = WebSession.signedIn(port, workspace.member(Role.SALES).email());
	}

	@Test
	void aSubsidiaryIsCreatedUnderItsParentAndBothPagesShowTheLink() {
		var parent = api.post("/api/v1/organizations", Map.of("name", "Tập đoàn Sen")).body().get("id").asString();
		var form = sales.get("/organizations/new");
		assertThat(sales.get("/organizations/pick?q=tap+doan&field=parentId").html()
				.select("input[name=parentId]").eachAttr("value")).containsExactly(parent);

		var created = sales.submit(form, "form.record-form", Map.of("name", "Sen Đà Nẵng", "kind", "commercial_distributor",
				"taxCode", "0401234567-001", "parentId", parent));

		assertThat(created.status()).isEqualTo(302);
		var page = sales.follow(created);
		assertThat(page.text("h1")).isEqualTo("Sen Đà Nẵng");
		assertThat(page.text(".kicker")).isEqualTo("Business – distributor");
		assertThat(page.html().select(".facts a[href='/organizations/" + parent + "']").text()).isEqualTo("Tập đoàn Sen");
		assertThat(sales.get("/organizations/" + parent).html().select(".facts a[href^='/organizations/']").eachText())
				.containsExactly("Sen Đà Nẵng");
	}

	@Test
	void aLifecycleStageChosenOnTheFormShowsOnThePageInItsHistoryAndFiltersTheList() {
		var organization = api.post("/api/v1/organizations", Map.of("name", "Công ty Lúa Vàng")).body().get("id").asString();
		api.post("/api/v1/organizations", Map.of("name", "Công ty Chưa Mua"));
		var form = sales.get("/organizations/" + organization + "/edit");
		assertThat(form.html().select("select[name=lifecycleStage] option").eachText()).contains("Regular", "Churned");

		var saved = sales.submit(form, "form.record-form", Map.of("lifecycleStage", "regular"));

		assertThat(saved.status()).isEqualTo(302);
		var page = sales.follow(saved);
		assertThat(page.html().select(".badges .badge").eachText()).contains("Regular");
		assertThat(page.html().select("ol.timeline table.changes tr").eachText()).contains("Lifecycle stage → Regular");
		assertThat(api.get("/api/v1/organizations/" + organization).body().get("lifecycleStage").asString()).isEqualTo("regular");
		var list = sales.get("/organizations?lifecycleStage=regular");
		assertThat(list.html().select("table.records .primary-cell a").eachText()).containsExactly("Công ty Lúa Vàng");
		assertThat(list.html().selectFirst("select[name=lifecycleStage] option[selected]").val()).isEqualTo("regular");

		var cleared = sales.submit(sales.get("/organizations/" + organization + "/edit"), "form.record-form",
				Map.of("lifecycleStage", ""));
		assertThat(cleared.status()).isEqualTo(302);
		assertThat(api.get("/api/v1/organizations/" + organization).body().has("lifecycleStage")).isFalse();
	}

	@Test
	void aWrongTaxCodeAndWebsiteAreShownBesideTheirFields() {
		var refused = sales.submit(sales.get("/organizations/new"), "form.record-form",
				Map.of("name", "Sen", "taxCode", "123", "website", "not a site"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text("#taxCode-error")).startsWith("A Vietnamese tax code has 10 digits");
		assertThat(refused.text("#website-error")).isEqualTo("Enter a web address such as https://example.com.");
		assertThat(refused.html().selectFirst("[name=taxCode]").val()).isEqualTo("123");
	}

	@Test
	void aPersonIsGivenARoleAtAnOrganizationAndLosesItAgain() {
		var organization = api.post("/api/v1/organizations", Map.of("name", "Công ty Hoa Sen")).body().get("id").asString();
		var person = api.post("/api/v1/persons", Map.of("familyName", "Phan", "givenName", "Linh")).body().get("id").asString();
		var page = sales.get("/persons/" + person);

		var added = sales.submitAll(page, "form.role-form", Map.of("organizationId", List.of(organization),
				"jobTitle", List.of("Kế toán trưởng"), "buyingRoles", List.of("influencer", "gatekeeper")));

		assertThat(added.status()).isEqualTo(302);
		var withRole = sales.get("/persons/" + person);
		assertThat(withRole.text(".role-list li")).contains("Công ty Hoa Sen").contains("Kế toán trưởng")
				.contains("Influencer").contains("Gatekeeper");
		assertThat(sales.get("/organizations/" + organization).text("#contacts table")).contains("Phan Linh")
				.contains("Kế toán trưởng");

		var removed = sales.submit(withRole, ".role-list form", Map.of());
		assertThat(removed.status()).isEqualTo(302);
		assertThat(sales.get("/persons/" + person).has(".role-list")).isFalse();
	}

	@Test
	void aRoleWithoutAnOrganizationComesBackWithTheProblemAndTheTypedTitle() {
		var person = api.post("/api/v1/persons", Map.of("givenName", "Mai")).body().get("id").asString();

		var refused = sales.submit(sales.get("/persons/" + person), "form.role-form", Map.of("jobTitle", "Giám đốc"));

		var page = sales.follow(refused);
		assertThat(page.text("#organizationId-error")).isEqualTo("This field is required.");
		assertThat(page.html().selectFirst("form.role-form [name=jobTitle]").val()).isEqualTo("Giám đốc");
	}
}
