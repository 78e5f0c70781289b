package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may do what with sales records (docs/access-matrix.md), and workspaces never see each other's. */
@IntegrationTest
class SalesAccessTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	Api viewer;
	String person;
	String product;
	String quote;
	String order;
	String contract;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
		viewer = new Api(port, workspace.member(Role.VIEWER).token());
		person = sales.post("/api/v1/persons", Map.of("givenName", "Khoa")).body().get("id").asString();
		product = sales.post("/api/v1/products", Map.of("sku", "A-1", "name", "Áo thun", "unitPrice", 150000, "currency", "VND",
				"taxRate", 10)).body().get("id").asString();
		quote = sales.post("/api/v1/quotes", Map.of("personId", person, "lines", List.of(Map.of("productId", product))))
				.body().get("id").asString();
		order = sales.post("/api/v1/orders", Map.of("personId", person, "lines", List.of(Map.of("productId", product))))
				.body().get("id").asString();
		contract = sales.post("/api/v1/contracts", Map.of("title", "Thuê bao", "personId", person, "startDate", "2026-01-01",
				"value", 1000000)).body().get("id").asString();
	}

	@Test
	void viewerReadsButCannotCreateOrChange() {
		assertThat(viewer.get("/api/v1/products").status()).isEqualTo(200);
		assertThat(viewer.get("/api/v1/quotes/" + quote).status()).isEqualTo(200);
		assertThat(viewer.get("/api/v1/orders/" + order).status()).isEqualTo(200);

		assertThat(viewer.post("/api/v1/products", Map.of("sku", "V", "name", "V", "unitPrice", 1)).status()).isEqualTo(403);
		assertThat(viewer.post("/api/v1/price-lists", Map.of("name", "V")).status()).isEqualTo(403);
		assertThat(viewer.post("/api/v1/quotes", Map.of("personId", person, "lines", List.of(Map.of("productId", product))))
				.status()).isEqualTo(403);
		assertThat(viewer.post("/api/v1/orders", Map.of("personId", person, "lines", List.of(Map.of("productId", product))))
				.status()).isEqualTo(403);
		assertThat(viewer.post("/api/v1/contracts", Map.of("title", "x", "personId", person, "startDate", "2026-01-01",
				"value", 1)).status()).isEqualTo(403);
		assertThat(viewer.patch("/api/v1/orders/" + order, Map.of("status", "confirmed")).status()).isEqualTo(403);
	}

	@Test
	void salesChangeOnlyTheirOwnOrTheirTeamsDocuments() {
		var other = new Api(port, workspace.otherSales().token());
		var manager = new Api(port, workspace.member(Role.MANAGER).token());

		assertThat(other.patch("/api/v1/quotes/" + quote, Map.of("notes", "mine now")).status()).isEqualTo(403);
		assertThat(other.patch("/api/v1/orders/" + order, Map.of("status", "confirmed")).status()).isEqualTo(403);
		assertThat(manager.patch("/api/v1/orders/" + order, Map.of("status", "confirmed")).status()).isEqualTo(200);
		assertThat(other.post("/api/v1/orders/" + order + "/payments", Map.of("amount", 1000)).status()).isEqualTo(403);
		assertThat(sales.delete("/api/v1/products/" + product).status()).as("only managers remove products").isEqualTo(403);
	}

	@Test
	void anotherWorkspaceSeesNothing() {
		var stranger = new Api(port, workspaces.create().member(Role.ADMIN).token());

		assertThat(stranger.get("/api/v1/products/" + product).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/quotes/" + quote).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/quotes/" + quote + "/pdf").status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/orders/" + order).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/contracts/" + contract).status()).isEqualTo(404);
		assertThat(stranger.post("/api/v1/orders", Map.of("quoteId", quote)).status()).isEqualTo(404);
		assertThat(stranger.post("/api/v1/quotes", Map.of("personId", person, "lines", List.of(Map.of("description", "x",
				"unitPrice", 1)))).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/products").body().get("items").size()).isZero();
		assertThat(stranger.get("/api/v1/orders").body().get("items").size()).isZero();
	}
}
