package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestDates;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Quote, order and contract pages show their history with labels, statuses, amounts and dates as people read them. */
@IntegrationTest
class DocumentHistoryPagesTest {

	/** The dates below are in next year and the two before it, so that no date passes by. */
	private static final int YEAR = TestDates.today().getYear() + 1;

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	WebSession web;
	String person;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
		web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		person = sales.post("/api/v1/persons", Map.of("familyName", "Đặng", "givenName", "Thu Hà")).body().get("id").asString();
	}

	@Test
	void aQuoteStatusChangeIsALineOfItsHistoryInEnglishAndVietnamese() {
		var pipeline = sales.get("/api/v1/pipelines").body().get(0);
		var opportunity = sales.post("/api/v1/opportunities", Map.of("name", "Triển khai CRM chi nhánh Đà Nẵng", "personId", person,
				"pipelineId", pipeline.get("id").asString(), "stageId", pipeline.get("stages").get(0).get("id").asString(),
				"amount", 3300000, "currency", "VND", "expectedCloseDate", YEAR + "-02-01"));
		assertThat(opportunity.status()).as(opportunity.body().toString()).isEqualTo(201);
		var quote = sales.post("/api/v1/quotes", Map.of("opportunityId", opportunity.body().get("id").asString(), "lines",
				List.of(Map.of("description", "Tư vấn triển khai", "quantity", 2, "unitPrice", 1500000, "taxRate", 10))))
				.body().get("id").asString();
		var page = web.get("/quotes/" + quote);

		var changed = web.follow(web.submit(page, "form:has(button[value=sent])", Map.of("status", "sent")));

		var history = rows(changed);
		assertThat(history.getFirst()).isEqualTo("Status Draft → Sent");
		assertThat(history).contains("Total ₫3,300,000", "Lines 1", "Customer Đặng Thu Hà",
				"Opportunity Triển khai CRM chi nhánh Đà Nẵng");
		assertThat(changed.text("#history .timeline-head")).contains("changed");

		var vietnamese = new WebSession(port, "vi");
		vietnamese.submit(vietnamese.get("/login"), "form.login-form",
				Map.of("email", workspace.member(Role.SALES).email(), "password", TestWorkspaces.PASSWORD));
		var inVietnamese = rows(vietnamese.get("/quotes/" + quote));
		assertThat(inVietnamese.getFirst()).isEqualTo("Trạng thái Nháp → Đã gửi");
		assertThat(inVietnamese).anyMatch(row -> row.startsWith("Tổng cộng thanh toán 3.300.000"));
	}

	@Test
	void aPaymentRecordedThenRemovedReadsInTheOrdersHistory() {
		var order = sales.post("/api/v1/orders", Map.of("personId", person, "status", "confirmed", "lines",
				List.of(Map.of("description", "Gói bảo trì", "quantity", 1, "unitPrice", 1000000, "taxRate", 10))))
				.body().get("id").asString();
		var page = web.get("/orders/" + order);
		var paid = web.follow(web.submit(page, "form.payment-form",
				Map.of("amount", "1100000", "paidOn", (YEAR - 1) + "-11-20", "method", "cash", "reference", "PT-778")));
		assertThat(rows(paid)).contains("Status Confirmed → Paid", "Paid ₫0 → ₫1,100,000");

		var removed = web.follow(web.submit(paid, "form.remove-payment", Map.of()));

		var history = rows(removed);
		assertThat(history).contains("Status Paid → Confirmed", "Paid ₫1,100,000 → ₫0",
				"Payment removed ₫1,100,000, Nov 20, " + (YEAR - 1) + ", Cash, PT-778 →");
	}

	@Test
	void aRenewedContractSaysSoInItsHistory() {
		var contract = sales.post("/api/v1/contracts", Map.of("title", "Thuê bao phần mềm", "personId", person,
				"startDate", (YEAR - 2) + "-01-01", "endDate", (YEAR - 2) + "-12-31", "value", 120000000, "currency", "VND")).body();
		var id = contract.get("id").asString();
		assertThat(sales.post("/api/v1/contracts/" + id + "/renew", Map.of("value", 130000000)).status()).isEqualTo(201);

		var history = rows(web.get("/contracts/" + id));

		assertThat(history.getFirst()).isEqualTo("Status Active → Renewed");
		assertThat(history).contains("Value ₫120,000,000", "End Dec 31, " + (YEAR - 2), "Title Thuê bao phần mềm");
	}

	/** The history card's rows as read: "field from → to", or "field value" for a new record. */
	private static List<String> rows(WebSession.Page page) {
		assertThat(page.status()).isEqualTo(200);
		return page.html().select("#history table.changes tr").stream().map(row -> row.text().strip()).toList();
	}
}
