package org.sencrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sencrm.identity.Role;
import org.sencrm.platform.Secrets;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.sencrm.timeline.email.MailPasswordEncryption;
import org.sencrm.timeline.email.MailboxReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail server passwords are stored encrypted (decision 7), are never shown, and still open the
 * SMTP and IMAP servers (GreenMail, which checks them).
 */
@IntegrationTest
class MailPasswordsTest {

	private static final String SECRET = "mailbox-secret";

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(),
			ServerSetupTest.IMAP.dynamicPort()});

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	MailboxReader reader;

	@Autowired
	MailPasswordEncryption encryption;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	TestWorkspaces.TestWorkspace workspace;
	Api admin;
	Api sales;
	String an;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		admin = new Api(port, workspace.member(Role.ADMIN).token());
		sales = new Api(port, workspace.member(Role.SALES).token());
		an = sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "givenName", "An",
				"emails", List.of(Map.of("address", "an@khachhang.vn")))).body().get("id").asString();
		mail.setUser("crm@cuahang.vn", "crm@cuahang.vn", SECRET);
	}

	@Test
	void passwordsAreStoredEncryptedNeverShownAndStillOpenTheServers() throws Exception {
		var saved = admin.put("/api/v1/mail-settings", settings(SECRET));

		assertThat(stored("smtp_password")).startsWith("v1:").doesNotContain(SECRET);
		assertThat(stored("imap_password")).startsWith("v1:").doesNotContain(SECRET).isNotEqualTo(stored("smtp_password"));
		assertThat(saved.body().has("smtpPassword")).isFalse();
		assertThat(admin.get("/api/v1/mail-settings").body().toString()).doesNotContain(SECRET).doesNotContain("v1:");
		var page = WebSession.signedIn(port, workspace.member(Role.ADMIN).email()).get("/admin/mail");
		assertThat(page.html().select("input[type=password]")).hasSize(2).allSatisfy(input -> assertThat(input.val()).isEmpty());
		assertThat(page.html().outerHtml()).doesNotContain(SECRET).doesNotContain("v1:");

		assertThat(sales.post("/api/v1/emails", Map.of("personId", an, "subject", "Chào", "body", "<p>Chào An</p>")).status())
				.isEqualTo(201);
		assertThat(mail.getReceivedMessages()).hasSize(1);
		deliverReply();
		assertThat(reader.read(workspace.id())).isEqualTo(1);
	}

	@Test
	void theSmtpPasswordReallyReachesTheServer() {
		admin.put("/api/v1/mail-settings", settings("not-the-password"));

		var refused = sales.post("/api/v1/emails", Map.of("personId", an, "subject", "Chào", "body", "<p>Chào An</p>"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("code").asString()).isEqualTo("email.send-failed");
		assertThat(mail.getReceivedMessages()).isEmpty();
	}

	@Test
	void aBlankPasswordKeepsTheStoredOne() {
		admin.put("/api/v1/mail-settings", settings(SECRET));
		var before = stored("smtp_password");

		assertThat(admin.put("/api/v1/mail-settings", settings("")).status()).isEqualTo(200);

		assertThat(stored("smtp_password")).isEqualTo(before);
		assertThat(sales.post("/api/v1/emails", Map.of("personId", an, "subject", "Chào", "body", "<p>Chào</p>")).status())
				.isEqualTo(201);
	}

	@Test
	void plainPasswordsSavedBeforeEncryptionStillWorkAndAreEncryptedAtStart() throws Exception {
		admin.put("/api/v1/mail-settings", settings(SECRET));
		write("smtp_password", SECRET);
		write("imap_password", SECRET);
		assertThat(sales.post("/api/v1/emails", Map.of("personId", an, "subject", "Trước", "body", "<p>Trước</p>")).status())
				.isEqualTo(201);

		assertThat(encryption.encryptStoredPasswords()).isGreaterThanOrEqualTo(2);

		assertThat(stored("smtp_password")).startsWith("v1:").doesNotContain(SECRET);
		assertThat(stored("imap_password")).startsWith("v1:").doesNotContain(SECRET);
		assertThat(sales.post("/api/v1/emails", Map.of("personId", an, "subject", "Sau", "body", "<p>Sau</p>")).status())
				.isEqualTo(201);
		assertThat(mail.getReceivedMessages()).hasSize(2);
		deliverReply();
		assertThat(reader.read(workspace.id())).isEqualTo(1);
	}

	@Test
	void aPasswordUnderAnotherKeyIsAClearErrorNamingTheSettingAndNothingIsSent() throws Exception {
		admin.put("/api/v1/mail-settings", settings(SECRET));
		var key = new byte[32];
		new SecureRandom().nextBytes(key);
		var foreign = Secrets.withKey(key);
		write("smtp_password", foreign.encrypt(SECRET));
		write("imap_password", foreign.encrypt(SECRET));

		var refused = sales.header("Accept-Language", "en").post("/api/v1/emails", Map.of("personId", an, "subject", "Chào",
				"body", "<p>Chào</p>"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("code").asString()).isEqualTo("mail.password-unreadable");
		assertThat(refused.body().get("detail").asString()).contains("SMTP password").contains("sen.secret-key")
				.contains("Mail servers");
		assertThat(mail.getReceivedMessages()).isEmpty();
		assertThat(sales.get("/api/v1/emails/outbox").body().size()).isZero();
		assertThat(sales.get("/api/v1/persons/" + an + "/timeline").body().get("items").size()).isZero();
		var readNow = admin.header("Accept-Language", "en").post("/api/v1/mail-settings/read-now", Map.of());
		assertThat(readNow.status()).isEqualTo(409);
		assertThat(readNow.body().get("detail").asString()).contains("IMAP password").contains("sen.secret-key");
		var web = WebSession.signedIn(port, workspace.member(Role.SALES).email());
		var page = web.submit(web.get("/persons/" + an + "/email"), "form.record-form",
				Map.of("subject", "Chào", "body", "<p>Chào</p>"));
		assertThat(page.status()).isEqualTo(409);
		assertThat(page.html().text()).contains("sen.secret-key").doesNotContain("Exception");

		var unreadable = stored("smtp_password");
		encryption.encryptStoredPasswords();
		assertThat(stored("smtp_password")).isEqualTo(unreadable);

		admin.put("/api/v1/mail-settings", settings(SECRET));
		assertThat(sales.post("/api/v1/emails", Map.of("personId", an, "subject", "Chào", "body", "<p>Chào</p>")).status())
				.isEqualTo(201);
	}

	private Map<String, Object> settings(String password) {
		var settings = new HashMap<String, Object>();
		settings.put("smtpHost", "127.0.0.1");
		settings.put("smtpPort", mail.getSmtp().getPort());
		settings.put("smtpUsername", "crm@cuahang.vn");
		settings.put("smtpPassword", password);
		settings.put("smtpTls", false);
		settings.put("fromAddress", "crm@cuahang.vn");
		settings.put("imapHost", "127.0.0.1");
		settings.put("imapPort", mail.getImap().getPort());
		settings.put("imapUsername", "crm@cuahang.vn");
		settings.put("imapPassword", password);
		settings.put("imapTls", false);
		settings.put("imapEnabled", true);
		return settings;
	}

	/** What PostgreSQL holds, read with SQL (as the application's role, inside the workspace). */
	private String stored(String column) {
		return WorkspaceContext.callAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).execute(status ->
				jdbc.sql("select " + column + " from mail_settings where workspace_id = :ws").param("ws", workspace.id())
						.query(String.class).single()));
	}

	private void write(String column, String value) {
		WorkspaceContext.runAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).executeWithoutResult(status ->
				jdbc.sql("update mail_settings set " + column + " = :value where workspace_id = :ws").param("value", value)
						.param("ws", workspace.id()).update()));
	}

	private void deliverReply() throws Exception {
		var message = new MimeMessage(GreenMailUtil.getSession(mail.getSmtp().getServerSetup()));
		message.setFrom(new InternetAddress("an@khachhang.vn"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("crm@cuahang.vn"));
		message.setSubject("Re: Chào", "UTF-8");
		message.setText("Cảm ơn", "UTF-8");
		message.setSentDate(new java.util.Date());
		message.saveChanges();
		mail.getUserManager().getUser("crm@cuahang.vn").deliver(message);
	}
}
