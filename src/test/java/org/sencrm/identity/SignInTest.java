package org.sencrm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SignInTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api anonymous;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		anonymous = new Api(port, null);
	}

	@Test
	void exchangesEmailAndPasswordForAWorkingToken() {
		var response = anonymous.post("/api/v1/auth/tokens", Map.of("email", workspace.member(Role.SALES).email(),
				"password", TestWorkspaces.PASSWORD));

		assertThat(response.status()).isEqualTo(201);
		var token = response.body().get("token").asString();
		assertThat(new Api(port, token).get("/api/v1/me").body().get("role").asString()).isEqualTo("sales");
	}

	@Test
	void locksTheLoginAfterRepeatedFailuresWithoutSayingSo() {
		var email = workspace.member(Role.VIEWER).email();
		for (int i = 0; i < 5; i++) {
			assertThat(anonymous.post("/api/v1/auth/tokens", Map.of("email", email, "password", "wrong")).status()).isEqualTo(401);
		}

		var withRightPassword = anonymous.post("/api/v1/auth/tokens", Map.of("email", email, "password", TestWorkspaces.PASSWORD));
		var unknownEmail = anonymous.post("/api/v1/auth/tokens", Map.of("email", "nobody-" + System.nanoTime() + "@test.sen",
				"password", TestWorkspaces.PASSWORD));

		assertThat(withRightPassword.status()).isEqualTo(401);
		// a locked login answers exactly as an unknown email: nobody learns that the account exists
		assertThat(withRightPassword.body().get("code").asString()).isEqualTo("error.bad-credentials");
		assertThat(withRightPassword.body().get("detail")).isEqualTo(unknownEmail.body().get("detail"));
	}

	@Test
	void limitsTheRateOfTokenRequests() {
		var email = "nobody-" + System.nanoTime() + "@test.sen";
		var statuses = new java.util.ArrayList<Integer>();
		for (int i = 0; i < 12; i++) {
			statuses.add(anonymous.post("/api/v1/auth/tokens", Map.of("email", email, "password", "x")).status());
		}

		assertThat(statuses.subList(0, 10)).containsOnly(401);
		assertThat(statuses.subList(10, 12)).containsOnly(429);
	}

	@Test
	void readScopedTokenCannotWrite() {
		var created = new Api(port, workspace.member(Role.SALES).token()).post("/api/v1/tokens",
				Map.of("name", "reporting", "scopes", java.util.List.of("read")));
		var readOnly = new Api(port, created.body().get("token").asString());

		assertThat(readOnly.get("/api/v1/persons").status()).isEqualTo(200);
		assertThat(readOnly.post("/api/v1/persons", Map.of("givenName", "X")).status()).isEqualTo(403);
	}

	@Test
	void revokedTokenStopsWorking() {
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var created = sales.post("/api/v1/tokens", Map.of("name", "temporary", "scopes", java.util.List.of("read", "write")));
		var temporary = new Api(port, created.body().get("token").asString());
		assertThat(temporary.get("/api/v1/me").status()).isEqualTo(200);

		assertThat(sales.delete("/api/v1/tokens/" + created.body().get("id").asString()).status()).isEqualTo(204);

		assertThat(temporary.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(sales.get("/api/v1/tokens").body().valueStream().filter(t -> t.get("name").asString().equals("temporary"))
				.findFirst().orElseThrow().has("revokedAt")).isTrue();
	}

	@Test
	void tokensAreStoredOnlyAsHashes(@Autowired javax.sql.DataSource dataSource) throws Exception {
		var token = workspace.member(Role.SALES).token();
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				statement.execute("select set_config('sen.workspace_id', '" + workspace.id() + "', true)");
				var rows = statement.executeQuery("select token_hash from api_tokens");
				while (rows.next()) {
					assertThat(rows.getString(1)).doesNotContain(token.substring(4)).hasSize(64);
				}
			} finally {
				connection.rollback();
			}
		}
	}

	@Test
	void apiWithoutTokenIsAProblemNotARedirect() {
		var response = anonymous.get("/api/v1/persons");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}
}
