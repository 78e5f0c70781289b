package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The data-quality page counts what is missing or wrong in the customer base. */
@IntegrationTest
class DataQualityTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	@Test
	void showsTheShareOfPersonsWithEmailAndPhoneAndWhatOldDataGotWrong() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		sales.post("/api/v1/persons", Map.of("givenName", "An", "emails", List.of(Map.of("address", "an@example.vn")),
				"phones", List.of(Map.of("number", "0901234567"))));
		sales.post("/api/v1/persons", Map.of("givenName", "Bình"));
		sales.post("/api/v1/persons", Map.of("givenName", "Chi"));
		var old = sales.post("/api/v1/persons", Map.of("givenName", "Dũng")).body().get("id").asString();
		// a value saved before today's checks (an import of old data, say)
		org.sencrm.platform.WorkspaceContext.runAsSystem(workspace.id(), () -> new org.springframework.transaction.support.TransactionTemplate(
				transactions).executeWithoutResult(status -> jdbc.sql("""
						update persons set phones = '[{"number":"12345","primary":true}]', emails = '[{"address":"dung at example","primary":true}]'
						where workspace_id = :ws and id = cast(:id as uuid)""").param("ws", workspace.id()).param("id", old).update()));

		var page = WebSession.signedIn(port, workspace.member(Role.SALES).email()).get("/data-quality");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text(".quality-persons")).endsWith("4");
		assertThat(page.text(".quality-email")).contains("50 %");
		assertThat(page.text(".quality-phone")).contains("50 %");
		assertThat(page.text(".quality-owner")).contains("100 %");
		assertThat(page.text(".quality-invalid-emails")).endsWith("1");
		assertThat(page.text(".quality-invalid-phones")).endsWith("1");
		assertThat(page.text(".quality-untouched")).endsWith("0");
	}

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;
}
