package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sencrm.sales.QuoteTotalsTest.amount;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Draft quotes and orders changed on the web: the line editor, totals to the đồng, stale edits, non-drafts refused. */
@IntegrationTest
class DocumentEditingPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	WebSession web;
	Api api;
	String person;
	String desk;
	String paper;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		api = new Api(port, workspace.member(Role.SALES).token());
		person = api.post("/api/v1/persons", Map.of("familyName", "Đặng", "givenName", "Thu Hà")).body().get("id").asString();
		desk = product("BAN-01", "Bàn làm việc gỗ sồi", 3450000, 10);
		paper = product("GIAY-A4", "Giấy A4 Double A", 68500, 8);
	}

	@Test
	void aDraftQuoteIsEditedLineByLineAndItsTotalsAreRecomputedToTheDong() {
		var quote = quote();
		var id = quote.get("id").asString();
		var page = web.get("/quotes/" + id);
		assertThat(page.has("a[href='/quotes/" + id + "/edit']")).isTrue();
		var form = web.get("/quotes/" + id + "/edit");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.text("h1")).isEqualTo("Edit quote " + quote.get("number").asString());
		assertThat(form.html().selectFirst("[name='lines[0].quantity']").val()).isEqualTo("3");
		assertThat(form.html().selectFirst("[name='lines[1].unitPrice']").val()).isEqualTo("333333");

		// line 1: 4 more desks at 7.5 %; line 2 removed; a new paper line in the first spare row
		var saved = web.submit(form, "form.record-form", Map.of("lines[0].quantity", "4", "lines[0].discountPercent", "7,5",
				"lines[1].remove", "true", "lines[2].productId", paper, "lines[2].quantity", "7", "lines[2].discountPercent", "12.5",
				"notes", "Giao trong tuần"));

		assertThat(saved.status()).as(saved.html().text()).isEqualTo(302);
		var shown = web.follow(saved);
		assertThat(shown.text(".flash")).isEqualTo("Quote saved.");
		// desks: 4 × 3,450,000 = 13,800,000; −7.5 % = 1,035,000; net 12,765,000; VAT 10 % = 1,276,500; total 14,041,500
		// paper: 7 × 68,500 = 479,500; −12.5 % = 59,937.5 → 59,938; net 419,562; VAT 8 % = 33,564.96 → 33,565; total 453,127
		assertThat(shown.text(".records.lines tbody")).contains("Giấy A4 Double A").doesNotContain("Phí lắp đặt");
		assertThat(shown.text(".records.lines .total")).isEqualTo("₫14,494,627");
		var stored = api.get("/api/v1/quotes/" + id).body();
		assertThat(stored.get("version").asInt()).isEqualTo(1);
		assertThat(stored.get("status").asString()).isEqualTo("draft");
		assertThat(stored.get("notes").asString()).isEqualTo("Giao trong tuần");
		amount(stored, "subtotal", "14279500");
		amount(stored, "discountTotal", "1094938");
		amount(stored, "taxTotal", "1310065");
		amount(stored, "total", "14494627");
		assertThat(api.get("/api/v1/quotes/" + id + "/history").body().get(0).get("changes").get("total").get("to").asString())
				.isEqualTo("14494627");
	}

	@Test
	void aStaleEditSaysSomeoneElseSavedAndKeepsWhatWasTyped() {
		var id = quote().get("id").asString();
		var form = web.get("/quotes/" + id + "/edit");
		assertThat(api.patch("/api/v1/quotes/" + id, Map.of("notes", "đổi bởi người khác")).status()).isEqualTo(200);

		var stale = web.submit(form, "form.record-form", Map.of("lines[0].quantity", "9"));

		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.text(".alert-warning")).startsWith("Someone else saved this record after you opened it");
		assertThat(stale.html().selectFirst("[name='lines[0].quantity']").val()).isEqualTo("9");
		var stored = api.get("/api/v1/quotes/" + id).body();
		assertThat(stored.get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
		assertThat(stored.get("notes").asString()).isEqualTo("đổi bởi người khác");
	}

	@Test
	void fieldProblemsAreNamedBesideTheirRowInTheUsersLanguage() {
		var id = quote().get("id").asString();
		web.get("/language?lang=vi", "/quotes/" + id);
		var form = web.get("/quotes/" + id + "/edit");

		var refused = web.submit(form, "form.record-form", Map.of("lines[0].quantity", "-2", "lines[1].unitPrice", "ba trăm",
				"date", "2000-01-01"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text("[id='lines[1].unitPrice-error']")).isEqualTo("Hãy nhập một số.");
		var again = web.submit(form, "form.record-form", Map.of("lines[0].quantity", "-2", "date", "2000-01-01"));
		assertThat(again.text("[id='lines[0].quantity-error']")).isEqualTo("Nhập số lượng lớn hơn 0, tối đa bốn chữ số thập phân.");
		assertThat(again.text("#validUntil-error")).isEqualTo("Ngày hiệu lực của báo giá phải từ ngày lập trở đi.");
		assertThat(api.get("/api/v1/quotes/" + id).body().get("version").asInt()).isZero();
	}

	@Test
	void aQuoteThatIsNoLongerADraftHasNoEditButtonAndRefusesAPost() {
		var quote = quote();
		var id = quote.get("id").asString();
		var form = web.get("/quotes/" + id + "/edit");
		api.patch("/api/v1/quotes/" + id, Map.of("status", "sent"));

		assertThat(web.get("/quotes/" + id).has("a[href$='/edit']")).isFalse();
		var refused = web.submit(form, "form.record-form", Map.of("lines[0].quantity", "1", "notes", "sửa sau khi gửi"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text(".error-page")).contains("Quote " + quote.get("number").asString()
				+ " is no longer a draft, so it cannot be edited");
		assertThat(web.get("/quotes/" + id + "/edit").status()).isEqualTo(409);
		var stored = api.get("/api/v1/quotes/" + id).body();
		assertThat(stored.get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
		assertThat(stored.hasNonNull("notes")).isFalse();
	}

	@Test
	void draftsAreEditedByThoseWhoMayPatchThem() {
		var id = quote().get("id").asString();
		var other = WebSession.signedIn(port, workspace.otherSales().email());
		var manager = WebSession.signedIn(port, workspace.member(Role.MANAGER).email());
		var viewer = WebSession.signedIn(port, workspace.member(Role.VIEWER).email());

		assertThat(other.get("/quotes/" + id).has("a[href$='/edit']")).isFalse();
		assertThat(other.get("/quotes/" + id + "/edit").status()).isEqualTo(403);
		assertThat(viewer.get("/quotes/" + id + "/edit").status()).isEqualTo(403);
		var form = manager.get("/quotes/" + id + "/edit");
		assertThat(form.status()).isEqualTo(200);
		assertThat(manager.submit(form, "form.record-form", Map.of("notes", "duyệt giá")).status()).isEqualTo(302);
		assertThat(api.get("/api/v1/quotes/" + id).body().get("notes").asString()).isEqualTo("duyệt giá");
	}

	@Test
	void aDraftOrderIsEditedAndAConfirmedOneIsNot() {
		var order = api.post("/api/v1/orders", Map.of("personId", person, "orderedOn", "2026-03-02", "lines",
				List.of(Map.of("productId", desk, "quantity", 1)))).body();
		var id = order.get("id").asString();
		var form = web.get("/orders/" + id + "/edit");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html().selectFirst("#date").val()).isEqualTo("2026-03-02");

		var saved = web.submit(form, "form.record-form", Map.of("date", "2026-03-05", "lines[0].quantity", "2",
				"lines[1].description", "Phí giao hàng", "lines[1].unitPrice", "150.000", "lines[1].taxRate", "KCT"));

		assertThat(saved.status()).as(saved.html().text()).isEqualTo(302);
		// 2 × 3,450,000 = 6,900,000 + 690,000 VAT; delivery 150,000 without VAT
		var shown = web.follow(saved);
		assertThat(shown.text(".records.lines .total")).isEqualTo("₫7,740,000");
		var stored = api.get("/api/v1/orders/" + id).body();
		assertThat(stored.get("orderedOn").asString()).isEqualTo("2026-03-05");
		assertThat(stored.get("lines").get(1).get("taxRate").asString()).isEqualTo("KCT");

		var stillOpen = web.get("/orders/" + id + "/edit");
		api.patch("/api/v1/orders/" + id, Map.of("status", "confirmed"));
		assertThat(web.get("/orders/" + id).has("a[href$='/edit']")).isFalse();
		var refused = web.submit(stillOpen, "form.record-form", Map.of("notes", "sau khi xác nhận"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text(".error-page")).contains("is no longer a draft, so it cannot be edited");
		assertThat(api.get("/api/v1/orders/" + id).body().hasNonNull("notes")).isFalse();
	}

	private JsonNode quote() {
		var created = api.post("/api/v1/quotes", Map.of("personId", person, "lines", List.of(
				Map.of("productId", desk, "quantity", 3, "discountPercent", 5),
				Map.of("description", "Phí lắp đặt", "unit", "giờ", "quantity", 1.5, "unitPrice", 333333, "discountPercent", 3,
						"taxRate", 10))));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body();
	}

	private String product(String sku, String name, int price, int taxRate) {
		return api.post("/api/v1/products", Map.of("sku", sku, "name", name, "unitPrice", price, "currency", "VND", "taxRate",
				taxRate)).body().get("id").asString();
	}
}
