package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestDates;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Quote totals to the đồng (and the cent), checked by hand, with mixed VAT rates and discounts. */
@IntegrationTest
class QuoteTotalsTest {

	/** Expected close dates fall in next year, so that none passes by. */
	private static final int YEAR = TestDates.today().getYear() + 1;

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	Api sales;
	String person;

	@BeforeEach
	void setUp() {
		var workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
		person = sales.post("/api/v1/persons", Map.of("familyName", "Trần", "givenName", "Thị Bích")).body().get("id").asString();
	}

	@Test
	void vndQuoteRoundsEachLineHalfUpAndAddsTheLines() {
		var desk = product("BAN-01", "Bàn làm việc gỗ sồi", "3450000", "VND", 10);
		var paper = product("GIAY-A4", "Giấy A4 Double A", "68500", "VND", 8);
		var book = product("SACH-01", "Sách giáo khoa", "45000", "VND", "KCT");

		var quote = sales.post("/api/v1/quotes", Map.of("personId", person, "lines", List.of(
				Map.of("productId", desk, "quantity", 3, "discountPercent", 5),
				Map.of("productId", paper, "quantity", 7, "discountPercent", 12.5),
				Map.of("productId", book, "quantity", 11),
				Map.of("description", "Phí lắp đặt", "unit", "giờ", "quantity", 1.5, "unitPrice", 333333, "discountPercent", 3,
						"taxRate", 10))));

		assertThat(quote.status()).as(quote.body().toString()).isEqualTo(201);
		var body = quote.body();
		assertThat(body.get("currency").asString()).isEqualTo("VND");
		assertThat(body.get("number").asString()).matches("Q-\\d{4}-0001");
		// line 1: 3 × 3,450,000 = 10,350,000; −5 % = 517,500; net 9,832,500; VAT 10 % = 983,250
		line(body, 0, "10350000", "517500", "9832500", "983250", "10815750");
		// line 2: 7 × 68,500 = 479,500; −12.5 % = 59,937.5 → 59,938; net 419,562; VAT 8 % = 33,564.96 → 33,565
		line(body, 1, "479500", "59938", "419562", "33565", "453127");
		// line 3: 11 × 45,000 = 495,000, not subject to VAT
		line(body, 2, "495000", "0", "495000", "0", "495000");
		assertThat(body.get("lines").get(2).get("taxRate").asString()).isEqualTo("KCT");
		// line 4: 1.5 × 333,333 = 499,999.5 → 500,000; −3 % = 15,000; net 485,000; VAT 10 % = 48,500
		line(body, 3, "500000", "15000", "485000", "48500", "533500");
		amount(body, "subtotal", "11824500");
		amount(body, "discountTotal", "592438");
		amount(body, "taxTotal", "1065315");
		amount(body, "total", "12297377");
		assertThat(body.get("lines").get(0).get("description").asString()).isEqualTo("Bàn làm việc gỗ sồi");
		assertThat(body.get("lines").get(0).get("taxRate").asInt()).isEqualTo(10);
	}

	@Test
	void usdQuoteRoundsToCents() {
		var hosting = product("HOST-M", "Cloud hosting (monthly)", "19.99", "USD", 10);

		var body = sales.post("/api/v1/quotes", Map.of("personId", person, "lines", List.of(
				Map.of("productId", hosting, "quantity", 3, "discountPercent", 15),
				Map.of("description", "Setup", "quantity", 1, "unitPrice", 49.50, "taxRate", 8),
				Map.of("description", "Support hours", "quantity", 2.25, "unitPrice", 33.33, "taxRate", "5%")))).body();

		assertThat(body.get("currency").asString()).isEqualTo("USD");
		// 3 × 19.99 = 59.97; −15 % = 8.9955 → 9.00; net 50.97; VAT 10 % = 5.097 → 5.10
		line(body, 0, "59.97", "9.00", "50.97", "5.10", "56.07");
		line(body, 1, "49.50", "0.00", "49.50", "3.96", "53.46");
		// 2.25 × 33.33 = 74.9925 → 74.99; VAT 5 % = 3.7495 → 3.75
		line(body, 2, "74.99", "0.00", "74.99", "3.75", "78.74");
		amount(body, "subtotal", "184.46");
		amount(body, "discountTotal", "9.00");
		amount(body, "taxTotal", "12.81");
		amount(body, "total", "188.27");
	}

