package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.MailSettings;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** "Send by email" on a quote: the PDF arrives (GreenMail), the quote is sent, the email is on the customer's timeline. */
@IntegrationTest
class QuoteEmailTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	String person;
	String quote;
	String number;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		new Api(port, workspace.member(Role.ADMIN).token()).patch("/api/v1/workspace",
				Map.of("name", "Công ty Cổ phần Sen Việt", "defaultLanguage", "vi"));
		sales = new Api(port, workspace.member(Role.SALES).token());
		person = sales.post("/api/v1/persons", Map.of("familyName", "Đặng", "middleName", "Thị", "givenName", "Hường",
				"emails", List.of(Map.of("address", "huong@khachhang.vn")))).body().get("id").asString();
		var created = sales.post("/api/v1/quotes", Map.of("personId", person, "lines", List.of(
				Map.of("description", "Điều hòa Daikin 1,5 HP", "unit", "bộ", "quantity", 2, "unitPrice", 11290000, "taxRate", 10))))
				.body();
		quote = created.get("id").asString();
		number = created.get("number").asString();
	}

	@Test
	void theQuoteArrivesWithItsPdfBecomesSentAndIsOnTheCustomersTimeline() throws Exception {
		connectSmtp();

		var sent = sales.post("/api/v1/quotes/" + quote + "/send", Map.of("to", "huong.dang@khachhang.vn",
				"subject", "Báo giá điều hòa", "message", "Kính gửi chị Hường,\n\nEm gửi chị báo giá.\nTrân trọng"));

		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.body().get("quote").get("status").asString()).isEqualTo("sent");
		assertThat(sent.body().get("email").get("delivery").asString()).isEqualTo("sent");
		var received = mail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("huong.dang@khachhang.vn");
		assertThat(received[0].getSubject()).isEqualTo("Báo giá điều hòa");
		var files = attachments(received[0]);
		assertThat(files).extracting(BodyPart::getFileName).containsExactly(number + ".pdf");
		try (var pdf = Loader.loadPDF(bytes(files.get(0)))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains(number, "Đặng Thị Hường");
		}
		assertThat(html(received[0])).contains("<p>Kính gửi chị Hường,</p>", "Em gửi chị báo giá.<br>Trân trọng");
		assertThat(sales.get("/api/v1/quotes/" + quote).body().get("status").asString()).isEqualTo("sent");
		var entry = sales.get("/api/v1/persons/" + person + "/timeline").body().get("items").get(0);
		assertThat(entry.get("type").asString()).isEqualTo("email");
		assertThat(entry.get("subject").asString()).isEqualTo("Báo giá điều hòa");
		assertThat(entry.get("id").asString()).isEqualTo(sent.body().get("email").get("activityId").asString());
		var activity = sales.get("/api/v1/activities/" + entry.get("id").asString()).body();
		assertThat(activity.get("recordType").asString()).isEqualTo("quote");
		assertThat(activity.get("attachments").get(0).get("fileName").asString()).isEqualTo(number + ".pdf");
	}

	@Test
	void withoutABodyItGoesToThePersonWithSubjectAndMessageInTheWorkspaceLanguage() throws Exception {
		connectSmtp();

		var sent = sales.post("/api/v1/quotes/" + quote + "/send", null);

		assertThat(sent.status()).isEqualTo(200);
		var received = mail.getReceivedMessages()[0];
		assertThat(received.getAllRecipients()[0].toString()).isEqualTo("huong@khachhang.vn");
		assertThat(received.getSubject()).isEqualTo("Báo giá " + number + " từ Công ty Cổ phần Sen Việt");
		// 2 × 11,290,000 + 10 % VAT, written as Vietnamese writes it
		assertThat(html(received).replace("&nbsp;", " ")).contains("Kính gửi Đặng Thị Hường,", "24.838.000 ₫");
	}

	@Test
	void aBadAddressIsAFieldErrorNamingToAndChangesNothing() {
		connectSmtp();

		var refused = sales.post("/api/v1/quotes/" + quote + "/send", Map.of("to", "huong@", "subject", "Báo giá",
				"message", "Gửi chị báo giá."));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("to");
		assertThat(mail.getReceivedMessages()).isEmpty();
		assertThat(sales.get("/api/v1/quotes/" + quote).body().get("status").asString()).isEqualTo("draft");
		assertThat(sales.get("/api/v1/persons/" + person + "/timeline").body().get("items").size()).isZero();
	}

	@Test
	void aViewerCannotSendAQuote() {
		var viewer = new Api(port, workspace.member(Role.VIEWER).token());

		var refused = viewer.post("/api/v1/quotes/" + quote + "/send", Map.of("to", "huong@khachhang.vn"));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(sales.get("/api/v1/quotes/" + quote).body().get("status").asString()).isEqualTo("draft");
		var web = WebSession.signedIn(port, workspace.member(Role.VIEWER).email());
		assertThat(web.get("/quotes/" + quote).has("a[href$=/email]")).isFalse();
		assertThat(web.get("/quotes/" + quote + "/email").status()).isEqualTo(403);
	}

	@Test
	void anExpiredQuoteIsNotSentUntilItIsRevised() {
		sales.patch("/api/v1/quotes/" + quote, Map.of("status", "sent"));
		sales.patch("/api/v1/quotes/" + quote, Map.of("status", "expired"));

		var refused = sales.post("/api/v1/quotes/" + quote + "/send", null);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("code").asString()).isEqualTo("sales.quote.out-of-date");
		assertThat(mail.getReceivedMessages()).isEmpty();
	}

	@Test
	void withoutAMailServerTheEmailWaitsInTheOutboxAndTheQuoteIsSent() {
		var sent = sales.post("/api/v1/quotes/" + quote + "/send", null);

		assertThat(sent.body().get("email").get("delivery").asString()).isEqualTo("outbox");
		assertThat(sent.body().get("quote").get("status").asString()).isEqualTo("sent");
		var outbox = sales.get("/api/v1/emails/outbox").body().get(0);
		assertThat(outbox.get("attachmentNames").get(0).asString()).isEqualTo(number + ".pdf");
	}

	@Test
	void onTheQuotePageAContactOfTheOrganizationIsChosenPreviewedAndSentTo() throws Exception {
		connectSmtp();
		var company = sales.post("/api/v1/organizations", Map.of("name", "Công ty TNHH Hoa Sen")).body().get("id").asString();
		var buyer = sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Minh",
				"emails", List.of(Map.of("address", "minh@hoasen.vn")))).body().get("id").asString();
		sales.post("/api/v1/contact-roles", Map.of("personId", buyer, "organizationId", company, "buyingRoles", List.of("buyer")));
		var forCompany = sales.post("/api/v1/quotes", Map.of("organizationId", company, "lines", List.of(
				Map.of("description", "Bảo trì", "quantity", 1, "unitPrice", 500000, "taxRate", 8)))).body();
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());

		var quotePage = web.get("/quotes/" + forCompany.get("id").asString());
		var link = quotePage.html().selectFirst("a[href$=/email]").attr("href");
		var form = web.get(link + "?personId=" + buyer);
		assertThat(form.html().selectFirst("input[name=to]").val()).isEqualTo("minh@hoasen.vn");
		assertThat(form.html().selectFirst("textarea[name=message]").text()).startsWith("Kính gửi Lê Minh,");
		var done = web.submit(form, "form.record-form", Map.of());
		assertThat(done.status()).isEqualTo(302);

		var received = mail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("minh@hoasen.vn");
		assertThat(attachments(received[0])).extracting(BodyPart::getFileName)
				.containsExactly(forCompany.get("number").asString() + ".pdf");
		var timeline = sales.get("/api/v1/organizations/" + company + "/timeline").body().get("items");
		assertThat(timeline.get(0).get("type").asString()).isEqualTo("email");
		assertThat(sales.get("/api/v1/quotes/" + forCompany.get("id").asString()).body().get("status").asString())
				.isEqualTo("sent");
	}

	@Test
	void thePagePreviewsTheEmailAndNamesABadAddressBesideTheField() {
		connectSmtp();
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var form = web.get("/quotes/" + quote + "/email");

		var csrf = form.html().selectFirst("form.record-form input[name=_csrf]").val();
		var preview = web.post("/quotes/" + quote + "/email/preview", List.of(Map.entry("_csrf", csrf), Map.entry("personId", person),
				Map.entry("to", "huong@khachhang.vn"), Map.entry("subject", "Báo giá"), Map.entry("message", "Gửi chị <b>báo giá</b>")));
		var refused = web.submit(form, "form.record-form", Map.of("to", "khong-phai-email"));

		assertThat(preview.text(".preview-files")).isEqualTo(number + ".pdf");
		assertThat(preview.html().selectFirst(".email-body").html()).contains("Gửi chị &lt;b&gt;báo giá&lt;/b&gt;");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text("#to-error")).isNotBlank();
		assertThat(mail.getReceivedMessages()).isEmpty();
		assertThat(sales.get("/api/v1/quotes/" + quote).body().get("status").asString()).isEqualTo("draft");
	}

	private void connectSmtp() {
		var settings = MailSettings.smtp(mail.getSmtp().getPort(), "banhang@senviet.vn");
		assertThat(new Api(port, workspace.member(Role.ADMIN).token()).put("/api/v1/mail-settings", settings).status())
				.isEqualTo(200);
	}

	private static List<BodyPart> attachments(MimeMessage message) throws Exception {
		var multipart = (Multipart) message.getContent();
		var files = new ArrayList<BodyPart>();
		for (int i = 0; i < multipart.getCount(); i++) {
			if (Part.ATTACHMENT.equalsIgnoreCase(multipart.getBodyPart(i).getDisposition())) {
				files.add(multipart.getBodyPart(i));
			}
		}
		return files;
	}

	private static String html(MimeMessage message) throws Exception {
		return (String) ((Multipart) message.getContent()).getBodyPart(0).getContent();
	}

	private static byte[] bytes(BodyPart part) throws Exception {
		var out = new ByteArrayOutputStream();
		part.getDataHandler().writeTo(out);
		return out.toByteArray();
	}
}
