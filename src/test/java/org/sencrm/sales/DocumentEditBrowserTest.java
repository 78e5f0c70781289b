package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.Browser;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium: another product chosen on a line of a draft quote takes that product's
 * name, price and VAT (app.js empties what came from the old one), and removing a payment asks first.
 */
@IntegrationTest
class DocumentEditBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Test
	void changesTheProductOfAQuoteLineAndRemovesAPaymentAfterConfirming() {
		var sales = workspaces.create().member(Role.SALES);
		var api = new Api(port, sales.token());
		var person = api.post("/api/v1/persons", Map.of("familyName", "Trịnh", "givenName", "Mai")).body().get("id").asString();
		var kettle = api.post("/api/v1/products", Map.of("sku", "AST-17", "name", "Ấm siêu tốc 1,7 L", "unitPrice", 450000,
				"taxRate", 10)).body().get("id").asString();
		var fan = api.post("/api/v1/products", Map.of("sku", "QUAT-01", "name", "Quạt đứng", "unitPrice", 1250000,
				"taxRate", 8)).body().get("id").asString();
		var quote = api.post("/api/v1/quotes", Map.of("personId", person, "lines",
				List.of(Map.of("productId", kettle, "quantity", 2)))).body().get("id").asString();
		var order = api.post("/api/v1/orders", Map.of("personId", person, "status", "confirmed", "lines",
				List.of(Map.of("productId", kettle, "quantity", 1)))).body().get("id").asString();
		api.post("/api/v1/orders/" + order + "/payments", Map.of("amount", 495000, "method", "cash"));

		try (var browser = Browser.start(port)) {
			browser.signIn(sales.email(), TestWorkspaces.PASSWORD);
			browser.open("/quotes/" + quote);
			browser.click("a[href$='/edit']");
			browser.await("form.record-form");
			assertThat(browser.find("[name='lines[0].description']").getAttribute("value")).isEqualTo("Ấm siêu tốc 1,7 L");

			new Select(browser.find("[name='lines[0].productId']")).selectByValue(fan);

			assertThat(browser.find("[name='lines[0].description']").getAttribute("value")).isEmpty();
			assertThat(browser.find("[name='lines[0].unitPrice']").getAttribute("value")).isEmpty();
			assertThat(browser.find("[name='lines[0].quantity']").getAttribute("value")).isEqualTo("2");
			browser.screenshot("quote-edit");
			browser.click("form.record-form button[type=submit]");
			browser.await(".flash");
			// 2 × 1,250,000 = 2,500,000 + 8 % VAT 200,000
			assertThat(browser.find(".records.lines tbody").getText()).contains("Quạt đứng");
			assertThat(browser.find(".records.lines .total").getText()).isEqualTo("₫2,700,000");

			browser.open("/orders/" + order);
			browser.click("form.remove-payment button");
			var question = browser.wait.until(ExpectedConditions.alertIsPresent());
			assertThat(question.getText()).startsWith("Remove the payment of ₫495,000?");
			question.accept();
			browser.await(".flash");
			assertThat(browser.find(".order-status").getText()).isEqualTo("Confirmed");
			assertThat(browser.find(".flash").getText()).startsWith("Payment removed. The order is no longer paid in full");
		}
		assertThat(api.get("/api/v1/orders/" + order + "/payments").body().size()).isZero();
	}
}
