package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What other modules ask the directory. */
@IntegrationTest
class CustomersTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	Customers customers;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Test
	void findsPersonsByEmailAlsoWhenTheyHavePhones() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var withPhone = sales.post("/api/v1/persons", Map.of("givenName", "A", "emails", List.of(Map.of("address", "a@example.vn")),
				"phones", List.of(Map.of("number", "0901234567")))).body().get("id").asString();
		sales.post("/api/v1/persons", Map.of("givenName", "B", "emails", List.of(Map.of("address", "a@example.vn.other"))));

		var found = WorkspaceContext.callAsSystem(workspace.id(), () -> new org.springframework.transaction.support.TransactionTemplate(
				transactions).execute(status -> customers.personsByEmail(List.of("a@example.vn", "nobody@example.vn"))));

		assertThat(found).containsOnlyKeys("a@example.vn");
		assertThat(found.get("a@example.vn")).extracting(Object::toString).containsExactly(withPhone);
	}
}
