package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A quote on paper, in the workspace's language, with Vietnamese letters intact in the PDF. */
@IntegrationTest
class QuotePrintTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	String quote;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		new Api(port, workspace.member(Role.ADMIN).token()).patch("/api/v1/workspace",
				Map.of("name", "Công ty Cổ phần Sen Việt", "defaultLanguage", "vi"));
		sales = new Api(port, workspace.member(Role.SALES).token());
		var person = sales.post("/api/v1/persons", Map.of("familyName", "Đặng", "middleName", "Thị", "givenName", "Hường"))
				.body().get("id").asString();
		quote = sales.post("/api/v1/quotes", Map.of("personId", person, "notes", "Giao hàng trong 7 ngày làm việc.", "lines", List.of(
				Map.of("description", "Điều hòa Daikin 1,5 HP", "unit", "bộ", "quantity", 2, "unitPrice", 11290000, "taxRate", 10),
				Map.of("description", "Công lắp đặt", "quantity", 2, "unitPrice", 350000, "discountPercent", 10, "taxRate", 8))))
				.body().get("id").asString();
	}

	@Test
	void thePdfIsInVietnameseWithTheCustomerAndTheTotal() throws IOException, InterruptedException {
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/quotes/" + quote + "/pdf")).header("Authorization", "Bearer " + workspace.member(Role.SALES).token())
				.header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		try (var pdf = Loader.loadPDF(response.body())) {
			var text = spaces(new PDFTextStripper().getText(pdf));
			assertThat(text).contains("Đặng Thị Hường", "Công ty Cổ phần Sen Việt", "Điều hòa Daikin 1,5 HP", "BÁO GIÁ Q-");
			// 22,580,000 + 2,258,000 VAT; 700,000 − 70,000 = 630,000 + 50,400 VAT → 25,518,400
			assertThat(text).contains("25.518.400 ₫", "Tổng cộng thanh toán");
		}
	}

	@Test
	void thePrintablePageUsesTheWorkspaceLanguage() {
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());

		var page = web.get("/quotes/" + quote + "/print");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().selectFirst("html").attr("lang")).isEqualTo("vi");
		assertThat(page.text(".customer")).isEqualTo("Đặng Thị Hường");
		assertThat(spaces(page.text(".total"))).isEqualTo("25.518.400 ₫");
	}

	private static String spaces(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ");
	}
}
