package org.sencrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * As an instance runs by default (sen.mail.allow-private-hosts=false): mail server hosts on
 * loopback, private or link-local addresses are refused when saved, naming the field, and again
 * when connecting — also when the stored host is such an address without having been checked.
 */
@IntegrationTest
@TestPropertySource(properties = "sen.mail.allow-private-hosts=false")
class MailHostsTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort()});

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	TestWorkspaces.TestWorkspace workspace;
	Api admin;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		admin = new Api(port, workspace.member(Role.ADMIN).token());
		mail.setUser("crm@cuahang.vn", "crm@cuahang.vn", "secret");
	}

	@Test
	void hostsOnPrivateOrLocalAddressesAreRefusedNamingTheField() {
		for (var host : List.of("127.0.0.1", "localhost", "10.1.2.3", "172.16.0.9", "192.168.1.10", "169.254.169.254",
				"100.64.0.1", "0.0.0.0", "::1", "fd00::1", "224.0.0.1")) {
			var refused = admin.header("Accept-Language", "en").put("/api/v1/mail-settings", settings(host, host));

			assertThat(refused.status()).as(host).isEqualTo(422);
			assertThat(refused.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList()).as(host)
					.containsExactlyInAnyOrder("smtpHost", "imapHost");
			assertThat(refused.body().get("errors").get(0).get("message").asString()).contains("private, local or loopback");
		}
	}

	@Test
	void theSettingsPageShowsTheRefusalBesideTheHost() {
		var page = org.sencrm.support.WebSession.signedIn(port, workspace.member(Role.ADMIN).email());

		var refused = page.submit(page.get("/admin/mail"), "form.record-form", Map.of("smtpHost", "192.168.1.10", "smtpPort", "587"));

		assertThat(refused.status()).as(refused.html().text()).isEqualTo(200);
		assertThat(refused.html().select(".field.invalid input").eachAttr("name")).containsExactly("smtpHost");
	}

	@Test
	void aPublicHostIsAccepted() {
		assertThat(admin.put("/api/v1/mail-settings", settings("8.8.8.8", null)).status()).isEqualTo(200);
	}

	@Test
	void theAddressIsCheckedAgainWhenConnecting() {
		admin.put("/api/v1/mail-settings", settings("8.8.8.8", null));
		// as if the name had resolved to a public address when saved and to this machine now
		WorkspaceContext.callAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).execute(status ->
				jdbc.sql("update mail_settings set smtp_host = '127.0.0.1', smtp_port = :port where workspace_id = :ws")
						.param("port", mail.getSmtp().getPort()).param("ws", workspace.id()).update()));
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var an = sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "givenName", "An",
				"emails", List.of(Map.of("address", "an@khachhang.vn")))).body().get("id").asString();

		var refused = sales.header("Accept-Language", "en").post("/api/v1/emails",
				Map.of("personId", an, "subject", "Chào", "body", "<p>Chào</p>"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("detail").asString()).contains("address is private, local or loopback");
		assertThat(mail.getReceivedMessages()).isEmpty();
	}

	private static Map<String, Object> settings(String smtpHost, String imapHost) {
		var settings = new HashMap<String, Object>();
		settings.put("smtpHost", smtpHost);
		settings.put("smtpPort", 587);
		settings.put("smtpTls", true);
		settings.put("fromAddress", "crm@cuahang.vn");
		settings.put("imapHost", imapHost);
		settings.put("imapPort", imapHost == null ? null : 993);
		settings.put("imapEnabled", imapHost != null);
		return settings;
	}
}
