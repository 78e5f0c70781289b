package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

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

/**
 * The search terms every writer gets from the database itself (decision 29): a plain
 * {@code insert … select} of many persons, as an import writes them, needs nothing else to be
 * found, and removing a record removes its terms.
 */
@IntegrationTest
class SearchTermsTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void termsAreRunsOfWordsGivenNameFirstAndNumbersReversed() {
		var workspace = workspaces.create();
		var person = inWorkspace(workspace.id(), db -> db.sql("select t from sen_search_terms(:name, :text, true) t order by t")
				.param("name", "nguyen thi thao")
				.param("text", "nguyen thi thao thao thi nguyen thao.nguyen@example.vn 84901234567 0901234567")
				.query(String.class).list());
		assertThat(person).containsExactly(
				"0901234567",
				"84901234567 0901234567",
				"nguyen thi thao thao thi nguyen ", // cut to 32 characters
				"thao nguyen",
				"thao thao thi nguyen thao.nguyen",
				"thao.nguyen@example.vn 849012345",
				"thi thao thao thi nguyen thao.ng",
				"~7654321090",
				"~76543210948");
		// an organization without a website has two spaces in its text (Organization.searchText())
		var organization = inWorkspace(workspace.id(), db -> db.sql("select t from sen_search_terms(:name, :text, false) t order by t")
				.param("name", "ca phe an an")
				.param("text", "ca phe an an 0312345678  info@caphe.vn")
				.query(String.class).list());
		assertThat(organization).containsExactly(
				"0312345678 info@caphe.vn",
				"an 0312345678 info@caphe.vn",
				"an an 0312345678 info@caphe.vn",
				"ca phe an an 0312345678 info@cap",
				"info@caphe.vn",
				"phe an an 0312345678 info@caphe.",
				"~8765432130");
	}

	@Test
	void personsInsertedManyInOneStatementAreFoundBySearch() {
		var workspace = workspaces.create();
		var sales = workspace.member(Role.SALES);
		int inserted = inWorkspace(workspace.id(), db -> db.sql("""
				insert into persons (id, workspace_id, family_name, middle_name, given_name, display_name, owner_id, name_order,
				                     search_name, search_text)
				select gen_random_uuid(), :ws, family, middle, given, family || ' ' || middle || ' ' || given, :owner, 'family_first',
				       folded, folded || ' ' || given_first || ' ' || phones
				-- the search columns as Person.sortName() and Person.searchText() write them: folded, name in both orders, phone digits
				from (values ('Lê', 'Thị', 'Hoa', 'le thi hoa', 'hoa thi le', '84903334444 0903334444'),
				             ('Vũ', 'Minh', 'Khoa', 'vu minh khoa', 'khoa minh vu', '84915556666 0915556666'),
				             ('Đỗ', 'Văn', 'Tài', 'do van tai', 'tai van do', '84987778888 0987778888'))
				     staging (family, middle, given, folded, given_first, phones)""")
				.param("ws", workspace.id()).param("owner", sales.id()).update());
		assertThat(inserted).isEqualTo(3);

		var api = new Api(port, sales.token());
		assertThat(names(api, "khoa vu")).as("given name first").contains("Vũ Minh Khoa");
		assertThat(names(api, "0987778888")).as("a phone").containsExactly("Đỗ Văn Tài");
		assertThat(names(api, "3334444")).as("the last digits of a phone").containsExactly("Lê Thị Hoa");
	}

	@Test
	void removingARecordRowRemovesItsTerms() {
		var workspace = workspaces.create();
		var api = new Api(port, workspace.member(Role.SALES).token());
		var kept = id(api.post("/api/v1/persons", Map.of("familyName", "Phan", "givenName", "Quang")).body());
		var person = id(api.post("/api/v1/persons", Map.of("familyName", "Phan", "givenName", "Quyen")).body());
		var organization = id(api.post("/api/v1/organizations", Map.of("name", "Công ty Phan Quyền")).body());
		assertThat(termCount(workspace.id(), "person_id", person)).as("before").isPositive();
		assertThat(termCount(workspace.id(), "organization_id", organization)).as("before").isPositive();

		inWorkspace(workspace.id(), db -> db.sql("delete from persons where id = :id").param("id", person).update());
		inWorkspace(workspace.id(), db -> db.sql("delete from organizations where id = :id").param("id", organization).update());

		assertThat(termCount(workspace.id(), "person_id", person)).isZero();
		assertThat(termCount(workspace.id(), "organization_id", organization)).isZero();
		assertThat(termCount(workspace.id(), "person_id", kept)).isPositive();
	}

	private static UUID id(tools.jackson.databind.JsonNode created) {
		return UUID.fromString(created.get("id").asString());
	}

	private long termCount(UUID workspaceId, String column, UUID id) {
		var sql = "select count(*) from search_terms where " + (column.equals("person_id") ? "person_id" : "organization_id") + " = :id";
		return inWorkspace(workspaceId, db -> db.sql(sql).param("id", id).query(Long.class).single());
	}

	private static List<String> names(Api api, String query) {
		var found = api.get("/api/v1/search?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(found.status()).isEqualTo(200);
		return found.body().get("items").valueStream().map(item -> item.get("name").asString()).toList();
	}

	private <T> T inWorkspace(UUID workspaceId, Function<JdbcClient, T> work) {
		return WorkspaceContext.callAsSystem(workspaceId, () -> new TransactionTemplate(transactions).execute(status -> work.apply(jdbc)));
	}
}
