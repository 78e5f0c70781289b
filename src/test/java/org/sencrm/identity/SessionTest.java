package org.sencrm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Web sessions live in PostgreSQL and follow changes to the user at once. */
@IntegrationTest
class SessionTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	DataSource dataSource;

	TestWorkspaces.TestWorkspace workspace;
	Api admin;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		admin = new Api(port, workspace.member(Role.ADMIN).token());
	}

	@Test
	void sessionsAreStoredInPostgreSQL() throws Exception {
		WebSession.signedIn(port, workspace.member(Role.SALES).email());

		try (var connection = dataSource.getConnection();
				var rows = connection.createStatement().executeQuery(
						"select count(*) from spring_session where principal_name = '" + workspace.member(Role.SALES).id() + "'")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(1);
		}
	}

	@Test
	void aDeactivatedUserIsSignedOutOnTheNextRequest() {
		var sales = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		assertThat(sales.get("/persons").status()).isEqualTo(200);

		admin.patch("/api/v1/users/" + workspace.member(Role.SALES).id(), Map.of("active", false));

		var next = sales.get("/persons");
		assertThat(next.status()).isEqualTo(302);
		assertThat(next.location()).endsWith("/login");
	}

	@Test
	void aChangedRoleAppliesWithoutSigningInAgain() {
		var person = new Api(port, workspace.member(Role.MANAGER).token()).post("/api/v1/persons", Map.of("givenName", "Khánh"))
				.body().get("id").asString();
		var manager = WebSession.signedIn(port, workspace.member(Role.MANAGER).email());
		assertThat(manager.get("/persons/" + person).has("a[href$='/edit']")).isTrue();

		admin.patch("/api/v1/users/" + workspace.member(Role.MANAGER).id(), Map.of("role", "viewer"));

		assertThat(manager.get("/persons/" + person).has("a[href$='/edit']")).isFalse();
	}

	@Test
	void theLastAdministratorCannotStepDown() {
		var response = admin.patch("/api/v1/users/" + workspace.member(Role.ADMIN).id(), Map.of("role", "sales"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("role");
		admin.patch("/api/v1/users/" + workspace.member(Role.MANAGER).id(), Map.of("role", "admin"));
		assertThat(admin.patch("/api/v1/users/" + workspace.member(Role.ADMIN).id(), Map.of("role", "sales")).status()).isEqualTo(200);
	}
}
