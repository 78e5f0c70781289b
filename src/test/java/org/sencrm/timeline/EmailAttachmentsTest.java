package org.sencrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sencrm.identity.Role;
import org.sencrm.platform.WorkspaceContext;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.sencrm.support.Api;
import org.sencrm.support.Browser;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Files sent with an email: in the message as received (GreenMail), on the timeline, in the outbox. */
@IntegrationTest
class EmailAttachmentsTest {

	private static final int LIMIT = 10 * 1024 * 1024;

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	String an;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
		an = sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "givenName", "An",
				"emails", List.of(Map.of("address", "an@khachhang.vn")))).body().get("id").asString();
	}

	@Test
	void theApiSendsFilesAsAttachmentsOfAMixedMessageAndKeepsThemOnTheTimeline() throws Exception {
		connectSmtp();
		var quote = random(200_000);
		var price = "Mã,Giá\nSP01,1.000.000\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

		var sent = sales.post("/api/v1/emails", Map.of("personId", an, "subject", "Báo giá", "body", "<p>Gửi anh báo giá.</p>",
				"attachments", List.of(file("Báo giá tháng 5.pdf", "application/pdf", quote), file("bang-gia.csv", "text/csv", price))));

		assertThat(sent.status()).isEqualTo(201);
		var received = mail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].isMimeType("multipart/mixed")).isTrue();
		var files = attachments((Multipart) received[0].getContent());
		assertThat(files).extracting(BodyPart::getFileName).containsExactly("Báo giá tháng 5.pdf", "bang-gia.csv");
		assertThat(bytes(files.get(0))).isEqualTo(quote);
		assertThat(bytes(files.get(1))).isEqualTo(price);
		assertThat(files.get(0).isMimeType("application/pdf")).isTrue();
		var kept = sent.body().get("attachments");
		assertThat(kept.size()).isEqualTo(2);
		assertThat(kept.get(0).get("fileName").asString()).isEqualTo("Báo giá tháng 5.pdf");
		assertThat(download(kept.get(0).get("id").asString())).isEqualTo(quote);
		var entry = sales.get("/api/v1/persons/" + an + "/timeline").body().get("items").get(0);
		assertThat(entry.get("attachments").size()).isEqualTo(2);
		var outbox = sales.get("/api/v1/emails/outbox").body().get(0);
		assertThat(outbox.get("attachmentNames").valueStream().map(n -> n.asString()).toList())
				.containsExactly("Báo giá tháng 5.pdf", "bang-gia.csv");
	}

	@Test
	void aFileOverTheLimitIsRefusedByNameAndNothingIsSentOrStored() {
		connectSmtp();

		var refused = sales.post("/api/v1/emails", Map.of("personId", an, "subject", "Báo giá", "body", "<p>Báo giá</p>",
				"attachments", List.of(file("nho.pdf", "application/pdf", random(1000)),
						file("catalogue.pdf", "application/pdf", new byte[LIMIT + 1]))));

		assertThat(refused.status()).isEqualTo(422);
		var error = refused.body().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("attachments[1]");
		assertThat(error.get("message").asString()).contains("catalogue.pdf").contains("10 MB");
		assertNothingSentOrStored();
	}

	@Test
	void contentThatIsNotBase64IsRefusedNamingTheField() {
		var refused = sales.post("/api/v1/emails", Map.of("personId", an, "subject", "Báo giá", "body", "<p>Báo giá</p>",
				"attachments", List.of(Map.of("fileName", "a.pdf", "contentBase64", "không phải base64"))));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("attachments[0].contentBase64");
		assertNothingSentOrStored();
	}

	@Test
	void theComposePageSendsTheChosenFilesAndTheOutboxNamesThem() throws Exception {
		connectSmtp();
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var quote = random(50_000);

		var done = web.submitWithFiles(web.get("/persons/" + an + "/email"), "form.record-form",
				Map.of("subject", "Hợp đồng", "body", "<p>Gửi anh hợp đồng.</p>"),
				List.of(new WebSession.Upload("attachments", "Hợp đồng.docx", "application/octet-stream", quote)));

		assertThat(done.status()).isEqualTo(302);
		var files = attachments((Multipart) mail.getReceivedMessages()[0].getContent());
		assertThat(files).extracting(BodyPart::getFileName).containsExactly("Hợp đồng.docx");
		assertThat(bytes(files.get(0))).isEqualTo(quote);
		var outbox = web.get("/emails/outbox");
		assertThat(outbox.html().select(".email-preview .attachments li").eachText()).containsExactly("Hợp đồng.docx");
		var timeline = web.get("/persons/" + an + "/timeline-entries");
		assertThat(timeline.html().select(".attachments a").eachText()).containsExactly("Hợp đồng.docx");
	}

	@Test
	void theComposePageNamesATooLargeFileBesideTheFieldAndSendsNothing() {
		connectSmtp();
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());

		var page = web.submitWithFiles(web.get("/persons/" + an + "/email"), "form.record-form",
				Map.of("subject", "Catalogue", "body", "<p>Catalogue</p>"),
				List.of(new WebSession.Upload("attachments", "catalogue.pdf", "application/pdf", new byte[LIMIT + 1])));

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text("#attachments-error")).contains("catalogue.pdf").contains("10 MB");
		assertThat(page.html().selectFirst("input[name=subject]").val()).isEqualTo("Catalogue");
		assertNothingSentOrStored();
	}

	@Test
	void inTheBrowserAFileIsChosenThePreviewLeavesItOutAndSendCarriesIt() throws Exception {
		connectSmtp();
		var file = java.nio.file.Files.createTempFile("bao-gia", ".pdf");
		java.nio.file.Files.write(file, random(30_000));

		try (var browser = Browser.start(port)) {
			browser.signIn(workspace.member(Role.SALES).email(), TestWorkspaces.PASSWORD);
			browser.open("/persons/" + an + "/email");
			browser.find("#subject").sendKeys("Báo giá cho {{person.givenName}}");
			browser.find("#body").sendKeys("<p>Gửi anh báo giá.</p>");
			browser.find("#attachments").sendKeys(file.toAbsolutePath().toString());
			browser.click("button[hx-post]");
			browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#email-preview"), "Báo giá cho An"));
			assertThat(mail.getReceivedMessages()).isEmpty();

			browser.click("form.record-form button[type=submit]");
			// the compose page's own address contains the person's: wait until it is left
			browser.wait.until(driver -> !driver.getCurrentUrl().endsWith("/email"));
		}

		assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();

		var files = attachments((Multipart) mail.getReceivedMessages()[0].getContent());
		assertThat(files).extracting(BodyPart::getFileName).containsExactly(file.getFileName().toString());
		assertThat(bytes(files.get(0))).isEqualTo(java.nio.file.Files.readAllBytes(file));
	}

	private void assertNothingSentOrStored() {
		assertThat(mail.getReceivedMessages()).isEmpty();
		assertThat(sales.get("/api/v1/emails/outbox").body().size()).isZero();
		assertThat(sales.get("/api/v1/persons/" + an + "/timeline").body().get("items").size()).isZero();
		long files = WorkspaceContext.callAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).execute(status ->
				jdbc.sql("select count(*) from attachments where workspace_id = :ws").param("ws", workspace.id())
						.query(Long.class).single()));
		assertThat(files).isZero();
	}

	private void connectSmtp() {
		var settings = new HashMap<String, Object>();
		settings.put("smtpHost", "127.0.0.1");
		settings.put("smtpPort", mail.getSmtp().getPort());
		settings.put("smtpTls", false);
		settings.put("fromAddress", "crm@cuahang.vn");
		assertThat(new Api(port, workspace.member(Role.ADMIN).token()).put("/api/v1/mail-settings", settings).status())
				.isEqualTo(200);
	}

	private static Map<String, String> file(String name, String type, byte[] content) {
		return Map.of("fileName", name, "contentType", type, "contentBase64", Base64.getEncoder().encodeToString(content));
	}

	private static List<BodyPart> attachments(Multipart multipart) throws Exception {
		var files = new ArrayList<BodyPart>();
		for (int i = 0; i < multipart.getCount(); i++) {
			if (Part.ATTACHMENT.equalsIgnoreCase(multipart.getBodyPart(i).getDisposition())) {
				files.add(multipart.getBodyPart(i));
			}
		}
		return files;
	}

	private static byte[] bytes(BodyPart part) throws Exception {
		var out = new ByteArrayOutputStream();
		part.getDataHandler().writeTo(out);
		return out.toByteArray();
	}

	private byte[] download(String attachmentId) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/attachments/" + attachmentId))
				.header("Authorization", "Bearer " + workspace.member(Role.SALES).token()).build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
	}

	private static byte[] random(int size) {
		var bytes = new byte[size];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}
}