	@Test
	void pricesComeFromTheDefaultPriceListWithItsDiscount() {
		var desk = product("BAN-02", "Bàn họp", "5000000", "VND", 10);
		var list = sales.post("/api/v1/price-lists", Map.of("name", "Đại lý 2026", "currency", "VND", "isDefault", true,
				"discountPercent", 2, "prices", List.of(Map.of("productId", desk, "unitPrice", 4600000))));
		assertThat(list.status()).as(list.body().toString()).isEqualTo(201);
		assertThat(list.body().get("isDefault").asBoolean()).isTrue();

		var b2c = sales.get("/api/v1/pipelines").body().get(1);
		var opportunity = sales.post("/api/v1/opportunities", Map.of("name", "Bàn họp cho văn phòng", "pipelineId",
				b2c.get("id").asString(), "stageId", b2c.get("stages").get(0).get("id").asString(), "amount", 9016000,
				"currency", "VND", "personId", person, "expectedCloseDate", YEAR + "-01-31")).body().get("id").asString();
		var body = sales.post("/api/v1/quotes", Map.of("opportunityId", opportunity, "lines",
				List.of(Map.of("productId", desk, "quantity", 2)))).body();

		// 2 × 4,600,000 = 9,200,000; list discount 2 % = 184,000; net 9,016,000; VAT 901,600
		line(body, 0, "9200000", "184000", "9016000", "901600", "9917600");
		assertThat(body.get("priceListId").asString()).isEqualTo(list.body().get("id").asString());
		assertThat(body.get("personId").asString()).as("the opportunity's customer").isEqualTo(person);
		assertThat(body.get("customerName").asString()).contains("Bích");
	}

	@Test
	void productsAcceptEveryVietnameseVatRateAndRefuseOthers() {
		assertThat(sales.post("/api/v1/products", productBody("R-0", 0)).body().get("taxRate").asInt()).isZero();
		assertThat(sales.post("/api/v1/products", productBody("R-5", 5)).body().get("taxRate").asInt()).isEqualTo(5);
		assertThat(sales.post("/api/v1/products", productBody("R-8", 0.08)).body().get("taxRate").asInt()).isEqualTo(8);
		assertThat(sales.post("/api/v1/products", productBody("R-K", "kct")).body().get("taxRate").asString()).isEqualTo("KCT");

		var refused = sales.post("/api/v1/products", Map.of("sku", "R-X", "name", "X", "unitPrice", -1, "currency", "VNDX",
				"taxRate", 150));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(fields(refused.body())).contains("unitPrice", "currency", "taxRate");
	}

	@Test
	void invalidQuoteLinesAreNamedByTheirPosition() {
		var refused = sales.post("/api/v1/quotes", Map.of("personId", person, "lines", List.of(
				Map.of("description", "Tư vấn", "quantity", 0, "unitPrice", 100000),
				Map.of("productId", UUID.randomUUID().toString(), "quantity", 1),
				Map.of("description", "Phí", "unitPrice", 1000, "discountPercent", 120, "taxRate", "abc"))));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(fields(refused.body())).contains("lines[0].quantity", "lines[1].productId", "lines[2].discountPercent",
				"lines[2].taxRate");
		var noCustomer = sales.post("/api/v1/quotes", Map.of("lines", List.of(Map.of("description", "x", "unitPrice", 1))));
		assertThat(fields(noCustomer.body())).contains("personId");
	}

	@Test
	void skuIsUniqueInTheWorkspace() {
		product("DUP-1", "Một", "1000", "VND", 10);

		var again = sales.post("/api/v1/products", Map.of("sku", "dup-1", "name", "Hai", "unitPrice", 2000));

		assertThat(again.status()).isEqualTo(422);
		assertThat(fields(again.body())).containsExactly("sku");
	}

	private Map<String, Object> productBody(String sku, Object taxRate) {
		return Map.of("sku", sku, "name", "Rate " + sku, "unitPrice", 1000, "currency", "VND", "taxRate", taxRate);
	}

	private String product(String sku, String name, String price, String currency, Object taxRate) {
		var body = new HashMap<String, Object>(Map.of("sku", sku, "name", name, "unitPrice", new BigDecimal(price),
				"currency", currency, "taxRate", taxRate));
		var created = sales.post("/api/v1/products", body);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private static void line(JsonNode quote, int index, String gross, String discount, String net, String tax, String total) {
		var line = quote.get("lines").get(index);
		amount(line, "gross", gross);
		amount(line, "discount", discount);
		amount(line, "net", net);
		amount(line, "tax", tax);
		amount(line, "total", total);
	}

	static void amount(JsonNode node, String field, String expected) {
		assertThat(new BigDecimal(node.get(field).asString())).as(field).isEqualByComparingTo(expected);
	}

	static List<String> fields(JsonNode problem) {
		return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
	}
}
