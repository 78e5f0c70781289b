package org.sencrm.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
 * The person import writes its new persons' search terms itself, sorted, while the insert trigger
 * stands aside (decision 41): every imported person has exactly the terms the database's function
 * gives it — none missing, none twice — and the organizations the same import creates still get theirs
 * from their trigger.
 */
@IntegrationTest
class ImportedSearchTermsTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void importedPersonsHaveExactlyTheTermsTheDatabaseGivesAPersonAndAreFoundBySearch() {
		var workspace = workspaces.create();
		var api = new Api(port, workspace.member(Role.MANAGER).token());
		var file = """
				Họ và tên,Email,Điện thoại,Công ty
				Nguyễn Thị Thu Hà,thuha.nguyen@khach.vn,"0901 234 567; 028 3812 3456",Công ty TNHH Minh Phát
				Trần Văn Bình,,+84 912 345 678,
				Lê Hoàng Bảo Ngọc Quỳnh Như Ý Phương,nhuy1999@gmail.com,,
				""";
		var id = ImportUploads.upload(api, "khach.csv", file, Map.of("type", "persons")).body().get("id").asString();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			var status = api.get("/api/v1/imports/" + id).body().get("status").asString();
			return !status.equals("queued") && !status.equals("running");
		});
		assertThat(api.get("/api/v1/imports/" + id).body().get("created").asInt()).isEqualTo(3);

		var stored = inWorkspace(workspace.id(), db -> db.sql("""
				select p.display_name, array(select t.term from search_terms t where t.person_id = p.id order by t.term) as stored,
				  array(select f from sen_search_terms(p.search_name, p.search_text, true) f order by f) as expected
				from persons p order by p.display_name""")
				.query((rs, n) -> List.of(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()),
						List.of((String[]) rs.getArray(3).getArray())))
				.list());
		assertThat(stored).hasSize(3);
		stored.forEach(row -> {
			assertThat((List<?>) row.get(1)).as("terms of " + row.get(0)).isNotEmpty().isEqualTo(row.get(2));
		});
		var organizationTerms = inWorkspace(workspace.id(), db -> db.sql("""
				select count(*) from search_terms t join organizations o on o.id = t.organization_id""").query(Long.class).single());
		assertThat(organizationTerms).as("the organization the import created, by its own trigger").isPositive();

		assertThat(names(api, "ha nguyen")).as("given name first").contains("Nguyễn Thị Thu Hà");
		assertThat(names(api, "0912345678")).as("a phone as typed at home").containsExactly("Trần Văn Bình");
		assertThat(names(api, "nhuy1999")).as("an email's local part").containsExactly("Lê Hoàng Bảo Ngọc Quỳnh Như Ý Phương");
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
