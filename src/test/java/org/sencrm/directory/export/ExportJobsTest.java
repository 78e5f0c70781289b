package org.sencrm.directory.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestClock;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A list longer than 10,000 rows is exported in the background (decision 34): 202 with the
 * export's id, the file in the database for any node to serve, the user told when it is ready; a
 * job whose node stopped is taken again, and a file past its time is removed.
 */
@IntegrationTest
class ExportJobsTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ExportJobs jobs;

	@Autowired
	TestClock clock;

	TestWorkspaces.TestWorkspace workspace;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aListLongerThanTenThousandRowsIsWrittenInTheBackgroundAndTheUserIsToldWhenItIsReady() throws IOException {
		products(10_001);
		var admin = api(Role.ADMIN);

		var queued = admin.get("/api/v1/products/export?format=xlsx&columns=sku,name,unitPrice");

		assertThat(queued.status()).isEqualTo(202);
		var id = queued.body().get("id").asString();
		assertThat(queued.header("Location")).isEqualTo("/api/v1/exports/" + id);
		await().atMost(Duration.ofMinutes(2)).until(() -> admin.get("/api/v1/exports/" + id).body().get("status").asString(),
				status -> status.equals("done"));
		var export = admin.get("/api/v1/exports/" + id).body();
		assertThat(export.get("rows").asLong()).isEqualTo(10_001);
		assertThat(export.get("file").asString()).isEqualTo("/api/v1/exports/" + id + "/file");
		var rows = xlsx(bytes(Role.ADMIN, "/api/v1/exports/" + id + "/file"));
		assertThat(rows).hasSize(10_002);
		assertThat(rows.get(0).getCellText(0)).isEqualTo("sku");
		assertThat(rows.get(1).getCellText(0)).isEqualTo("P-00001");
		assertThat(rows.get(10_001).getCellText(0)).isEqualTo("P-10001");
		await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/v1/notifications").body().get("items").valueStream()
				.anyMatch(n -> n.get("kind").asString().equals("export-ready") && n.get("link").asString().equals("/exports/" + id)));
		assertThat(api(Role.MANAGER).get("/api/v1/exports/" + id).status()).as("another user's export").isEqualTo(404);
		var page = WebSession.signedIn(port, workspace.member(Role.ADMIN).email()).get("/exports/" + id);
		assertThat(page.html().select("a#export-file").attr("href")).isEqualTo("/exports/" + id + "/file");
	}

	@Test
	void onTheWebALongListGoesToItsExportPageWhichFollowsTheProgress() {
		products(10_001);
		var web = WebSession.signedIn(port, workspace.member(Role.MANAGER).email());

		var answer = web.get("/products/export?format=csv");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).contains("/exports/");
		var page = web.follow(answer);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.has("#export-progress")).isTrue();
	}

	@Test
	void aJobWhoseNodeStoppedIsTakenAgainAndAFilePastItsTimeIsRemoved() {
		products(3);
		var admin = workspace.member(Role.ADMIN);
		var id = UUID.randomUUID();
		system(() -> jdbc.sql("""
				insert into exports (id, workspace_id, user_id, kind, format, filter, columns, language, status, attempts,
				  claimed_until, created_at, expires_at)
				values (:id, :ws, :user, 'products', 'csv', '{}', array['sku', 'name'], 'en', 'running', 1,
				  :past, :past, :later)""")
				.param("id", id).param("ws", workspace.id()).param("user", admin.id())
				.param("past", java.sql.Timestamp.from(clock.instant().minusSeconds(600)))
				.param("later", java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(1)))).update());

		var ran = jobs.runDue(workspace.id());

		assertThat(ran).isEqualTo(1);
		var export = api(Role.ADMIN).get("/api/v1/exports/" + id).body();
		assertThat(export.get("status").asString()).isEqualTo("done");
		assertThat(export.get("rows").asLong()).isEqualTo(3);
		assertThat(new String(bytes(Role.ADMIN, "/api/v1/exports/" + id + "/file"), java.nio.charset.StandardCharsets.UTF_8))
				.contains("sku,name").contains("P-00003");
		assertThat(jobs.runDue(workspace.id())).as("a finished job is not run again").isZero();

		clock.advance(Duration.ofDays(1).plusMinutes(1));
		assertThat(jobs.removeExpired(workspace.id())).isEqualTo(1);
		assertThat(api(Role.ADMIN).get("/api/v1/exports/" + id).status()).isEqualTo(404);
		assertThat(system(() -> jdbc.sql("select count(*) from export_chunks where export_id = :id").param("id", id)
				.query(Integer.class).single())).isZero();
	}

	private void products(int count) {
		system(() -> jdbc.sql("""
				insert into products (id, workspace_id, sku, name, unit_price, currency, search_name)
				select gen_random_uuid(), :ws, 'P-' || lpad(n::text, 5, '0'), 'Sản phẩm ' || n, 1000 * n, 'VND',
				       'san pham ' || lpad(n::text, 5, '0')
				from generate_series(1, :count) n""").param("ws", workspace.id()).param("count", count).update());
	}

	private <T> T system(java.util.function.Supplier<T> work) {
		return WorkspaceContext.callAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).execute(s -> work.get()));
	}

	private static List<Row> xlsx(byte[] bytes) throws IOException {
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes)); var rows = workbook.getFirstSheet().openStream()) {
			return rows.toList();
		}
	}

	private byte[] bytes(Role role, String path) {
		try {
			var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Authorization", "Bearer " + workspace.member(role).token()).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private Api api(Role role) {
		return new Api(port, workspace.member(role).token());
	}
}
