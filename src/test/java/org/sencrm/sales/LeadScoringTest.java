package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Rule-based scoring: the default rules, rules of the workspace's own, touches, and rescoring when rules change. */
@IntegrationTest
class LeadScoringTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	Api sales;
	Api manager;

	@BeforeEach
	void setUp() {
		var workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
		manager = new Api(port, workspace.member(Role.MANAGER).token());
	}

	@Test
	void theDefaultRulesAddUpThePointsOfEveryRuleThatHolds() {
		// email 10 + phone 10 + company 10 + tax code 10 + job title 5 + referral 20
		var full = sales.post("/api/v1/leads", Map.of("givenName", "An", "email", "an@example.vn", "phone", "0901234567",
				"companyName", "Hoa Sen", "taxCode", "0101234567", "jobTitle", "Giám đốc", "source", "referral")).body();
		// email 10; the API is no source the default rules reward
		var thin = sales.post("/api/v1/leads", Map.of("email", "thin@example.vn")).body();

		assertThat(full.get("score").asInt()).isEqualTo(65);
		assertThat(thin.get("score").asInt()).isEqualTo(10);
		var list = sales.get("/api/v1/leads?sort=score").body().get("items");
		assertThat(list.get(0).get("id").asString()).isEqualTo(full.get("id").asString());
		assertThat(sales.get("/api/v1/lead-scoring-rules").body().get("items").size()).isEqualTo(11);
	}

	@Test
	void aNewRuleRescoresOpenLeadsAndChangesScoreNewOnes() {
		var hanoi = sales.post("/api/v1/leads", Map.of("givenName", "Hà", "province", "Ha Noi")).body();
		assertThat(hanoi.get("score").asInt()).isZero();

		var rule = manager.post("/api/v1/lead-scoring-rules", Map.of("kind", "field_equals", "field", "province", "value", "Hà Nội",
				"points", 15));
		assertThat(rule.status()).isEqualTo(201);

		assertThat(sales.get("/api/v1/leads/" + hanoi.get("id").asString()).body().get("score").asInt()).isEqualTo(15);
		var penalty = manager.post("/api/v1/lead-scoring-rules", Map.of("kind", "field_present", "field", "consent.email",
				"points", -5)).body();
		assertThat(penalty.get("points").asInt()).isEqualTo(-5);
		var consenting = sales.post("/api/v1/leads", Map.of("givenName", "Hải", "province", "hà nội",
				"consents", Map.of("email", Map.of("status", "granted", "method", "phone")))).body();
		assertThat(consenting.get("score").asInt()).isEqualTo(10);

		var changed = manager.put("/api/v1/lead-scoring-rules/" + rule.body().get("id").asString(), Map.of("kind", "field_equals",
				"field", "province", "value", "Hà Nội", "points", 20));
		assertThat(changed.status()).as("a change without If-Match takes the stored version").isEqualTo(200);
		assertThat(sales.get("/api/v1/leads/" + hanoi.get("id").asString()).body().get("score").asInt()).isEqualTo(20);

		manager.delete("/api/v1/lead-scoring-rules/" + rule.body().get("id").asString());
		assertThat(sales.get("/api/v1/leads/" + hanoi.get("id").asString()).body().get("score").asInt()).isZero();
	}

	@Test
	void touchesCountAndRecentOnesScore() {
		var lead = sales.post("/api/v1/leads", Map.of("givenName", "Bình")).body().get("id").asString();

		sales.post("/api/v1/leads/" + lead + "/touches", Map.of("type", "call", "subject", "Gọi lần 1"));
		var afterOne = sales.get("/api/v1/leads/" + lead).body();
		sales.post("/api/v1/leads/" + lead + "/touches", Map.of("type", "email", "subject", "Gửi tài liệu"));
		var afterThree = sales.post("/api/v1/leads/" + lead + "/touches", Map.of("type", "meeting", "subject", "Gặp mặt"));

		// last touch within 14 days: 10; then at least 3 touches: 10 more
		assertThat(afterOne.get("score").asInt()).isEqualTo(10);
		assertThat(afterOne.get("activityCount").asInt()).isEqualTo(1);
		assertThat(afterThree.status()).isEqualTo(201);
		assertThat(afterThree.body().get("score").asInt()).isEqualTo(20);
		var touches = sales.get("/api/v1/leads/" + lead + "/touches").body().get("items");
		assertThat(touches.size()).isEqualTo(3);
		assertThat(touches.get(0).get("subject").asString()).isEqualTo("Gặp mặt");
		assertThat(sales.post("/api/v1/leads/" + lead + "/touches", Map.of("type", "fax", "subject", "x")).status()).isEqualTo(422);
	}

	@Test
	void onlyManagersAndAdminsChangeTheRulesAndBadRulesAreNamed() {
		assertThat(sales.post("/api/v1/lead-scoring-rules", Map.of("kind", "field_present", "field", "email", "points", 5)).status())
				.isEqualTo(403);
		var invalid = manager.post("/api/v1/lead-scoring-rules", Map.of("kind", "field_equals", "field", "shoeSize", "points", 5000));

		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
				.containsExactlyInAnyOrder("field", "value", "points");
	}
}
