package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sencrm.directory.DemoCustomersCreated;
import org.sencrm.identity.ActingUser;
import org.sencrm.identity.WorkspaceCreated;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.Publications;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo workspace (as on a first start) gets sales demo data the board and dashboard can show,
 * once: the demo is written after the workspace's transaction commits, by a listener that may run twice.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DemoSalesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	Publications publications;

	@Test
	void theDemoWorkspaceHasProductsDealsLeadsAnOrderAndQuotas() {
		var admin = demo();

		assertThat(admin.get("/api/v1/products").body().get("items").size()).isEqualTo(4);
		assertThat(admin.get("/api/v1/opportunities?limit=100").body().get("items").size()).isEqualTo(11);
		assertThat(admin.get("/api/v1/opportunities?status=won").body().get("items").size()).isEqualTo(2);
		assertThat(admin.get("/api/v1/opportunities?status=lost").body().get("items").size()).isEqualTo(1);
		assertThat(admin.get("/api/v1/leads").body().get("items").size()).isEqualTo(2);
		assertThat(admin.get("/api/v1/orders").body().get("items").get(0).get("status").asString()).isEqualTo("confirmed");
		assertThat(admin.get("/api/v1/quotas").body().size()).isPositive();
		var forecast = admin.get("/api/v1/forecast").body();
		assertThat(forecast.get("total").get("closedWon").decimalValue()).isPositive();
		assertThat(forecast.get("total").get("quota").decimalValue()).isPositive();
		// the dollar deal is converted at the demo rate into the workspace's đồng, nothing left unconverted
		var converted = forecast.get("inBaseCurrency");
		assertThat(converted.has("notConverted") ? converted.get("notConverted").size() : 0).isZero();
		assertThat(converted.get("total").get("bestCase").decimalValue())
				.isGreaterThan(forecast.get("total").get("bestCase").decimalValue());
		// Default pipelines of a Vietnamese workspace are named in Vietnamese.
		assertThat(admin.get("/api/v1/pipelines").body().get(0).get("stages").get(0).get("name").asString()).isNotEqualTo(
				"Need recognition");
	}

	@Test
	void aSecondDeliveryOfWorkspaceCreatedAddsNoSecondDemo() {
		var admin = demo();
		var before = counts(admin);

		publications.redeliver(WorkspaceCreated.class, adminId);

		assertThat(counts(admin)).isEqualTo(before);
	}

	@Test
	void theSalesDemoIsAddedOnceWhenItsEventComesAgain(@Autowired ActingUser acting, @Autowired ApplicationEventPublisher events,
			@Autowired PlatformTransactionManager transactions, CapturedOutput output) {
		var admin = demo();
		var before = counts(admin);
		var workspaceId = UUID.fromString(admin.get("/api/v1/me").body().get("workspaceId").asString());
		var persons = ids(admin, "/api/v1/persons?limit=100");
		var organizations = ids(admin, "/api/v1/organizations?limit=100");

		// as the demo customers publish it: in their transaction, as the administrator
		acting.call(workspaceId, UUID.fromString(adminId), () -> new TransactionTemplate(transactions).execute(s -> {
			events.publishEvent(new DemoCustomersCreated(workspaceId, organizations, persons, List.of(UUID.fromString(adminId))));
			return null;
		}));

		assertThat(counts(admin)).isEqualTo(before);
		// seen and skipped, not tried again and refused (a duplicate product code would roll it back too)
		assertThat(output.getAll()).contains("has products already").doesNotContain("Could not add the sales demo data");
	}

	/** The demo workspace of the test run (its colleagues' emails are fixed, so there is one). */
	static TestWorkspaces.Member demo;
	String adminId;

	/** The demo workspace once its demo data is written (after its transaction, on another thread). */
	private Api demo() {
		synchronized (DemoSalesTest.class) {
			if (demo == null) {
				demo = workspaces.demo();
			}
		}
		adminId = demo.id().toString();
		publications.awaitCompleted(WorkspaceCreated.class, adminId);
		return new Api(port, demo.token());
	}

	private List<Integer> counts(Api admin) {
		return List.of(admin.get("/api/v1/persons?limit=100").body().get("items").size(),
				admin.get("/api/v1/organizations?limit=100").body().get("items").size(),
				admin.get("/api/v1/products?limit=100").body().get("items").size(),
				admin.get("/api/v1/opportunities?limit=100").body().get("items").size(),
				admin.get("/api/v1/leads?limit=100").body().get("items").size(),
				admin.get("/api/v1/orders?limit=100").body().get("items").size(),
				admin.get("/api/v1/quotas").body().size());
	}

	private static List<UUID> ids(Api admin, String path) {
		return admin.get(path).body().get("items").valueStream().map(item -> UUID.fromString(item.get("id").asString())).toList();
	}
}
