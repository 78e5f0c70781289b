package org.sencrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sencrm.PersonalDataFixture.FULL_NAME;
import static org.sencrm.PersonalDataFixture.PHONE_E164;
import static org.sencrm.PersonalDataFixture.PHONE_TYPED;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.directory.CustomerIntake;
import org.sencrm.identity.Role;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A person's personal data (issue 9, section 3; decision 26): one export with every module's part,
 * and an erasure that leaves none of their name, email or phone in any table while the business
 * keeps its orders — for admins only, and found by nothing afterwards.
 */
@IntegrationTest
class PersonalDataTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	DataSource dataSource;

	@Autowired
	CustomerIntake intake;

	TestWorkspaces.TestWorkspace workspace;
	PersonalDataFixture given;
	PersonalDataFixture.Made made;

	@BeforeEach
	void aPersonWithDataEverywhere() throws Exception {
		workspace = workspaces.create();
		given = new PersonalDataFixture(port, workspace);
		made = given.personWithDataEverywhere();
		given.mailWaitingFromThem(dataSource);
	}

	@Test
	void theExportHoldsEverySectionOfEveryModule() {
		var export = given.sales.get("/api/v1/persons/" + made.person() + "/personal-data");

		assertThat(export.status()).as(export.body().toString()).isEqualTo(200);
		var data = export.body();
		assertThat(data.get("personId").asString()).isEqualTo(made.person());
		assertThat(data.get("profile").get("familyName").asString()).isEqualTo("Đoàn");
		assertThat(data.get("profile").get("emails").get(0).get("address").asString()).isEqualTo(given.email);
		assertThat(data.get("profile").get("birthday").asString()).isEqualTo("1990-05-06");
		var consents = data.get("consents");
		assertThat(consents.get("current").get("email").get("method").asString()).isEqualTo("in_person");
		assertThat(consents.get("current").get("sms").get("method").asString()).isEqualTo("phone");
		assertThat(consents.get("changes").size()).as("consent changes with who and when").isGreaterThanOrEqualTo(2);
		assertThat(consents.get("changes").get(0).get("by").asString()).isNotBlank();
		assertThat(data.get("tags").get(0).asString()).isEqualTo("VIP");
		assertThat(data.get("customFields").get("Zalo").asString()).isEqualTo("0912345678");
		assertThat(data.get("contactRoles").get(0).get("organization").asString()).isEqualTo("Công ty Hoa Sen");
		assertThat(data.get("history").size()).isGreaterThanOrEqualTo(2);

		var timeline = data.get("timeline");
		assertThat(texts(timeline.get("activities"), "text")).anyMatch(t -> t.contains("hẹn gọi lại số " + PHONE_TYPED));
		assertThat(texts(timeline.get("activities"), "subject")).contains("Tư vấn máy lọc nước");
		assertThat(texts(timeline.get("attended"), "subject")).containsExactly("Họp với " + FULL_NAME);
		assertThat(texts(timeline.get("tasks"), "title")).containsExactly("Gửi catalogue cho chị Xuyến");
		var email = data.get("emails").get("logged").get(0);
		assertThat(email.get("subject").asString()).isEqualTo("Báo giá cho chị Xuyến");
		assertThat(email.get("to").get(0).asString()).isEqualTo(given.email);
		assertThat(email.get("files").get(0).asString()).as("the file's name, not its bytes").isEqualTo("bao-gia-xuyen.txt");
		assertThat(email.get("status").asString()).isEqualTo("outbox");
		assertThat(data.get("emails").get("waitingForAPerson").get(0).get("from").asString()).isEqualTo(given.email);

		assertThat(texts(data.get("leads"), "id")).containsExactlyInAnyOrder(made.webFormLead(), made.convertedLead());
		assertThat(texts(data.get("leads").valueStream().filter(l -> l.get("id").asString().equals(made.convertedLead())).findFirst()
				.orElseThrow().get("touches"), "subject")).contains("Gọi " + FULL_NAME);
		assertThat(texts(data.get("opportunities").get("asCustomer"), "name")).containsExactly("Máy lọc nước cho " + FULL_NAME);
		assertThat(texts(data.get("opportunities").get("inBuyingCenters"), "opportunity")).containsExactly("Hoa Sen mua máy lọc");
		assertThat(data.get("quotes").get(0).get("lines").get(0).get("description").asString()).isEqualTo("Máy lọc nước");
		var order = data.get("orders").get(0);
		assertThat(order.get("lines").size()).isEqualTo(1);
		assertThat(order.get("payments").get(0).get("reference").asString()).isEqualTo("CK từ " + FULL_NAME);
		assertThat(data.get("contracts").get(0).get("title").asString()).isEqualTo("Bảo trì máy lọc — " + FULL_NAME);
	}

	@Test
	void thePersonPageOffersTheExportAsAFileAndTheErasureToAdminsOnly() {
		var adminPage = WebSession.signedIn(port, workspace.member(Role.ADMIN).email());
		var salesPage = WebSession.signedIn(port, workspace.member(Role.SALES).email());

		var page = adminPage.get("/persons/" + made.person());
		assertThat(page.has("a[href='/persons/" + made.person() + "/personal-data']")).isTrue();
		assertThat(page.has("a[href='/persons/" + made.person() + "/erase']")).isTrue();
		assertThat(salesPage.get("/persons/" + made.person()).has("a[href='/persons/" + made.person() + "/erase']")).isFalse();
		var file = salesPage.getText("/persons/" + made.person() + "/personal-data");
		assertThat(file).contains("\"familyName\" : \"Đoàn\"", given.email);
		assertThat(salesPage.get("/persons/" + made.person() + "/erase").status()).isEqualTo(403);
	}

	@Test
	void onlyThoseWhoMayEditThePersonExportAndOnlyAdminsErase() {
		assertThat(given.viewer.get("/api/v1/persons/" + made.person() + "/personal-data").status()).isEqualTo(403);
		var stranger = new org.sencrm.support.Api(port, workspace.otherSales().token());
		assertThat(stranger.get("/api/v1/persons/" + made.person() + "/personal-data").status()).isEqualTo(403);
		assertThat(given.manager.get("/api/v1/persons/" + made.person() + "/personal-data").status()).isEqualTo(200);

		var refused = given.manager.post("/api/v1/persons/" + made.person() + "/erase", null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("code").asString()).isEqualTo("error.access-denied");
		assertThat(given.sales.post("/api/v1/persons/" + made.person() + "/erase", null).status()).isEqualTo(403);
		assertThat(given.admin.get("/api/v1/persons/" + made.person()).status()).isEqualTo(200);
	}

	@Test
	void anErasureLeavesTheirNameEmailAndPhoneInNoTableAndKeepsTheOrder() throws Exception {
		assertThat(given.wherePersonalDataRemains(dataSource)).as("the check finds what is there").isNotEmpty();
		var orderBefore = given.admin.get("/api/v1/orders/" + made.order()).body();

		var erased = given.admin.post("/api/v1/persons/" + made.person() + "/erase", null);

		assertThat(erased.status()).as(erased.body().toString()).isEqualTo(200);
		var summary = erased.body().get("sections");
		assertThat(summary.get("person").asInt()).isEqualTo(1);
		assertThat(summary.get("leads").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(summary.get("timeline").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(erased.body().get("erasedBy").asString()).isEqualTo(workspace.member(Role.ADMIN).id().toString());
		assertThat(given.wherePersonalDataRemains(dataSource)).isEmpty();

		var order = given.admin.get("/api/v1/orders/" + made.order()).body();
		assertThat(order.get("number").asString()).isEqualTo(orderBefore.get("number").asString());
		assertThat(order.get("total").decimalValue()).isEqualByComparingTo(orderBefore.get("total").decimalValue());
		assertThat(order.get("paidAmount").decimalValue()).isEqualByComparingTo("1000000");
		assertThat(order.get("customerName").asString()).isEqualTo("Erased customer");
		assertThat(order.has("personId")).isFalse();
		assertThat(given.admin.get("/api/v1/quotes/" + made.quote()).body().get("customerName").asString()).isEqualTo("Erased customer");
		assertThat(given.admin.get("/api/v1/contracts/" + made.contract()).body().get("title").asString())
				.isEqualTo("Bảo trì máy lọc — [erased]");
		assertThat(given.admin.get("/api/v1/persons/" + made.person()).status()).isEqualTo(404);
		assertThat(given.admin.get("/api/v1/opportunities/" + made.opportunity()).status()).isEqualTo(404);
		assertThat(given.admin.get("/api/v1/opportunities/" + made.companyOpportunity()).body().get("contacts").size()).isZero();
		var lead = given.admin.get("/api/v1/leads/" + made.webFormLead()).body();
		assertThat(lead.get("status").asString()).isEqualTo("disqualified");
		assertThat(lead.get("source").asString()).as("kept for the lead KPIs").isEqualTo("web_form");
	}

	@Test
	void aPersonInTheTrashIsErasedWithTheirTrashedRecordsAndTheEntryKeepsOnlyWhatTheBusinessKeeps() throws Exception {
		assertThat(given.admin.delete("/api/v1/persons/" + made.person()).status()).isEqualTo(204);
		assertThat(given.wherePersonalDataRemains(dataSource)).as("trashed rows still hold it").isNotEmpty();

		var erased = given.admin.post("/api/v1/persons/" + made.person() + "/erase", null);

		assertThat(erased.status()).as(erased.body().toString()).isEqualTo(200);
		assertThat(given.wherePersonalDataRemains(dataSource)).isEmpty();
		var entry = StreamSupport.stream(given.admin.get("/api/v1/trash").body().get("items").spliterator(), false)
				.filter(item -> item.get("recordId").asString().equals(made.person())).findFirst().orElseThrow();
		assertThat(entry.get("label").asString()).isEqualTo("(đã xóa dữ liệu cá nhân)");
		assertThat(given.admin.post("/api/v1/trash/" + entry.get("id").asString() + "/restore", null).status()).isEqualTo(200);
		assertThat(given.admin.get("/api/v1/orders/" + made.order()).body().get("customerName").asString())
				.as("the order the business keeps comes back, without their name").isEqualTo("Erased customer");
		assertThat(given.admin.get("/api/v1/persons/" + made.person()).status()).isEqualTo(404);
	}

	@Test
	void theHistoryShowsWhoErasedThemAndWhenWithoutTheirData() {
		given.admin.post("/api/v1/persons/" + made.person() + "/erase", null);

		var history = given.admin.get("/api/v1/persons/" + made.person() + "/history");

		assertThat(history.status()).isEqualTo(200);
		var erased = history.body().get(0);
		assertThat(erased.get("action").asString()).isEqualTo("erased");
		assertThat(erased.get("actorId").asString()).isEqualTo(workspace.member(Role.ADMIN).id().toString());
		assertThat(erased.get("at").asString()).isNotBlank();
		assertThat(erased.get("changes").size()).isZero();
		var created = history.body().get(history.body().size() - 1);
		assertThat(created.get("action").asString()).isEqualTo("created");
		assertThat(created.get("changes").get("familyName").get("to").asString()).isEqualTo("[erased]");
		assertThat(history.body().toString()).doesNotContain(given.email, PHONE_E164, "Xuyến");
		assertThat(given.admin.get("/api/v1/persons/" + UUID.randomUUID() + "/history").status()).isEqualTo(404);
		var page = WebSession.signedIn(port, workspace.member(Role.ADMIN).email()).get("/leads/" + made.webFormLead());
		assertThat(page.html().select("ol.timeline").text()).contains("erased the personal data");
	}

	@Test
	void searchAndMatchingFindNothingOfThemAfterwards() {
		assertThat(items("/api/v1/search?q=" + encode(FULL_NAME))).isNotZero();
		assertThat(WorkspaceContext.callAsSystem(workspace.id(), () -> intake.personsByEmail(given.email))).isNotEmpty();

		given.admin.post("/api/v1/persons/" + made.person() + "/erase", null);

		for (var query : new String[] {FULL_NAME, "doan thi xuyen", "xuyen doan", given.email, PHONE_TYPED, PHONE_E164, "345678"}) {
			assertThat(items("/api/v1/search?q=" + encode(query))).as(query).isZero();
			assertThat(given.admin.get("/api/v1/persons?q=" + encode(query)).body().get("items").size()).as(query).isZero();
		}
		var session = WebSession.signedIn(port, workspace.member(Role.ADMIN).email());
		assertThat(session.get("/search?q=" + encode(FULL_NAME)).html().select(".search-results a").eachText())
				.noneMatch(text -> text.contains("Xuyến"));
		assertThat(WorkspaceContext.callAsSystem(workspace.id(), () -> intake.personsByEmail(given.email))).isEmpty();
		assertThat(WorkspaceContext.callAsSystem(workspace.id(), () -> intake.personsByPhone(PHONE_E164))).isEmpty();
		var newcomer = given.sales.post("/api/v1/leads", Map.of("givenName", "Xuyến", "familyName", "Đoàn Thị", "email", given.email,
				"phone", PHONE_TYPED)).body().get("id").asString();
		var matches = given.admin.get("/api/v1/leads/" + newcomer + "/matches").body();
		assertThat(matches.get("items").size()).as(matches.toString()).isZero();
	}

	private int items(String path) {
		return given.admin.get(path).body().get("items").size();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static java.util.List<String> texts(JsonNode list, String field) {
		return list.valueStream().map(n -> n.path(field).asString(null)).toList();
	}
}
