package org.sencrm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The user and token behind a request are kept for a few seconds (default 5 s), so requests do not
 * read them again; changes made through this node apply at once, changes made elsewhere (another
 * node: here, straight in the database) within that time.
 */
@IntegrationTest
class RequestIdentityCacheTest {

	private static final Duration WITHIN_CACHE_TIME = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	TestWorkspaces.TestWorkspace workspace;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
	}

	@Test
	void aUserDeactivatedOnAnotherNodeLosesTheirTokenWithinTheCacheTime() {
		var sales = workspace.member(Role.SALES);
		var api = new Api(port, sales.token());
		assertThat(api.get("/api/v1/me").status()).isEqualTo(200);

		inWorkspace("update users set active = false where id = :id", sales.id());

		// kept: the request did not read the user again
		assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
		await().atMost(WITHIN_CACHE_TIME).until(() -> api.get("/api/v1/me").status() == 401);
	}

	@Test
	void aTokenRevokedOnAnotherNodeStopsWithinTheCacheTime() {
		var sales = workspace.member(Role.SALES);
		var api = new Api(port, sales.token());
		assertThat(api.get("/api/v1/me").status()).isEqualTo(200);

		inWorkspace("update api_tokens set revoked_at = now() where user_id = :id", sales.id());

		assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
		await().atMost(WITHIN_CACHE_TIME).until(() -> api.get("/api/v1/me").status() == 401);
	}

	@Test
	void aRoleChangedOnThisNodeAppliesAtOnce() {
		var sales = workspace.member(Role.SALES);
		var api = new Api(port, sales.token());
		assertThat(api.post("/api/v1/persons", Map.of("givenName", "Lan")).status()).isEqualTo(201);

		var admin = new Api(port, workspace.member(Role.ADMIN).token());
		assertThat(admin.patch("/api/v1/users/" + sales.id(), Map.of("role", "viewer")).status()).isEqualTo(200);

		assertThat(api.post("/api/v1/persons", Map.of("givenName", "Hoa")).status()).isEqualTo(403);
	}

	@Test
	void aTokenIsMarkedUsedAtMostOnceAMinuteNotOnEveryRequest() {
		var sales = workspace.member(Role.SALES);
		var api = new Api(port, sales.token());
		api.get("/api/v1/me");
		assertThat(lastUsed(sales.id())).isNotNull();

		inWorkspace("update api_tokens set last_used_at = null where user_id = :id", sales.id());
		for (int i = 0; i < 5; i++) {
			assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
		}

		assertThat(lastUsed(sales.id())).isNull();
	}

	@Test
	void changedWorkspaceSettingsShowOnTheNextRequest() {
		var admin = new Api(port, workspace.member(Role.ADMIN).token());
		assertThat(admin.get("/api/v1/workspace").body().get("currency").asString()).isEqualTo("VND");

		assertThat(admin.patch("/api/v1/workspace", Map.of("currency", "USD")).status()).isEqualTo(200);

		assertThat(admin.get("/api/v1/workspace").body().get("currency").asString()).isEqualTo("USD");
	}

	private void inWorkspace(String sql, UUID userId) {
		WorkspaceContext.runAsSystem(workspace.id(), () -> new TransactionTemplate(transactionManager)
				.executeWithoutResult(status -> jdbc.sql(sql).param("id", userId).update()));
	}

	private Object lastUsed(UUID userId) {
		return WorkspaceContext.callAsSystem(workspace.id(), () -> new TransactionTemplate(transactionManager).execute(status ->
				jdbc.sql("select max(last_used_at) from api_tokens where user_id = :id").param("id", userId)
						.query((rs, n) -> rs.getTimestamp(1)).list().getFirst()));
	}
}
