package org.sencrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sencrm.identity.Role;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.timeline.email.MailboxReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail servers cannot be used to take the stored password elsewhere, and when they fail the
 * message says what failed in our words, never what the server replied (decision 20).
 */
@IntegrationTest
class MailServersTest {

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
	void changingHostPortOrUserNameClearsTheStoredPasswordsWhenNoNewOneIsGiven() {
		for (var change : List.<Map<String, Object>>of(Map.of("smtpPort", 2525, "imapPort", 1143),
				Map.of("smtpHost", "localhost", "imapHost", "localhost"),
				Map.of("smtpUsername", "other@cuahang.vn", "imapUsername", "other@cuahang.vn"))) {
			assertThat(admin.put("/api/v1/mail-settings", settings(SECRET)).status()).isEqualTo(200);
			assertThat(stored("smtp_password")).isNotNull();

			var moved = settings("");
			moved.putAll(change);
			assertThat(admin.put("/api/v1/mail-settings", moved).status()).as(change.toString()).isEqualTo(200);

			assertThat(stored("smtp_password")).as(change.toString()).isNull();
			assertThat(stored("imap_password")).as(change.toString()).isNull();
		}
	}

	@Test
	void aNewPasswordWithANewServerIsStoredAndTheSameServerKeepsItsPassword() {
		admin.put("/api/v1/mail-settings", settings(SECRET));
		var unchanged = settings("");
		unchanged.put("smtpHost", " 127.0.0.1 ");
		admin.put("/api/v1/mail-settings", unchanged);
		assertThat(stored("smtp_password")).as("same server, blank password: kept").isNotNull();

		var moved = settings(SECRET);
		moved.put("smtpHost", "localhost");
		admin.put("/api/v1/mail-settings", moved);

		assertThat(sales.post("/api/v1/emails", Map.of("personId", an, "subject", "Chào", "body", "<p>Chào</p>")).status())
				.isEqualTo(201);
	}

	@Test
	void aRefusedPasswordIsReportedInOurWordsInTheCallersLanguage() {
		admin.put("/api/v1/mail-settings", settings("not-the-password"));

		var english = sales.header("Accept-Language", "en").post("/api/v1/emails", email());
		var vietnamese = sales.header("Accept-Language", "vi").post("/api/v1/emails", email());

		assertThat(english.status()).isEqualTo(409);
		assertThat(english.body().get("code").asString()).isEqualTo("email.send-failed");
		assertThat(english.body().get("detail").asString()).contains("refused the user name or password")
				.doesNotContain("535").doesNotContain("uthentication failed").doesNotContain("credentials");
		assertThat(vietnamese.body().get("detail").asString()).contains("từ chối tên người dùng hoặc mật khẩu");
	}

	@Test
	void aServerThatCannotBeReachedIsReportedAsSuch() throws Exception {
		int closed;
		try (var socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		var settings = settings(SECRET);
		settings.put("smtpPort", closed);
		admin.put("/api/v1/mail-settings", settings);

		var refused = sales.header("Accept-Language", "en").post("/api/v1/emails", email());

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("detail").asString()).contains("could not be reached").doesNotContain("Connection refused");
	}

	@Test
	void withTlsOnStartTlsIsRequiredSoNothingGoesOutInTheClear() throws Exception {
		var heard = new CopyOnWriteArrayList<String>();
		try (var server = new ServerSocket(0)) {
			Thread.ofVirtual().start(() -> answerWithoutStartTls(server, heard));
			var settings = settings(SECRET);
			settings.put("smtpPort", server.getLocalPort());
			settings.put("smtpTls", true);
			admin.put("/api/v1/mail-settings", settings);

			var refused = sales.header("Accept-Language", "en").post("/api/v1/emails", email());

			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.body().get("detail").asString()).contains("secure (TLS) connection could not be made");
		}
		assertThat(heard).anyMatch(line -> line.startsWith("EHLO"))
				.noneMatch(line -> line.startsWith("AUTH") || line.startsWith("MAIL") || line.contains(SECRET));
	}

	@Test
	void aMailboxThatRefusesThePasswordIsNotedAsOurCodeNotTheServersReply() {
		admin.put("/api/v1/mail-settings", settings("not-the-password"));

		assertThat(reader.read(workspace.id())).isZero();

		assertThat(stored("imap_error")).isEqualTo("mail.error.authentication");
	}

	/** An SMTP server that offers no STARTTLS, and notes every line it is sent. */
	private static void answerWithoutStartTls(ServerSocket server, List<String> heard) {
		try (var socket = server.accept();
				var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
				var out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII)) {
			out.print("220 fake.test ESMTP\r\n");
			out.flush();
			String line;
			while ((line = in.readLine()) != null) {
				heard.add(line);
				if (line.startsWith("EHLO") || line.startsWith("HELO")) {
					out.print("250-fake.test\r\n250 AUTH PLAIN LOGIN\r\n");
				} else if (line.startsWith("QUIT")) {
					out.print("221 bye\r\n");
					out.flush();
					return;
				} else {
					out.print("250 ok\r\n");
				}
				out.flush();
			}
		} catch (java.io.IOException e) {
			// the client hung up
		}
	}

	private Map<String, Object> email() {
		return Map.of("personId", an, "subject", "Chào", "body", "<p>Chào An</p>");
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

	private String stored(String column) {
		return WorkspaceContext.callAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).execute(status ->
				jdbc.sql("select " + column + " from mail_settings where workspace_id = :ws").param("ws", workspace.id())
						.query((rs, n) -> rs.getString(1)).list().getFirst()));
	}
}
