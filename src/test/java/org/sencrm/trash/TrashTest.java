package org.sencrm.trash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestDates;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Deleting never destroys anyone else's work (issue 9, section 1): a deletion moves the record and
 * everything that hangs on it into the trash as one entry, refused while that holds work the user may
 * not delete; the trash restores the whole unit; the purge removes it for good and leaves a tombstone.
 */
@IntegrationTest
class TrashTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	TrashPurge purge;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	Api otherSales;
	Api manager;
	Api admin;
	JsonNode pipeline;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = api(workspace.member(Role.SALES));
		otherSales = api(workspace.otherSales());
		manager = api(workspace.member(Role.MANAGER));
		admin = api(workspace.member(Role.ADMIN));
		pipeline = sales.get("/api/v1/pipelines").body().get(1);
	}

	@Test
	void aSalesUserCannotTrashTheirPersonWhileItCarriesAColleaguesOpportunity() {
		var person = person(sales, "Nguyễn", "Thị Thảo", "thao.nguyen@example.vn");
		var deal = opportunity(otherSales, "Máy lọc nước cho gia đình", person, 25_000_000);

		var refused = sales.delete("/api/v1/persons/" + person);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("code").asString()).isEqualTo("trash.blocked");
		assertThat(refused.body().get("detail").asString()).contains("Máy lọc nước cho gia đình", "Other sales");
		var blocker = refused.body().get("blockers").get(0);
		assertThat(blocker.get("type").asString()).isEqualTo("opportunity");
		assertThat(blocker.get("id").asString()).isEqualTo(deal);
		assertThat(blocker.get("label").asString()).isEqualTo("Máy lọc nước cho gia đình");
		assertThat(blocker.get("ownerId").asString()).isEqualTo(workspace.otherSales().id().toString());
		assertThat(blocker.get("ownerName").asString()).startsWith("Other sales");
		assertThat(refused.body().get("blockers")).hasSize(1);
		// nothing changed
		assertThat(sales.get("/api/v1/persons/" + person).status()).isEqualTo(200);
		assertThat(otherSales.get("/api/v1/opportunities/" + deal).status()).isEqualTo(200);
		assertThat(manager.get("/api/v1/trash").body().get("items")).isEmpty();
		// in Vietnamese too
		var vietnamese = new Api(port, workspace.member(Role.SALES).token()).header("Accept-Language", "vi")
				.delete("/api/v1/persons/" + person);
		assertThat(vietnamese.body().get("detail").asString()).contains("cơ hội", "Máy lọc nước cho gia đình");
	}

	@Test
	void aManagerTrashesThePersonWithTheColleaguesOpportunityAndBothDisappearFromEverything() {
		var person = person(sales, "Nguyễn", "Thị Thảo", "thao.nguyen@example.vn");
		var deal = opportunity(otherSales, "Máy lọc nước cho gia đình", person, 25_000_000);
		var won = opportunity(otherSales, "Bộ lõi lọc thay thế", person, 3_000_000);
		assertThat(otherSales.post("/api/v1/opportunities/" + won + "/won", null).status()).isEqualTo(200);
		var period = otherSales.get("/api/v1/sales/kpis").body().get("period").asString();
		assertThat(otherSales.get("/api/v1/sales/kpis?period=" + period).body().get("wonDeals").asLong()).isEqualTo(1);
		var quarter = "%d-Q%d".formatted(TestDates.today().getYear(), (TestDates.today().getMonthValue() - 1) / 3 + 1);
		assertThat(manager.get("/api/v1/forecast?period=" + quarter).body().get("total").get("openDeals").asLong()).isEqualTo(1);

		var deleted = manager.delete("/api/v1/persons/" + person);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(sales.get("/api/v1/persons/" + person).status()).isEqualTo(404);
		assertThat(sales.get("/api/v1/persons/" + person + "/history").status()).isEqualTo(404);
		assertThat(otherSales.get("/api/v1/opportunities/" + deal).status()).isEqualTo(404);
		assertThat(manager.get("/api/v1/opportunities/" + deal).status()).isEqualTo(404);
		assertThat(ids(manager.get("/api/v1/persons").body())).doesNotContain(person);
		assertThat(ids(manager.get("/api/v1/opportunities").body())).isEmpty();
		assertThat(manager.get("/api/v1/search?q=thao").body().get("items")).isEmpty();
		assertThat(manager.get("/api/v1/search?q=thao.nguyen@example.vn").body().get("items")).isEmpty();
		var board = manager.get("/api/v1/pipelines/" + pipeline.get("id").asString() + "/board").body();
		board.get("columns").forEach(column -> assertThat(column.get("count").asLong()).isZero());
		assertThat(manager.get("/api/v1/forecast?period=" + quarter).body().get("total").get("openDeals").asLong()).isZero();
		assertThat(manager.get("/api/v1/sales/kpis?period=" + period).body().get("wonDeals").asLong()).isZero();
		assertThat(sales.post("/api/v1/activities", Map.of("type", "note", "personId", person, "body", "x")).status())
				.as("nothing new hangs on a trashed person").isEqualTo(404);
		var entry = manager.get("/api/v1/trash").body().get("items").get(0);
		assertThat(entry.get("type").asString()).isEqualTo("person");
		assertThat(entry.get("recordId").asString()).isEqualTo(person);
		assertThat(entry.get("label").asString()).isEqualTo("Nguyễn Thị Thảo");
		assertThat(entry.get("contents").get("opportunity").asInt()).isEqualTo(2);
		assertThat(entry.get("deletedBy").get("id").asString()).isEqualTo(workspace.member(Role.MANAGER).id().toString());
		assertThat(Duration.between(Instant.parse(entry.get("deletedAt").asString()), Instant.parse(entry.get("purgeAt").asString())))
				.isEqualTo(Duration.ofDays(30));

		var swede = person(manager, "Lindqvist", "Anna", null);
		assertThat(manager.delete("/api/v1/persons/" + swede).status()).isEqualTo(204);
		assertThat(manager.get("/api/v1/trash").body().get("items").get(0).get("label").asString())
				.as("each name in its own order").isEqualTo("Anna Lindqvist");
	}

	@Test
	void restoringBringsBackTheWholeUnitWithItsLinksAndHistory() {
		var person = person(sales, "Trần", "Văn Minh", "minh.tran@example.vn");
		var deal = opportunity(otherSales, "Điều hoà văn phòng", person, 40_000_000);
		var note = sales.post("/api/v1/activities", Map.of("type", "note", "personId", person, "body", "Gọi lại tuần sau"))
				.body().get("id").asString();
		awaitTimeline(person, 2);
		assertThat(manager.delete("/api/v1/persons/" + person).status()).isEqualTo(204);
		var entry = manager.get("/api/v1/trash").body().get("items").get(0);

		var restored = manager.post("/api/v1/trash/" + entry.get("id").asString() + "/restore", null);

		assertThat(restored.status()).isEqualTo(200);
		assertThat(restored.body().get("recordId").asString()).isEqualTo(person);
		assertThat(restored.body().get("contents").get("opportunity").asInt()).isEqualTo(1);
		assertThat(restored.body().get("contents").get("activity").asInt()).as("the note, and the deal's 'new opportunity' entry")
				.isEqualTo(2);
		assertThat(sales.get("/api/v1/persons/" + person).body().get("displayName").asString()).isEqualTo("Trần Văn Minh");
		var back = otherSales.get("/api/v1/opportunities/" + deal);
		assertThat(back.status()).isEqualTo(200);
		assertThat(back.body().get("personId").asString()).isEqualTo(person);
		assertThat(sales.get("/api/v1/activities/" + note).status()).isEqualTo(200);
		assertThat(manager.get("/api/v1/search?q=minh").body().get("items").get(0).get("id").asString()).isEqualTo(person);
		assertThat(manager.get("/api/v1/trash").body().get("items")).isEmpty();
		assertThat(actions(sales.get("/api/v1/persons/" + person + "/history").body())).containsExactly("restored", "deleted", "created");
		assertThat(actions(otherSales.get("/api/v1/opportunities/" + deal + "/history").body()))
				.containsSubsequence("restored", "deleted", "created");
		assertThat(manager.post("/api/v1/trash/" + entry.get("id").asString() + "/restore", null).status()).isEqualTo(404);
	}

	@Test
	void thePurgeRemovesTheUnitForGoodAfterTheRetentionAndLeavesATombstoneWithoutPersonalData() {
		var person = person(sales, "Lê", "Hoàng Yến", "yen.le@example.vn");
		var deal = opportunity(otherSales, "Máy lọc không khí", person, 12_000_000);
		var task = sales.post("/api/v1/tasks", Map.of("title", "Gọi cho chị Yến", "personId", person)).body().get("id").asString();
		awaitTimeline(person, 1);
		assertThat(manager.delete("/api/v1/persons/" + person).status()).isEqualTo(204);
		var entry = manager.get("/api/v1/trash").body().get("items").get(0).get("id").asString();
		var deletedAt = Instant.now();

		assertThat(purge.run(workspace.id(), deletedAt.plus(Duration.ofDays(29)))).as("still within the 30 days").isZero();
		assertThat(manager.get("/api/v1/trash/" + entry).status()).isEqualTo(200);
		var purgedAt = deletedAt.plus(Duration.ofDays(31));
		assertThat(purge.run(workspace.id(), purgedAt)).isEqualTo(1);

		assertThat(manager.get("/api/v1/trash/" + entry).status()).isEqualTo(404);
		for (var table : List.of("persons", "opportunities", "tasks", "search_terms where person_id is not null", "trash")) {
			long rows = inWorkspace(jdbc -> jdbc.sql("select count(*) from " + table).query(Long.class).single());
			assertThat(rows).as(table).isZero();
		}
		var tombstones = inWorkspace(jdbc -> jdbc.sql("""
				select entity_type, entity_id, changes::text from history where action = 'purged' order by entity_type""")
				.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list());
		assertThat(tombstones).extracting(t -> t.get(0)).containsExactly("activity", "opportunity", "person", "task");
		assertThat(tombstones).extracting(t -> t.get(1)).contains(deal, person, task);
		tombstones.forEach(t -> assertThat(t.get(2)).contains("deletedBy", "deletedAt", "purgedAt",
				workspace.member(Role.MANAGER).id().toString(), purgedAt.toString())
				.doesNotContain("Yến", "yen", "Hoàng", "Máy lọc", "Gọi"));
	}

	@Test
	void anOrganizationWithOtherUsersActivitiesAndTasksIsRefusedToSalesAndTakenWholeByAManager() {
		var organization = sales.post("/api/v1/organizations", Map.of("name", "Công ty Cổ phần Sông Hồng")).body().get("id").asString();
		var call = otherSales.post("/api/v1/activities", Map.of("type", "call", "organizationId", organization,
				"subject", "Hỏi về hợp đồng bảo trì")).body().get("id").asString();
		var task = otherSales.post("/api/v1/tasks", Map.of("title", "Gửi hồ sơ năng lực", "organizationId", organization))
				.body().get("id").asString();
		var own = sales.post("/api/v1/activities", Map.of("type", "note", "organizationId", organization, "body", "Khách quen"))
				.body().get("id").asString();

		var refused = sales.delete("/api/v1/organizations/" + organization);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("blockers").valueStream().map(b -> b.get("type").asString() + " " + b.get("id").asString()))
				.containsExactlyInAnyOrder("activity " + call, "task " + task);
		assertThat(sales.get("/api/v1/activities/" + own).status()).isEqualTo(200);

		assertThat(manager.delete("/api/v1/organizations/" + organization).status()).isEqualTo(204);

		for (var path : List.of("/api/v1/organizations/" + organization, "/api/v1/activities/" + call, "/api/v1/activities/" + own,
				"/api/v1/tasks/" + task)) {
			assertThat(otherSales.get(path).status()).as(path).isEqualTo(404);
		}
		assertThat(otherSales.get("/api/v1/tasks/mine").body().valueStream().map(t -> t.get("id").asString())).doesNotContain(task);
		var entry = manager.get("/api/v1/trash?type=organization").body().get("items").get(0);
		assertThat(entry.get("contents").get("activity").asInt()).isEqualTo(2);
		assertThat(entry.get("contents").get("task").asInt()).isEqualTo(1);
		assertThat(manager.post("/api/v1/trash/" + entry.get("id").asString() + "/restore", null).status()).isEqualTo(200);
		assertThat(otherSales.get("/api/v1/tasks/" + task).status()).isEqualTo(200);
		assertThat(otherSales.get("/api/v1/activities/" + call).status()).isEqualTo(200);
	}

	@Test
	void aViewerCannotDeleteAnything() {
		var viewer = api(workspace.member(Role.VIEWER));
		var person = person(sales, "Phạm", "Quốc Bảo", null);
		var lead = sales.post("/api/v1/leads", Map.of("givenName", "Bảo", "email", "bao@example.vn")).body().get("id").asString();

		assertThat(viewer.delete("/api/v1/persons/" + person).status()).isEqualTo(403);
		assertThat(viewer.delete("/api/v1/leads/" + lead).status()).isEqualTo(403);
		assertThat(viewer.get("/api/v1/persons/" + person).status()).isEqualTo(200);
		assertThat(viewer.get("/api/v1/trash").body().get("items")).isEmpty();
	}

	@Test
	void theTrashListsOnlyWhatTheCallerMayRestoreNewestFirstPageByPage() {
		var mine = List.of(person(sales, "A", "An", null), person(sales, "B", "Bình", null), person(sales, "C", "Cúc", null));
		var theirs = person(otherSales, "D", "Dũng", null);
		mine.forEach(p -> assertThat(sales.delete("/api/v1/persons/" + p).status()).isEqualTo(204));
		assertThat(otherSales.delete("/api/v1/persons/" + theirs).status()).isEqualTo(204);
		var product = manager.post("/api/v1/products", Map.of("sku", "LOC-01", "name", "Lõi lọc", "unitPrice", 300000))
				.body().get("id").asString();
		assertThat(manager.delete("/api/v1/products/" + product).status()).isEqualTo(204);

		var first = sales.get("/api/v1/trash?limit=2").body();
		var second = sales.get("/api/v1/trash?limit=2&cursor=" + first.get("nextCursor").asString()).body();

		assertThat(first.get("items").valueStream().map(e -> e.get("recordId").asString()))
				.containsExactly(mine.get(2), mine.get(1));
		assertThat(second.get("items").valueStream().map(e -> e.get("recordId").asString())).containsExactly(mine.get(0));
		assertThat(second.get("nextCursor")).isNull();
		assertThat(otherSales.get("/api/v1/trash").body().get("items").valueStream().map(e -> e.get("recordId").asString()))
				.containsExactly(theirs);
		assertThat(manager.get("/api/v1/trash").body().get("items")).hasSize(5);
		assertThat(manager.get("/api/v1/trash?type=product").body().get("items").get(0).get("label").asString())
				.isEqualTo("LOC-01 · Lõi lọc");
		var someoneElses = otherSales.get("/api/v1/trash").body().get("items").get(0).get("id").asString();
		assertThat(sales.post("/api/v1/trash/" + someoneElses + "/restore", null).status()).isEqualTo(404);
		assertThat(sales.get("/api/v1/trash?type=spaceship").status()).isEqualTo(422);
	}

	@Test
	void onlyAdministratorsPurgeAnEntryAtOnce() {
		var person = person(sales, "Võ", "Thị Sáu", "sau@example.vn");
		assertThat(sales.delete("/api/v1/persons/" + person).status()).isEqualTo(204);
		var entry = sales.get("/api/v1/trash").body().get("items").get(0).get("id").asString();

		assertThat(sales.delete("/api/v1/trash/" + entry).status()).isEqualTo(403);
		assertThat(manager.delete("/api/v1/trash/" + entry).status()).isEqualTo(403);
		assertThat(admin.delete("/api/v1/trash/" + entry).status()).isEqualTo(204);

		assertThat(admin.get("/api/v1/trash/" + entry).status()).isEqualTo(404);
		assertThat(sales.post("/api/v1/trash/" + entry + "/restore", null).status()).isEqualTo(404);
		UUID actor = inWorkspace(jdbc -> jdbc.sql("select actor_id from history where action = 'purged' and entity_id = :id")
				.param("id", UUID.fromString(person)).query(UUID.class).single());
		assertThat(actor).isEqualTo(workspace.member(Role.ADMIN).id());
	}

	@Test
	void leadsOrdersAndContractsGoToTheTrashByTheirOwnersOrManagers() {
		var person = person(sales, "Đặng", "Thu Hà", null);
		var lead = sales.post("/api/v1/leads", Map.of("givenName", "Hà", "email", "ha@example.vn", "ownerId",
				workspace.member(Role.SALES).id().toString())).body().get("id").asString();
		var draft = order(sales, person, "draft");
		var confirmed = order(sales, person, "confirmed");
		var contract = sales.post("/api/v1/contracts", Map.of("title", "Bảo trì 12 tháng", "personId", person, "startDate",
				TestDates.today().toString(), "value", 12000000)).body().get("id").asString();

		assertThat(otherSales.delete("/api/v1/leads/" + lead).status()).isEqualTo(403);
		assertThat(sales.delete("/api/v1/leads/" + lead).status()).isEqualTo(204);
		assertThat(sales.get("/api/v1/leads/" + lead).status()).isEqualTo(404);
		assertThat(sales.delete("/api/v1/orders/" + draft).status()).isEqualTo(204);
		assertThat(sales.delete("/api/v1/orders/" + confirmed).status()).as("a confirmed order binds the customer").isEqualTo(403);
		assertThat(sales.delete("/api/v1/contracts/" + contract).status()).as("an active contract").isEqualTo(403);
		assertThat(manager.delete("/api/v1/orders/" + confirmed).status()).isEqualTo(204);
		assertThat(manager.delete("/api/v1/contracts/" + contract).status()).isEqualTo(204);
		assertThat(ids(sales.get("/api/v1/orders").body())).isEmpty();
		assertThat(ids(sales.get("/api/v1/contracts").body())).isEmpty();
		assertThat(manager.get("/api/v1/trash").body().get("items").valueStream().map(e -> e.get("type").asString()))
				.containsExactly("contract", "order", "order", "lead");
	}

	@Test
	void aSalesUsersOwnPersonWithAConfirmedOrderIsRefusedNamingTheOrder() {
		var person = person(sales, "Hồ", "Ngọc Lan", null);
		var confirmed = order(sales, person, "confirmed");

		var refused = sales.delete("/api/v1/persons/" + person);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("blockers").get(0).get("type").asString()).isEqualTo("order");
		assertThat(refused.body().get("blockers").get(0).get("id").asString()).isEqualTo(confirmed);
	}

	@Test
	void restoringARecordWhoseCustomerIsInTheTrashNamesTheCustomer() {
		var person = person(sales, "Bùi", "Anh Tuấn", null);
		var task = sales.post("/api/v1/tasks", Map.of("title", "Hẹn lịch lắp đặt", "personId", person)).body().get("id").asString();
		assertThat(sales.delete("/api/v1/tasks/" + task).status()).isEqualTo(204);
		assertThat(sales.delete("/api/v1/persons/" + person).status()).isEqualTo(204);
		var entries = sales.get("/api/v1/trash").body().get("items");
		var taskEntry = entries.get(1).get("id").asString();
		assertThat(entries.get(1).get("type").asString()).isEqualTo("task");

		var refused = sales.post("/api/v1/trash/" + taskEntry + "/restore", null);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("code").asString()).isEqualTo("trash.parent-in-trash");
		assertThat(refused.body().get("parent").get("id").asString()).isEqualTo(person);
		assertThat(refused.body().get("detail").asString()).contains("Anh Tuấn");
		// the person first, then the task
		assertThat(sales.post("/api/v1/trash/" + entries.get(0).get("id").asString() + "/restore", null).status()).isEqualTo(200);
		assertThat(sales.post("/api/v1/trash/" + taskEntry + "/restore", null).status()).isEqualTo(200);
		assertThat(sales.get("/api/v1/tasks/" + task).status()).isEqualTo(200);
		// purging the person now takes the task's own entry first (it points at the person)
		assertThat(sales.delete("/api/v1/tasks/" + task).status()).isEqualTo(204);
		assertThat(sales.delete("/api/v1/persons/" + person).status()).isEqualTo(204);
		var personEntry = sales.get("/api/v1/trash").body().get("items").get(0).get("id").asString();
		assertThat(admin.delete("/api/v1/trash/" + personEntry).status()).isEqualTo(204);
		assertThat(admin.get("/api/v1/trash").body().get("items")).isEmpty();
	}

	@Test
	void aTrashedProductsSkuIsFreeAgainAndRestoringIntoATakenSkuIsRefused() {
		var old = manager.post("/api/v1/products", Map.of("sku", "QUAT-01", "name", "Quạt đứng", "unitPrice", 1250000))
				.body().get("id").asString();
		assertThat(manager.delete("/api/v1/products/" + old).status()).isEqualTo(204);
		var entry = manager.get("/api/v1/trash").body().get("items").get(0).get("id").asString();

		assertThat(manager.post("/api/v1/products", Map.of("sku", "quat-01", "name", "Quạt đứng mới", "unitPrice", 1350000))
				.status()).isEqualTo(201);
		var refused = manager.post("/api/v1/trash/" + entry + "/restore", null);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("code").asString()).isEqualTo("trash.restore-conflict");
		assertThat(manager.get("/api/v1/products/" + old).status()).isEqualTo(404);
	}

	@Test
	void aPersonChangedSinceTheCallerReadItIsNotTrashed() {
		var person = person(sales, "Ngô", "Bảo Châu", null);
		assertThat(sales.patch("/api/v1/persons/" + person, Map.of("source", "referral")).status()).isEqualTo(200);

		assertThat(sales.header("If-Match", "\"0\"").delete("/api/v1/persons/" + person).status()).isEqualTo(412);
		assertThat(sales.get("/api/v1/persons/" + person).status()).isEqualTo(200);
		assertThat(sales.header("If-Match", "\"1\"").delete("/api/v1/persons/" + person).status()).isEqualTo(204);
	}

	/** Waits until the person's timeline has this many entries (sales writes a deal's first note after its commit). */
	private void awaitTimeline(String person, int entries) {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(
				() -> sales.get("/api/v1/persons/" + person + "/timeline").body().get("items").size() >= entries);
	}

	private String person(Api api, String family, String given, String email) {
		var body = new HashMap<String, Object>(Map.of("familyName", family, "givenName", given));
		if (email != null) {
			body.put("emails", List.of(Map.of("address", email)));
		}
		var created = api.post("/api/v1/persons", body);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private String opportunity(Api api, String name, String person, long amount) {
		var created = api.post("/api/v1/opportunities", Map.of("name", name, "pipelineId", pipeline.get("id").asString(),
				"stageId", pipeline.get("stages").get(0).get("id").asString(), "personId", person, "amount", amount,
				"currency", "VND", "expectedCloseDate", TestDates.today().toString()));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private String order(Api api, String person, String status) {
		var created = api.post("/api/v1/orders", Map.of("personId", person, "status", status, "lines",
				List.of(Map.of("description", "Lõi lọc", "quantity", 1, "unitPrice", 300000, "taxRate", 10))));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	/** A query in the test's workspace that also sees trashed rows. */
	private <T> T inWorkspace(Function<JdbcClient, T> query) {
		return WorkspaceContext.callAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).execute(status -> {
			jdbc.sql("select set_config('sen.trash', 'on', true)").query(String.class).single();
			return query.apply(jdbc);
		}));
	}

	private Api api(TestWorkspaces.Member member) {
		return new Api(port, member.token()).header("Accept-Language", "en");
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").valueStream().map(i -> i.get("id").asString()).toList();
	}

	private static List<String> actions(JsonNode history) {
		var items = history.has("items") ? history.get("items") : history;
		return items.valueStream().map(e -> e.get("action").asString()).toList();
	}
}
