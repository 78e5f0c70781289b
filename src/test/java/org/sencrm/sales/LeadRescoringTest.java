package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.lead.LeadRescoring;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The nightly rescoring: points for a recent touch go once the touch is older than the rule's window. */
@IntegrationTest
class LeadRescoringTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	LeadRescoring rescoring;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
	}

	@Test
	void aLeadWhoseLastTouchLeftTheWindowLosesThosePoints() {
		// default rules: email 10, and 10 for a touch within 14 days
		var stale = touchedLead("cu@example.vn");
		var fresh = touchedLead("moi@example.vn");
		assertThat(score(stale)).isEqualTo(20);
		lastTouch(stale, 15);
		lastTouch(fresh, 13);

		var changed = rescoring.run(workspace.id());

		assertThat(changed).isEqualTo(1);
		assertThat(score(stale)).isEqualTo(10);
		assertThat(score(fresh)).isEqualTo(20);
		assertThat(rescoring.run(workspace.id())).as("a second run finds nothing to change").isZero();
	}

	@Test
	void closedLeadsKeepTheirScore() {
		var lead = touchedLead("dong@example.vn");
		assertThat(sales.post("/api/v1/leads/" + lead + "/disqualify", Map.of("reason", "Không có nhu cầu")).status())
				.isEqualTo(200);
		lastTouch(lead, 30);

		assertThat(rescoring.run(workspace.id())).isZero();
		assertThat(score(lead)).isEqualTo(20);
	}

	@Test
	void aWorkspaceWithoutATimeBasedRuleIsLeftAlone() {
		var lead = touchedLead("an@example.vn");
		var manager = new Api(port, workspace.member(Role.MANAGER).token());
		var rules = manager.get("/api/v1/lead-scoring-rules").body().get("items");
		rules.valueStream().filter(r -> r.get("kind").asString().equals("activity_within_days"))
				.forEach(r -> assertThat(manager.delete("/api/v1/lead-scoring-rules/" + r.get("id").asString()).status()).isEqualTo(204));
		// a score from elsewhere (an import of old data) that the rules would not give
		system(() -> jdbc.sql("update leads set score = 99, last_activity_at = now() - interval '30 days' where id = :id")
				.param("id", java.util.UUID.fromString(lead)).update());

		assertThat(rescoring.run(workspace.id())).isZero();
		assertThat(score(lead)).isEqualTo(99);
	}

	private String touchedLead(String email) {
		var lead = sales.post("/api/v1/leads", Map.of("givenName", "Khách", "email", email)).body().get("id").asString();
		assertThat(sales.post("/api/v1/leads/" + lead + "/touches", Map.of("type", "call", "subject", "Gọi giới thiệu")).status())
				.isEqualTo(201);
		return lead;
	}

	private int score(String lead) {
		return sales.get("/api/v1/leads/" + lead).body().get("score").asInt();
	}

	/** Moves the clock for one lead: its last touch is now this many days ago. */
	private void lastTouch(String lead, int daysAgo) {
		system(() -> jdbc.sql("update leads set last_activity_at = now() - make_interval(days => :days) where id = :id")
				.param("days", daysAgo).param("id", java.util.UUID.fromString(lead)).update());
	}

	private void system(java.util.function.Supplier<Integer> update) {
		int rows = WorkspaceContext.callAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).execute(s -> update.get()));
		assertThat(rows).isEqualTo(1);
	}
}
