package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.identity.WorkspaceCreated;
import org.sencrm.identity.internal.Workspaces;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestDates;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Pipelines and stages: the defaults every workspace starts with, and how administrators and managers change them. */
@IntegrationTest
class PipelineApiTest {

	/** Expected close dates fall in next year, so that none passes by. */
	private static final int YEAR = TestDates.today().getYear() + 1;

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api manager;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		manager = new Api(port, workspace.member(Role.MANAGER).token()).header("Accept-Language", "en");
	}

	@Test
	void aNewWorkspaceHasTheB2bPurchaseProcessAndASimpleB2cPipeline() {
		var pipelines = new Api(port, workspace.member(Role.VIEWER).token()).get("/api/v1/pipelines").body();

		assertThat(pipelines).hasSize(2);
		var b2b = pipelines.get(0);
		assertThat(b2b.get("name").asString()).isEqualTo("B2B — organizational purchase");
		assertThat(b2b.get("template").asString()).isEqualTo("b2b");
		assertThat(stages(b2b)).containsExactly("Need recognition 10 open", "Specification 20 open", "Supplier search 30 open",
				"Proposal 50 open", "Evaluation and selection 70 open", "Order 100 won", "Performance review 100 won", "Lost 0 lost");
		assertThat(b2b.get("stages").get(3).get("position").asInt()).isEqualTo(3);
		assertThat(b2b.get("stages").get(3).get("id").asString()).isNotBlank();
		assertThat(stages(pipelines.get(1))).containsExactly("New 10 open", "Contacted 30 open", "Offer 60 open", "Won 100 won",
				"Lost 0 lost");
	}

	@Test
	void theDefaultPipelinesAreMadeOnceWhenWorkspaceCreatedComesAgain(@Autowired ApplicationEventPublisher events,
			@Autowired PlatformTransactionManager transactions) {
		var viewer = new Api(port, workspace.member(Role.VIEWER).token());
		var before = viewer.get("/api/v1/pipelines").body();

		// as identity publishes it: in a transaction of the new workspace, which the listener joins
		WorkspaceContext.runAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).executeWithoutResult(s ->
				events.publishEvent(new WorkspaceCreated(workspace.id(), workspace.member(Role.ADMIN).id(), false))));

		assertThat(viewer.get("/api/v1/pipelines").body()).isEqualTo(before).hasSize(2);
	}

	@Test
	void stageNamesFollowTheWorkspaceLanguage(@Autowired Workspaces all) {
		var email = "admin-vi-" + System.nanoTime() + "@test.sen";
		all.create(new Workspaces.NewWorkspace("Công ty Hoa Sen", email, TestWorkspaces.PASSWORD, "Quản trị", "vi", false));
		var admin = new Api(port, workspaces.member(email).token()).header("Accept-Language", "en");

		var pipelines = admin.get("/api/v1/pipelines").body();

		assertThat(pipelines.get(0).get("name").asString()).isEqualTo("B2B — Mua hàng của tổ chức");
		assertThat(stages(pipelines.get(0)).getFirst()).isEqualTo("Nhận biết nhu cầu 10 open");
		assertThat(stages(pipelines.get(1))).contains("Thành công 100 won", "Thất bại 0 lost");
	}

	@Test
	void aWorkspaceWithoutPipelinesGetsTheDefaultsOnItsFirstLook(@Autowired JdbcClient jdbc,
			@Autowired PlatformTransactionManager transactions) {
		WorkspaceContext.runAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
			jdbc.sql("delete from pipeline_stages where workspace_id = :ws").param("ws", workspace.id()).update();
			jdbc.sql("delete from pipelines where workspace_id = :ws").param("ws", workspace.id()).update();
		}));
		var viewer = new Api(port, workspace.member(Role.VIEWER).token());

		var pipelines = viewer.get("/api/v1/pipelines");

		assertThat(pipelines.status()).isEqualTo(200);
		assertThat(pipelines.body()).hasSize(2);
		assertThat(viewer.get("/api/v1/pipelines").body().get(0).get("id").asString())
				.isEqualTo(pipelines.body().get(0).get("id").asString());
	}

	@Test
	void managersAddRenameReorderAndArchiveStages() {
		var b2c = manager.get("/api/v1/pipelines").body().get(1);
		var base = "/api/v1/pipelines/" + b2c.get("id").asString();

		var added = manager.post(base + "/stages", Map.of("name", "Demo", "probability", 45, "kind", "open"));
		assertThat(added.status()).isEqualTo(201);
		assertThat(stages(manager.get(base).body())).containsExactly("New 10 open", "Contacted 30 open", "Offer 60 open",
				"Demo 45 open", "Won 100 won", "Lost 0 lost");

		var demo = added.body().get("id").asString();
		var moved = manager.patch(base + "/stages/" + demo, Map.of("position", 1, "name", "Trình diễn", "probability", 25));
		assertThat(moved.status()).isEqualTo(200);
		assertThat(stages(manager.get(base).body())).containsExactly("New 10 open", "Trình diễn 25 open", "Contacted 30 open",
				"Offer 60 open", "Won 100 won", "Lost 0 lost");
		assertThat(manager.get(base).body().get("stages").valueStream().map(s -> s.get("position").asInt()).toList())
				.containsExactly(0, 1, 2, 3, 4, 5);

		var archived = manager.patch(base + "/stages/" + demo, Map.of("archived", true));
		assertThat(archived.body().get("archived").asBoolean()).isTrue();
		assertThat(stages(manager.get("/api/v1/pipelines").body().get(1))).doesNotContain("Trình diễn 25 open");
		assertThat(manager.get("/api/v1/pipelines?archived=true").body().get(1).get("stages")).hasSize(6);
	}

	@Test
	void stageRulesAreKept() {
		var b2c = manager.get("/api/v1/pipelines").body().get(1);
		var base = "/api/v1/pipelines/" + b2c.get("id").asString();
		var newStage = b2c.get("stages").get(0).get("id").asString();
		var lostStage = b2c.get("stages").get(4).get("id").asString();
		var person = manager.post("/api/v1/persons", Map.of("givenName", "Lan")).body().get("id").asString();
		manager.post("/api/v1/opportunities", Map.of("name", "Deal", "stageId", newStage, "personId", person,
				"expectedCloseDate", YEAR + "-05-01"));

		assertThat(field(manager.patch(base + "/stages/" + newStage, Map.of("archived", true)))).isEqualTo("archived");
		assertThat(field(manager.patch(base + "/stages/" + lostStage, Map.of("archived", true)))).isEqualTo("archived");
		assertThat(field(manager.patch(base + "/stages/" + newStage, Map.of("kind", "won")))).isEqualTo("kind");
		assertThat(field(manager.patch(base + "/stages/" + newStage, Map.of("probability", 120)))).isEqualTo("probability");
		assertThat(field(manager.post("/api/v1/pipelines", Map.of("name", "Thiếu", "stages",
				List.of(Map.of("name", "Một", "probability", 10)))))).isEqualTo("stages");
		var stale = manager.header("If-Match", "\"7\"").patch(base + "/stages/" + newStage, Map.of("name", "x"));
		assertThat(stale.status()).isEqualTo(412);
	}

	@Test
	void aNewPipelineStartsWithNewWonAndLost() {
		var created = manager.post("/api/v1/pipelines", Map.of("name", "Dự án"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(stages(created.body())).containsExactly("New 10 open", "Won 100 won", "Lost 0 lost");
		assertThat(manager.get("/api/v1/pipelines").body()).hasSize(3);
		var archived = manager.patch("/api/v1/pipelines/" + created.body().get("id").asString(), Map.of("archived", true));
		assertThat(archived.body().get("archived").asBoolean()).isTrue();
		assertThat(manager.get("/api/v1/pipelines").body()).hasSize(2);
	}

	@Test
	void onlyAdministratorsAndManagersChangePipelines() {
		var b2c = manager.get("/api/v1/pipelines").body().get(1);
		var sales = new Api(port, workspace.member(Role.SALES).token());

		assertThat(sales.post("/api/v1/pipelines", Map.of("name", "Của tôi")).status()).isEqualTo(403);
		assertThat(sales.post("/api/v1/pipelines/" + b2c.get("id").asString() + "/stages", Map.of("name", "x", "probability", 5))
				.status()).isEqualTo(403);
		assertThat(new Api(port, workspace.member(Role.ADMIN).token()).post("/api/v1/pipelines", Map.of("name", "Admin"))
				.status()).isEqualTo(201);
		var elsewhere = new Api(port, workspaces.create().member(Role.ADMIN).token());
		assertThat(elsewhere.get("/api/v1/pipelines/" + b2c.get("id").asString()).status()).isEqualTo(404);
	}

	@Test
	void rowLevelSecurityHidesOtherWorkspacesSalesRows(@Autowired javax.sql.DataSource dataSource) throws Exception {
		var other = workspaces.create();
		var person = manager.post("/api/v1/persons", Map.of("givenName", "Lan")).body().get("id").asString();
		var pipeline = manager.get("/api/v1/pipelines").body().get(1);
		manager.post("/api/v1/opportunities", Map.of("name", "Bí mật", "pipelineId", pipeline.get("id").asString(),
				"personId", person, "expectedCloseDate", YEAR + "-05-01"));
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				for (var table : List.of("pipelines", "pipeline_stages", "opportunities", "opportunity_stage_changes")) {
					var none = statement.executeQuery("select count(*) from " + table);
					none.next();
					assertThat(none.getLong(1)).as(table + " without a workspace").isZero();
				}
				statement.execute("select set_config('sen.workspace_id', '" + other.id() + "', true)");
				var seen = statement.executeQuery("select count(*) from opportunities where name = 'Bí mật'");
				seen.next();
				assertThat(seen.getLong(1)).isZero();
				var theirs = statement.executeQuery("select count(*) from pipelines");
				theirs.next();
				assertThat(theirs.getLong(1)).isEqualTo(2);
				org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.executeUpdate(
						"insert into pipelines (id, workspace_id, name, position) values (gen_random_uuid(), '" + workspace.id()
								+ "', 'smuggled', 9)")).hasMessageContaining("row-level security");
			} finally {
				connection.rollback();
			}
		}
	}

	private static String field(Api.Response response) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(422);
		return response.body().get("errors").get(0).get("field").asString();
	}

	private static List<String> stages(JsonNode pipeline) {
		return pipeline.get("stages").valueStream()
				.map(s -> s.get("name").asString() + " " + s.get("probability").asInt() + " " + s.get("kind").asString()).toList();
	}
}
