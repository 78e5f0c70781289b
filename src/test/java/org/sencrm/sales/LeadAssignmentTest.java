package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Assignment on arrival: round-robin within a team (also under concurrent arrivals), by region or source; first matching rule wins. */
@IntegrationTest
class LeadAssignmentTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api manager;
	Api admin;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		manager = new Api(port, workspace.member(Role.MANAGER).token());
		admin = new Api(port, workspace.member(Role.ADMIN).token());
	}

	@Test
	void roundRobinGivesTheTeamsMembersTurnsABAB() {
		rule(Map.of("teamId", workspace.teamId().toString()));

		var owners = new ArrayList<String>();
		for (int i = 0; i < 4; i++) {
			var lead = admin.post("/api/v1/leads", Map.of("givenName", "Khách " + i)).body();
			owners.add(lead.get("ownerId").asString());
			assertThat(lead.get("ownerTeamId").asString()).isEqualTo(workspace.teamId().toString());
		}

		assertThat(owners.get(0)).isNotEqualTo(owners.get(1));
		assertThat(owners.get(2)).isEqualTo(owners.get(0));
		assertThat(owners.get(3)).isEqualTo(owners.get(1));
		assertThat(owners).contains(workspace.member(Role.SALES).id().toString());
	}

	@Test
	void concurrentArrivalsStillTakeFairTurns() throws Exception {
		rule(Map.of("teamId", workspace.teamId().toString()));
		var pool = Executors.newFixedThreadPool(8);
		var tasks = new ArrayList<Callable<String>>();
		for (int i = 0; i < 16; i++) {
			var n = i;
			tasks.add(() -> {
				var created = admin.post("/api/v1/leads", Map.of("givenName", "Song song " + n));
				assertThat(created.status()).isEqualTo(201);
				return created.body().get("ownerId").asString();
			});
		}
		var owners = new ArrayList<String>();
		for (var future : pool.invokeAll(tasks)) {
			owners.add(future.get());
		}
		pool.shutdown();

		var perOwner = owners.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(perOwner).hasSize(2);
		assertThat(perOwner.values()).containsOnly(8L);
	}

	@Test
	void theFirstMatchingRuleWinsByRegionOrSourceBeforeTheTeam() {
		var danang = workspace.otherSales().id().toString();
		var referrals = workspace.member(Role.MANAGER).id().toString();
		rule(Map.of("matchField", "province", "matchValue", "Đà Nẵng", "userId", danang));
		rule(Map.of("matchField", "source", "matchValue", "referral", "userId", referrals));
		rule(Map.of("teamId", workspace.teamId().toString()));

		var fromDanang = admin.post("/api/v1/leads", Map.of("givenName", "Đà", "province", "da nang", "source", "referral")).body();
		var referred = admin.post("/api/v1/leads", Map.of("givenName", "Giới", "province", "Huế", "source", "referral")).body();
		var other = admin.post("/api/v1/leads", Map.of("givenName", "Khác", "province", "Huế")).body();

		assertThat(fromDanang.get("ownerId").asString()).isEqualTo(danang);
		assertThat(referred.get("ownerId").asString()).isEqualTo(referrals);
		assertThat(other.get("ownerId").asString()).isNotIn(danang, referrals);
		assertThat(other.get("ownerTeamId").asString()).isEqualTo(workspace.teamId().toString());
	}

	@Test
	void anOwnerChosenByAManagerAndLeadsNoRuleMatchesStayWithTheirCreator() {
		rule(Map.of("matchField", "campaign", "matchValue", "Tết", "userId", workspace.otherSales().id().toString()));
		var sales = new Api(port, workspace.member(Role.SALES).token());

		var chosen = manager.post("/api/v1/leads", Map.of("givenName", "Chọn", "campaign", "Tết",
				"ownerId", workspace.member(Role.SUPPORT).id().toString())).body();
		var unmatched = sales.post("/api/v1/leads", Map.of("givenName", "Tự nhập")).body();

		assertThat(chosen.get("ownerId").asString()).isEqualTo(workspace.member(Role.SUPPORT).id().toString());
		assertThat(unmatched.get("ownerId").asString()).isEqualTo(workspace.member(Role.SALES).id().toString());
		assertThat(sales.post("/api/v1/lead-assignment-rules", Map.of("teamId", workspace.teamId().toString())).status()).isEqualTo(403);
		assertThat(manager.post("/api/v1/lead-assignment-rules", Map.of("matchField", "province")).body().get("errors")
				.valueStream().map(e -> e.get("field").asString()).toList()).containsExactlyInAnyOrder("matchValue", "userId");
	}

	private void rule(Map<String, Object> rule) {
		var created = manager.post("/api/v1/lead-assignment-rules", rule);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
	}
}
