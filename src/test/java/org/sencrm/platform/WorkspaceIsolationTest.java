package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Workspace B never reaches workspace A's data: not through the API, and not even with a query that forgets its WHERE. */
@IntegrationTest
class WorkspaceIsolationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	DataSource dataSource;

	TestWorkspaces.TestWorkspace a;
	TestWorkspaces.TestWorkspace b;
	Api aAdmin;
	Api bAdmin;
	String aPerson;
	String aOrganization;

	@BeforeEach
	void twoWorkspaces() {
		a = workspaces.create();
		b = workspaces.create();
		aAdmin = new Api(port, a.member(Role.ADMIN).token());
		bAdmin = new Api(port, b.member(Role.ADMIN).token());
		aPerson = aAdmin.post("/api/v1/persons", Map.of("familyName", "Lý", "givenName", "Bí Mật", "tags", List.of("secret")))
				.body().get("id").asString();
		aOrganization = aAdmin.post("/api/v1/organizations", Map.of("name", "Secret Co")).body().get("id").asString();
	}

	@Test
	void anotherWorkspaceGetsNotFoundForEveryOperation() {
		assertThat(bAdmin.get("/api/v1/persons/" + aPerson).status()).isEqualTo(404);
		assertThat(bAdmin.patch("/api/v1/persons/" + aPerson, Map.of("givenName", "Stolen")).status()).isEqualTo(404);
		assertThat(bAdmin.delete("/api/v1/persons/" + aPerson).status()).isEqualTo(404);
		assertThat(bAdmin.get("/api/v1/persons/" + aPerson + "/history").status()).isEqualTo(404);
		assertThat(bAdmin.get("/api/v1/organizations/" + aOrganization).status()).isEqualTo(404);
		assertThat(bAdmin.delete("/api/v1/organizations/" + aOrganization).status()).isEqualTo(404);

		assertThat(aAdmin.get("/api/v1/persons/" + aPerson).body().get("givenName").asString()).isEqualTo("Bí Mật");
	}

	@Test
	void anotherWorkspaceListsAndSearchesNothingOfIt() {
		assertThat(bAdmin.get("/api/v1/persons").body().get("items").size()).isZero();
		assertThat(bAdmin.get("/api/v1/persons?tag=secret").body().get("items").size()).isZero();
		assertThat(bAdmin.get("/api/v1/organizations").body().get("items").size()).isZero();
		assertThat(bAdmin.get("/api/v1/search?q=bi%20mat").body().get("items").size()).isZero();
		assertThat(bAdmin.get("/api/v1/tags").body().size()).isZero();
		assertThat(bAdmin.get("/api/v1/users").body().valueStream()
				.noneMatch(u -> u.get("id").asString().equals(a.member(Role.ADMIN).id().toString()))).isTrue();
	}

	@Test
	void anotherWorkspaceCannotLinkOrOwnWithForeignIds() {
		var bPerson = bAdmin.post("/api/v1/persons", Map.of("givenName", "B")).body().get("id").asString();

		assertThat(bAdmin.post("/api/v1/contact-roles", Map.of("personId", bPerson, "organizationId", aOrganization)).status())
				.isEqualTo(404);
		var foreignOwner = bAdmin.post("/api/v1/persons", Map.of("givenName", "C", "ownerId", a.member(Role.ADMIN).id().toString()));
		assertThat(foreignOwner.status()).isEqualTo(422);
		assertThat(foreignOwner.body().get("errors").get(0).get("field").asString()).isEqualTo("ownerId");
	}

	@Test
	void rowLevelSecurityHidesRowsFromAQueryWithoutWorkspace() throws SQLException {
		try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
			var all = statement.executeQuery("select count(*) from persons");
			all.next();
			assertThat(all.getLong(1)).isZero();
		}
	}

	@Test
	void everyConnectionFromThePoolHoldsTheThreadsWorkspaceOrNone() {
		var bPerson = UUID.fromString(bAdmin.post("/api/v1/persons", Map.of("givenName", "B")).body().get("id").asString());
		// more turns than the pool has connections, so that each connection changes hands between workspaces
		for (var turn = 0; turn < 30; turn++) {
			assertThat(WorkspaceContext.callAsSystem(a.id(), this::visiblePersons)).containsExactly(UUID.fromString(aPerson));
			assertThat(WorkspaceContext.callAsSystem(b.id(), this::visiblePersons)).containsExactly(bPerson);
			assertThat(visiblePersons()).isEmpty();
		}
	}

	/** The persons a connection straight from the data source sees, without a transaction. */
	private List<UUID> visiblePersons() {
		try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
				var rows = statement.executeQuery("select id from persons")) {
			var seen = new java.util.ArrayList<UUID>();
			while (rows.next()) {
				seen.add(rows.getObject(1, UUID.class));
			}
			return seen;
		} catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void rowLevelSecurityShowsOnlyTheBoundWorkspace() throws SQLException {
		var bPerson = bAdmin.post("/api/v1/persons", Map.of("givenName", "B")).body().get("id").asString();
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				statement.execute("select set_config('sen.workspace_id', '" + b.id() + "', true)");
				var rows = statement.executeQuery("select id from persons");
				var seen = new java.util.ArrayList<UUID>();
				while (rows.next()) {
					seen.add(rows.getObject(1, UUID.class));
				}
				assertThat(seen).containsExactly(UUID.fromString(bPerson));
				assertThatThrownBy(() -> statement.executeUpdate("insert into tags (id, workspace_id, name) values ('"
						+ Ids.next() + "', '" + a.id() + "', 'smuggled')"))
						.hasMessageContaining("row-level security");
			} finally {
				connection.rollback();
			}
		}
	}

	@Test
	void historyCannotBeChangedOrDeleted() throws SQLException {
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				statement.execute("select set_config('sen.workspace_id', '" + a.id() + "', true)");
				// the application's role has no right to (decision 19); the trigger stops everyone else (DatabaseRolesTest)
				assertThatThrownBy(() -> statement.executeUpdate("delete from history")).hasMessageContaining("permission denied");
			} finally {
				connection.rollback();
			}
		}
	}
}
