package org.sencrm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A token can never do more than its user's role allows, now or later. */
@IntegrationTest
class TokenScopesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
	}

	@Test
	void aViewerCannotMakeAWriteToken() {
		var viewer = workspace.member(Role.VIEWER);

		var asked = new Api(port, viewer.token()).post("/api/v1/tokens", Map.of("name", "sync", "scopes", List.of("read", "write")));
		var exchanged = new Api(port, null).post("/api/v1/auth/tokens", Map.of("email", viewer.email(),
				"password", TestWorkspaces.PASSWORD, "scopes", List.of("write")));
		var byDefault = new Api(port, null).post("/api/v1/auth/tokens", Map.of("email", viewer.email(), "password", TestWorkspaces.PASSWORD));

		assertThat(asked.status()).isEqualTo(403); // the viewer's own token only reads
		assertThat(exchanged.status()).isEqualTo(403);
		assertThat(exchanged.body().get("code").asString()).isEqualTo("identity.token-scope-above-role");
		assertThat(byDefault.status()).isEqualTo(201);
		assertThat(byDefault.body().get("scopes").valueStream().map(s -> s.asString()).toList()).containsExactly("read");
	}

	@Test
	void aDemotedUsersTokensLoseWriteAtOnce() {
		var sales = new Api(port, workspace.member(Role.SALES).token());
		assertThat(sales.post("/api/v1/persons", Map.of("givenName", "Trước")).status()).isEqualTo(201);

		new Api(port, workspace.member(Role.ADMIN).token()).patch("/api/v1/users/" + workspace.member(Role.SALES).id(),
				Map.of("role", "viewer"));

		var refused = sales.post("/api/v1/persons", Map.of("givenName", "Sau"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("code").asString()).isEqualTo("error.scope");
		assertThat(sales.get("/api/v1/persons").status()).isEqualTo(200);
	}

	@Test
	void theTokenPageOffersOnlyWhatTheRoleAllows() {
		var viewerPage = WebSession.signedIn(port, workspace.member(Role.VIEWER).email()).get("/me/tokens");
		var salesPage = WebSession.signedIn(port, workspace.member(Role.SALES).email()).get("/me/tokens");

		assertThat(viewerPage.html().select("input[name=scopes]").eachAttr("value")).containsExactly("read");
		assertThat(salesPage.html().select("input[name=scopes]").eachAttr("value")).containsExactly("read", "write");
	}
}
