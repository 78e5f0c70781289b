package org.sencrm.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Undoing a big import: what it created goes to the trash set-based, each record its own entry (decision 36). */
@IntegrationTest
class ImportUndoTest {

	static final int ROWS = 3_000;

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	TestWorkspaces.TestWorkspace workspace;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
	}

	@Test
	void undoingAnImportOfThousandsOfPersonsTrashesEachAsItsOwnEntryThatCanBeRestoredAlone() {
		var file = new StringBuilder("Họ và tên,Email\n");
		for (int i = 0; i < ROWS; i++) {
			file.append("Khách Số ").append(i).append(",khach").append(i).append("@nhieu.vn\n");
		}
		var job = finished(Imports.upload(api(), "nhieu.csv", file.toString(), Map.of("type", "persons")).body().get("id").asString());
		assertThat(job.get("created").asInt()).isEqualTo(ROWS);
		// one of them gained an activity since: it goes with its unit, as a delete would take it
		var withActivity = api().get("/api/v1/persons?q=khach7@nhieu.vn").body().get("items").get(0).get("id").asString();
		assertThat(api().post("/api/v1/activities", Map.of("type", "meeting", "subject", "Demo", "personId", withActivity)).status())
				.isEqualTo(201);

		var undone = api().post("/api/v1/imports/" + job.get("id").asString() + "/undo", Map.of());

		assertThat(undone.status()).isEqualTo(200);
		assertThat(undone.body().get("status").asString()).isEqualTo("undone");
		List<Map<String, Object>> entries = WorkspaceContext.callAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).execute(tx -> jdbc.sql("""
				select id, entity_id, contents::text as contents from trash where workspace_id = :ws and entity_type = 'person'""")
				.param("ws", workspace.id()).query().listOfRows()));
		assertThat(entries).hasSize(ROWS);
		assertThat(entries.stream().map(e -> e.get("entity_id")).distinct()).hasSize(ROWS);
		assertThat(entries.stream().filter(e -> e.get("entity_id").toString().equals(withActivity)).findFirst().orElseThrow()
				.get("contents").toString()).contains("\"activity\": 1");
		assertThat(livePersons()).isZero();
		Integer trashedInHistory = WorkspaceContext.callAsSystem(workspace.id(), () -> new TransactionTemplate(transactions)
				.execute(tx -> jdbc.sql("""
						select count(distinct entity_id) from history
						where workspace_id = :ws and entity_type = 'person' and action = 'deleted'""")
						.param("ws", workspace.id()).query(Integer.class).single()));
		assertThat(trashedInHistory).isEqualTo(ROWS);

		var one = entries.stream().filter(e -> !e.get("entity_id").toString().equals(withActivity)).findFirst().orElseThrow();
		assertThat(api().post("/api/v1/trash/" + one.get("id") + "/restore", Map.of()).status()).isEqualTo(200);

		assertThat(api().get("/api/v1/persons/" + one.get("entity_id")).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/persons/" + withActivity).status()).isEqualTo(404);
		assertThat(livePersons()).isEqualTo(1);
	}

	private int livePersons() {
		return WorkspaceContext.callAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).execute(tx -> jdbc
				.sql("select count(*) from persons where workspace_id = :ws and deleted_at is null").param("ws", workspace.id())
				.query(Integer.class).single()));
	}

	private JsonNode finished(String id) {
		await().atMost(Duration.ofSeconds(120)).until(() -> {
			var status = api().get("/api/v1/imports/" + id).body().get("status").asString();
			return !status.equals("queued") && !status.equals("running");
		});
		return api().get("/api/v1/imports/" + id).body();
	}

	private Api api() {
		return new Api(port, workspace.member(Role.MANAGER).token());
	}

	/** Uploads a file to start an import, as a client sends it. */
	static final class Imports {

		static Api.Response upload(Api api, String fileName, String content, Map<String, String> fields) {
			var boundary = "----sen" + System.nanoTime();
			var body = new StringBuilder();
			fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
					.append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
			body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
					.append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n").append(content).append("\r\n--").append(boundary)
					.append("--\r\n");
			return api.send("POST", "/api/v1/imports", body.toString(), "multipart/form-data; boundary=" + boundary);
		}

		private Imports() {
		}
	}
}
