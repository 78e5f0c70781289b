package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.sales.contract.RenewalReminders;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestDates;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Contracts: renewal reminders become tasks once; renewing links old and new; the renewal rate. */
@IntegrationTest
class ContractRenewalTest {

	/** The dates below are in next year and the two before it, so that no date passes by. */
	private static final int YEAR = TestDates.today().getYear() + 1;

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	RenewalReminders reminders;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	String organization;
	LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
		organization = sales.post("/api/v1/organizations", Map.of("name", "Công ty TNHH Hoa Sen")).body().get("id").asString();
	}

	@Test
	void aRenewalReminderTaskIsCreatedOnceWithinTheWindow() {
		var soon = contract("Thuê bao phần mềm 2026", today.minusMonths(11), today.plusDays(20));
		var later = contract("Bảo trì năm", today.minusMonths(1), today.plusDays(45));

		assertThat(reminders.run(workspace.id())).isEqualTo(1);
		assertThat(reminders.run(workspace.id())).as("never twice").isZero();

		var task = sales.get("/api/v1/tasks/mine").body().valueStream()
				.filter(t -> t.get("title").asString().contains(soon.get("number").asString())).toList();
		assertThat(task).hasSize(1);
		assertThat(task.getFirst().get("organizationId").asString()).isEqualTo(organization);
		assertThat(task.getFirst().get("priority").asString()).isEqualTo("high");
		assertThat(sales.get("/api/v1/contracts/" + soon.get("id").asString()).body().get("renewalTaskId").asString())
				.isEqualTo(task.getFirst().get("id").asString());

		// a wider window (admin setting) reaches the later contract, once
		var admin = new Api(port, workspace.member(Role.ADMIN).token());
		assertThat(sales.put("/api/v1/sales-settings", Map.of("renewalReminderDays", 60)).status()).isEqualTo(403);
		assertThat(admin.put("/api/v1/sales-settings", Map.of("renewalReminderDays", 60)).body().get("renewalReminderDays").asInt())
				.isEqualTo(60);
		assertThat(reminders.run(workspace.id())).isEqualTo(1);
		assertThat(reminders.run(workspace.id())).isZero();
		assertThat(later.get("renewalDate").asString()).isEqualTo(today.plusDays(45).toString());
	}

	@Test
	void renewingLinksOldAndNewAndCountsForTheRenewalRate() {
		var first = contract("Hợp đồng A", LocalDate.of(YEAR - 2, 1, 1), LocalDate.of(YEAR - 2, 12, 31));
		contract("Hợp đồng B", LocalDate.of(YEAR - 2, 3, 1), LocalDate.of(YEAR - 2, 11, 30));

		var renewed = sales.post("/api/v1/contracts/" + first.get("id").asString() + "/renew", Map.of("value", 130000000));

		assertThat(renewed.status()).as(renewed.body().toString()).isEqualTo(201);
		assertThat(renewed.body().get("renewedFromId").asString()).isEqualTo(first.get("id").asString());
		assertThat(renewed.body().get("startDate").asString()).isEqualTo((YEAR - 1) + "-01-01");
		assertThat(renewed.body().get("endDate").asString()).isEqualTo((YEAR - 1) + "-12-31");
		var old = sales.get("/api/v1/contracts/" + first.get("id").asString()).body();
		assertThat(old.get("status").asString()).isEqualTo("renewed");
		assertThat(old.get("renewedToId").asString()).isEqualTo(renewed.body().get("id").asString());
		var rate = sales.get("/api/v1/contracts/renewal-rate?from=" + (YEAR - 2) + "-01-01&to=" + (YEAR - 2) + "-12-31").body();
		assertThat(rate.get("due").asInt()).isEqualTo(2);
		assertThat(rate.get("renewed").asInt()).isEqualTo(1);
		assertThat(rate.get("rate").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(sales.post("/api/v1/contracts/" + first.get("id").asString() + "/renew", Map.of()).status()).isEqualTo(409);
	}

	@Test
	void aYearRenewedIntoALeapYearIsAYearToo() {
		var leap = YEAR;
		while (!java.time.Year.isLeap(leap)) {
			leap++;
		}
		var old = contract("Hợp đồng năm", LocalDate.of(leap - 1, 1, 1), LocalDate.of(leap - 1, 12, 31));

		var renewed = sales.post("/api/v1/contracts/" + old.get("id").asString() + "/renew", Map.of()).body();

		assertThat(renewed.get("startDate").asString()).isEqualTo(leap + "-01-01");
		assertThat(renewed.get("endDate").asString()).isEqualTo(leap + "-12-31");
	}

	@Test
	void contractFieldsAreChecked() {
		var refused = sales.post("/api/v1/contracts", Map.of("startDate", (YEAR - 1) + "-05-01", "endDate", (YEAR - 1) + "-04-01", "value", -5));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(QuoteTotalsTest.fields(refused.body())).contains("title", "personId", "endDate", "value");
	}

	private tools.jackson.databind.JsonNode contract(String title, LocalDate start, LocalDate end) {
		var created = sales.post("/api/v1/contracts", Map.of("title", title, "organizationId", organization,
				"startDate", start.toString(), "endDate", end.toString(), "value", 120000000, "currency", "VND"));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body();
	}
}
