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

/** The sales pages as a user works with them: catalogue, a quote made in the form, the order and its payment, a contract. */
@IntegrationTest
class SalesPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	WebSession web;
	Api api;
	String person;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		api = new Api(port, workspace.member(Role.SALES).token());
		person = api.post("/api/v1/persons", Map.of("familyName", "Hoàng", "givenName", "Yến")).body().get("id").asString();
	}

	@Test
	void aProductIsAddedThroughTheFormAndListed() {
		var form = web.get("/products/new");
		var noSku = web.submit(form, "form.record-form", Map.of("sku", "", "name", "Nồi cơm điện", "unitPrice", "100"));
		assertThat(noSku.status()).isEqualTo(200);
		assertThat(noSku.text("#sku-error")).isNotBlank();
		var badPrice = web.submit(form, "form.record-form", Map.of("sku", "X", "name", "Nồi cơm điện", "unitPrice", "abc"));
		assertThat(badPrice.text("#unitPrice-error")).isEqualTo("Enter a number.");

		var saved = web.submit(form, "form.record-form", Map.of("sku", "NCD-18", "name", "Nồi cơm điện 1,8 L", "unit", "cái",
				"unitPrice", "1.290.000", "taxRate", "8"));

		assertThat(saved.status()).isEqualTo(302);
		var list = web.get("/products?q=noi+com");
		assertThat(list.text("table.records tbody")).contains("NCD-18", "Nồi cơm điện 1,8 L", "1,290,000");
		var product = api.get("/api/v1/products?q=NCD").body().get("items").get(0);
		assertThat(product.get("unitPrice").decimalValue()).isEqualByComparingTo("1290000");
		assertThat(product.get("taxRate").asInt()).isEqualTo(8);
	}

	@Test
	void aQuoteFromTheFormBecomesAnOrderThatIsPaid() {
		var product = api.post("/api/v1/products", Map.of("sku", "TV-55", "name", "Tivi 55 inch", "unitPrice", 12990000,
				"taxRate", 10)).body().get("id").asString();
		var form = web.get("/quotes/new?personId=" + person);
		assertThat(form.text(".picker .choices")).contains("Hoàng Yến");

		var created = web.submit(form, "form.record-form", Map.of("lines[0].productId", product, "lines[0].quantity", "2",
				"lines[1].description", "Giá treo tường", "lines[1].unitPrice", "450000", "lines[1].taxRate", "10"));

		assertThat(created.status()).as(created.html().text()).isEqualTo(302);
		var quote = web.follow(created);
		// 2 × 12,990,000 + 450,000 = 26,430,000; VAT 2,643,000
		assertThat(quote.text(".records.lines .total")).isEqualTo("₫29,073,000");
		quote = web.follow(web.submit(quote, "form:has(button[value=accepted])", Map.of("status", "accepted")));
		assertThat(quote.text(".badges")).isEqualTo("Accepted");

		var order = web.follow(web.submit(quote, "form[action*=from-quote]", Map.of()));
		assertThat(order.text(".order-status")).isEqualTo("Draft");
		order = web.follow(web.submit(order, "form:has(button[value=confirmed])", Map.of("status", "confirmed")));
		assertThat(order.text(".order-status")).isEqualTo("Confirmed");
		var tooMuch = web.submit(order, "form.payment-form", Map.of("amount", "30000000"));
		assertThat(tooMuch.text("#amount-error")).contains("owed");
		order = web.follow(web.submit(order, "form.payment-form", Map.of("amount", "29.073.000", "method", "cash")));

		assertThat(order.text(".order-status")).isEqualTo("Paid");
		assertThat(order.text(".balance")).isEqualTo("₫0");
	}

	@Test
	void aContractIsMadeAndRenewedFromItsPage() {
		// a year that ended a few months ago, whenever the test runs
		var ended = TestDates.daysFromNow(-90);
		var form = web.get("/contracts/new?personId=" + person);
		var contract = web.follow(web.submit(form, "form.record-form", Map.of("title", "Dịch vụ bảo trì máy lạnh",
				"startDate", ended.minusYears(1).plusDays(1).toString(), "endDate", ended.toString(), "value", "6.000.000")));
		assertThat(contract.text("h1")).contains("Dịch vụ bảo trì máy lạnh");

		var renewed = web.follow(web.submit(contract, "form[action$=renew]", Map.of()));

		assertThat(renewed.text(".facts")).contains("Previous contract");
		assertThat(renewed.text(".facts")).contains("₫6,000,000");
		// the old one ended within the last 12 months and was renewed
		assertThat(web.get("/contracts").text(".renewal-rate")).isEqualTo("100%");
	}

	@Test
	void aViewerSeesTheListsButNoCreateButtons() {
		var viewer = WebSession.signedIn(port, workspace.member(Role.VIEWER).email());

		for (var path : List.of("/products", "/price-lists", "/quotes", "/orders", "/contracts")) {
			var page = viewer.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.has(".page-head a.button")).as(path).isFalse();
		}
		assertThat(viewer.get("/quotes/new").status()).isEqualTo(403);
	}
}
