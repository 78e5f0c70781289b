package org.sencrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.MailSettings;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.timeline.email.MailboxReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Email out through SMTP and in through IMAP, against a real in-process mail server (GreenMail). */
@IntegrationTest
class EmailTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(new com.icegreen.greenmail.util.ServerSetup[] {
			ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	MailboxReader reader;

	TestWorkspaces.TestWorkspace workspace;
	Api admin;
	Api sales;
	String an;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		admin = new Api(port, workspace.member(Role.ADMIN).token());
		sales = new Api(port, workspace.member(Role.SALES).token());
		an = sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "middleName", "Văn", "givenName", "An",
				"emails", List.of(Map.of("address", "an@khachhang.vn")))).body().get("id").asString();
		mail.setUser("crm@cuahang.vn", "crm@cuahang.vn", "mailbox-secret");
	}

	@Test
	void sendsFromATemplateThroughSmtpAndLogsIt() throws Exception {
		connectMailServer();
		var template = sales.post("/api/v1/email-templates", Map.of("name", "Chào", "subject", "Chào {{person.givenName}}",
				"body", "<p>Kính gửi {{person.fullName}},</p><p>{{user.name}}</p>")).body().get("id").asString();

		var preview = sales.post("/api/v1/emails/preview", Map.of("personId", an, "templateId", template)).body();
		assertThat(preview.get("subject").asString()).isEqualTo("Chào An");
		var sent = sales.post("/api/v1/emails", Map.of("personId", an, "templateId", template));

		assertThat(sent.status()).isEqualTo(201);
		var received = mail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).isEqualTo("Chào An");
		assertThat(((InternetAddress) received[0].getRecipients(Message.RecipientType.TO)[0]).getAddress()).isEqualTo("an@khachhang.vn");
		assertThat(GreenMailUtil.getBody(received[0])).contains("Nguy"); // quoted-printable body
		assertThat(received[0].getMessageID()).isEqualTo(sent.body().get("messageId").asString());
		var timeline = sales.get("/api/v1/persons/" + an + "/timeline").body().get("items");
		assertThat(timeline.get(0).get("type").asString()).isEqualTo("email");
		assertThat(timeline.get(0).get("direction").asString()).isEqualTo("outbound");
		assertThat(sales.get("/api/v1/emails/outbox").body().get(0).get("status").asString()).isEqualTo("sent");
	}

	@Test
	void withoutSmtpTheEmailWaitsInTheOutboxExactlyAsComposed() {
		var sent = sales.post("/api/v1/emails", Map.of("personId", an, "subject", "Báo giá cho {{person.givenName}}",
				"body", "<p>Xin chào <script>x()</script>{{person.givenName}}</p>"));

		assertThat(sent.status()).isEqualTo(201);
		assertThat(mail.getReceivedMessages()).isEmpty();
		var outbox = sales.get("/api/v1/emails/outbox").body().get(0);
		assertThat(outbox.get("status").asString()).isEqualTo("outbox");
		assertThat(outbox.get("subject").asString()).isEqualTo("Báo giá cho An");
		assertThat(outbox.get("bodyHtml").asString()).isEqualTo("<p>Xin chào An</p>");
		assertThat(outbox.get("to").get(0).asString()).isEqualTo("an@khachhang.vn");
	}

	@Test
	void aMisspeltMergeFieldIsRefusedNamingTheField() {
		var response = sales.post("/api/v1/emails/preview", Map.of("personId", an, "subject", "Hi",
				"body", "Dear {{person.giveName}}"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("body");
	}

	@Test
	void logsIncomingMailThreadedAndNeverTwice(@Autowired JdbcClient jdbc) throws Exception {
		connectMailServer();
		var sent = sales.post("/api/v1/emails", Map.of("personId", an, "subject", "Báo giá", "body", "<p>Giá 1.000.000 ₫</p>")).body();
		var reply = message("an@khachhang.vn", "Anh An", "Re: Báo giá", "Cảm ơn, tôi đồng ý.");
		reply.setHeader("In-Reply-To", sent.get("messageId").asString());
		deliver(reply);
		deliver(message("la@nguoila.vn", "Trần Thị Lạ", "Hỏi thăm", "Xin chào"));

		assertThat(reader.read(workspace.id())).isEqualTo(1);

		var timeline = sales.get("/api/v1/persons/" + an + "/timeline?type=email").body().get("items");
		assertThat(timeline.size()).isEqualTo(2);
		var inbound = timeline.valueStream().filter(e -> e.get("direction").asString().equals("inbound")).findFirst().orElseThrow();
		assertThat(inbound.get("subject").asString()).isEqualTo("Re: Báo giá");
		assertThat(inbound.get("threadId").asString()).isEqualTo(sent.get("threadId").asString());
		var unmatched = sales.get("/api/v1/emails/unmatched").body();
		assertThat(unmatched.size()).isEqualTo(1);
		assertThat(unmatched.get(0).get("fromAddress").asString()).isEqualTo("la@nguoila.vn");

		assertThat(reader.read(workspace.id())).isZero();
		// As after a restart that lost its place: the mailbox is read from the start again.
		org.sencrm.platform.WorkspaceContext.runAsSystem(workspace.id(), () -> new org.springframework.transaction.support.TransactionTemplate(
				transactions).executeWithoutResult(s -> jdbc.sql("update mail_settings set imap_last_uid = null where workspace_id = :ws")
						.param("ws", workspace.id()).update()));
		assertThat(reader.read(workspace.id())).isZero();
		assertThat(sales.get("/api/v1/persons/" + an + "/timeline?type=email").body().get("items").size()).isEqualTo(2);
		assertThat(sales.get("/api/v1/emails/unmatched").body().size()).isEqualTo(1);
	}

	@Test
	void anUnknownSenderBecomesAPerson() throws Exception {
		connectMailServer();
		deliver(message("minh.tran@moi.vn", "Trần Quang Minh", "Xin báo giá", "Cho tôi xin báo giá."));
		reader.read(workspace.id());
		var unmatched = sales.get("/api/v1/emails/unmatched").body().get(0).get("id").asString();

		var created = sales.post("/api/v1/emails/unmatched/" + unmatched + "/create-person", Map.of()).body();

		var person = sales.get("/api/v1/persons/" + created.get("personId").asString()).body();
		assertThat(person.get("familyName").asString()).isEqualTo("Trần");
		assertThat(person.get("givenName").asString()).isEqualTo("Minh");
		assertThat(sales.get("/api/v1/persons/" + person.get("id").asString() + "/timeline").body().get("items").get(0)
				.get("subject").asString()).isEqualTo("Xin báo giá");
		assertThat(sales.get("/api/v1/emails/unmatched").body().size()).isZero();
	}

	@Test
	void anUnknownSenderIsLinkedToAnExistingPersonFromThePage() throws Exception {
		connectMailServer();
		deliver(message("an.rieng@gmail.com", "Anh An", "Đặt thêm hàng", "Gửi tôi 10 thùng."));
		reader.read(workspace.id());
		var web = org.sencrm.support.WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var page = web.get("/emails/unmatched");
		assertThat(web.get("/persons/pick?q=nguyen%20van").html().select("input[name=personId]").val()).isEqualTo(an);

		var linked = web.submit(page, "form.link-form", Map.of("personId", an));

		assertThat(linked.status()).isEqualTo(302);
		var person = sales.get("/api/v1/persons/" + an).body();
		assertThat(person.get("emails").valueStream().map(e -> e.get("address").asString()).toList()).contains("an.rieng@gmail.com");
		assertThat(sales.get("/api/v1/persons/" + an + "/timeline").body().get("items").get(0).get("subject").asString())
				.isEqualTo("Đặt thêm hàng");
		assertThat(sales.get("/api/v1/emails/unmatched").body().size()).isZero();
	}

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	private void connectMailServer() {
		var settings = MailSettings.smtp(mail.getSmtp().getPort(), "crm@cuahang.vn");
		settings.put("imapHost", "127.0.0.1");
		settings.put("imapPort", mail.getImap().getPort());
		settings.put("imapUsername", "crm@cuahang.vn");
		settings.put("imapPassword", "mailbox-secret");
		settings.put("imapTls", false);
		settings.put("imapEnabled", true);
		var response = admin.put("/api/v1/mail-settings", settings);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().has("imapPassword")).isFalse();
	}

	private MimeMessage message(String from, String name, String subject, String text) throws Exception {
		var message = new MimeMessage(GreenMailUtil.getSession(mail.getSmtp().getServerSetup()));
		message.setFrom(new InternetAddress(from, name, "UTF-8"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("crm@cuahang.vn"));
		message.setSubject(subject, "UTF-8");
		message.setText(text, "UTF-8");
		message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@khachhang.vn>");
		message.setSentDate(new java.util.Date());
		return message;
	}

	private void deliver(MimeMessage message) throws Exception {
		message.saveChanges();
		var messageId = message.getMessageID();
		message.setHeader("Message-ID", messageId);
		mail.getUserManager().getUser("crm@cuahang.vn").deliver(message);
	}
}
