package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A demo workspace (as on a first start) gets sales demo data the board and dashboard can show. */
@IntegrationTest
class DemoSalesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Test
	void theDemoWorkspaceHasProductsDealsLeadsAnOrderAndQuotas() throws InterruptedException {
		var admin = new Api(port, workspaces.demo().token());
		// The demo is written in the background after the workspace is made.
		var deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (admin.get("/api/v1/sales/kpis").body().get("leadsCaptured").asLong() < 2 && Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
		}
		while (admin.get("/api/v1/quotas").body().size() == 0 && Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
		}

		assertThat(admin.get("/api/v1/products").body().get("items").size()).isEqualTo(4);
		assertThat(admin.get("/api/v1/opportunities?limit=100").body().get("items").size()).isEqualTo(11);
		assertThat(admin.get("/api/v1/opportunities?status=won").body().get("items").size()).isEqualTo(2);
		assertThat(admin.get("/api/v1/opportunities?status=lost").body().get("items").size()).isEqualTo(1);
		assertThat(admin.get("/api/v1/leads").body().get("items").size()).isEqualTo(2);
		assertThat(admin.get("/api/v1/orders").body().get("items").get(0).get("status").asString()).isEqualTo("confirmed");
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
}
