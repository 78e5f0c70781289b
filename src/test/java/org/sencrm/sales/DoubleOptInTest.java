package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.MailSettings;
import org.sencrm.support.Publications;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Double opt-in (decision 26): a web form that asks for it records email consent as pending and
 * mails the address a link; the link's page confirms once (granted by double opt-in, the server's
 * time), a second time changes nothing, and an expired or unknown link confirms nothing.
 */
@IntegrationTest
class DoubleOptInTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final Pattern LINK = Pattern.compile("href=\"(http[^\"]+/public/consent/[^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	DataSource dataSource;

	@Autowired
	Publications publications;

	TestWorkspaces.TestWorkspace workspace;
	Api admin;
	Api anonymous;
	String key;

	@BeforeEach
	void aFormWithDoubleOptInAndAMailServer() {
		workspace = workspaces.create();
		admin = new Api(port, workspace.member(Role.ADMIN).token());
		anonymous = new Api(port, null);
		var settings = MailSettings.smtp(mail.getSmtp().getPort(), "tin@senviet.vn");
		assertThat(admin.put("/api/v1/mail-settings", settings).status()).isEqualTo(200);
		var form = admin.post("/api/v1/web-forms", Map.of("name", "Nhận bản tin", "fields",
				List.of(Map.of("name", "givenName", "required", true), Map.of("name", "email", "required", true)),
				"consentText", "Tôi đồng ý nhận bản tin qua email.", "consentChannels", List.of("email", "sms"), "doubleOptIn", true,
				"language", "vi"));
		assertThat(form.status()).as(form.body().toString()).isEqualTo(201);
		assertThat(form.body().get("doubleOptIn").asBoolean()).isTrue();
		key = form.body().get("key").asString();
	}

	@Test
	void emailConsentWaitsForTheLinkAndTheLinkGrantsItOnce() throws Exception {
		var address = "lan." + System.nanoTime() + "@example.vn";
		assertThat(anonymous.post("/api/v1/public/forms/" + key, Map.of("givenName", "Lan", "email", address, "consent", "yes"))
				.status()).isEqualTo(201);
		var lead = onlyLead();
		assertThat(lead.get("consents").get("email").get("status").asString()).isEqualTo("pending");
		assertThat(lead.get("consents").get("sms").get("status").asString()).as("no confirmation for SMS").isEqualTo("granted");

		var message = mailTo(address);
		assertThat(message.getSubject()).startsWith("Vui lòng xác nhận địa chỉ email của bạn với Test ");
		assertThat(message.getFrom()[0].toString()).contains("tin@senviet.vn");
		var link = link(message);
		var visitor = new WebSession(port, "vi");
		var page = visitor.get(link);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text(".message")).contains(address);
		assertThat(onlyLead().get("consents").get("email").get("status").asString()).as("opening the link is not confirming")
				.isEqualTo("pending");

		var confirmed = visitor.submit(page, "form", Map.of());

		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.text(".message")).isEqualTo("Cảm ơn bạn! Địa chỉ email của bạn đã được xác nhận.");
		var granted = onlyLead();
		var consent = granted.get("consents").get("email");
		assertThat(consent.get("status").asString()).isEqualTo("granted");
		assertThat(consent.get("method").asString()).isEqualTo("double_opt_in");
		assertThat(consent.has("recordedBy")).as("the person themselves, not a user").isFalse();
		var history = admin.get("/api/v1/leads/" + granted.get("id").asString() + "/history").body().get(0);
		assertThat(history.get("changes").get("consent.email").get("to").asString()).isEqualTo("granted");
		assertThat(history.get("changes").get("consent.email.method").get("to").asString()).isEqualTo("double_opt_in");

		var again = visitor.submit(page, "form", Map.of());
		assertThat(again.text(".message")).isEqualTo("Đường dẫn này đã được sử dụng: địa chỉ email của bạn đã được xác nhận.");
		assertThat(onlyLead().get("version").asInt()).isEqualTo(granted.get("version").asInt());
		assertThat(new WebSession(port, "vi").get(link).has("form")).isFalse();
	}

	@Test
	void aConfirmationDeliveredTwiceSendsOneLink() throws Exception {
		var address = "mai." + System.nanoTime() + "@example.vn";
		assertThat(anonymous.post("/api/v1/public/forms/" + key, Map.of("givenName", "Mai", "email", address, "consent", "yes"))
				.status()).isEqualTo(201);
		var lead = onlyLead().get("id").asString();
		mailTo(address);

		publications.redeliver(Class.forName("org.sencrm.sales.lead.ConsentConfirmations$Requested"), lead);

		assertThat(java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> recipients(m).contains(address)))
				.as("a link that still works is not sent again").hasSize(1);
	}

	@Test
	void aLinkWhoseEmailFailedIsSentWhenTheDeliveryIsRetried() throws Exception {
		var settings = MailSettings.smtp(closedPort(), "tin@senviet.vn");
		assertThat(admin.put("/api/v1/mail-settings", settings).status()).isEqualTo(200);
		var address = "hoa." + System.nanoTime() + "@example.vn";
		assertThat(anonymous.post("/api/v1/public/forms/" + key, Map.of("givenName", "Hoa", "email", address, "consent", "yes"))
				.status()).isEqualTo(201);
		var lead = onlyLead().get("id").asString();
		var requested = Class.forName("org.sencrm.sales.lead.ConsentConfirmations$Requested");

		settings.put("smtpPort", mail.getSmtp().getPort());
		await().atMost(Duration.ofSeconds(20)).until(() -> publications.rows(requested, lead).stream()
				.allMatch(row -> "FAILED".equals(row.status())) && !publications.rows(requested, lead).isEmpty());
		assertThat(admin.put("/api/v1/mail-settings", settings).status()).isEqualTo(200);
		publications.retryFailed(requested, lead);

		var link = link(mailTo(address));
		var page = new WebSession(port, "vi").get(link);
		assertThat(page.status()).as("the link of the retried email works").isEqualTo(200);
		assertThat(page.has("form")).isTrue();
	}

	private static int closedPort() throws java.io.IOException {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Test
	void anExpiredLinkConfirmsNothing() throws Exception {
		var address = "hoa." + System.nanoTime() + "@example.vn";
		anonymous.post("/api/v1/public/forms/" + key, Map.of("givenName", "Hoa", "email", address, "consent", "yes"));
		var link = link(mailTo(address));
		var visitor = new WebSession(port, "vi");
		var page = visitor.get(link);
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.createStatement().execute("select set_config('sen.workspace_id', '" + workspace.id() + "', true)");
			connection.createStatement().executeUpdate("update consent_confirmations set expires_at = now() - interval '1 minute'");
			connection.commit();
		}

		var refused = visitor.submit(page, "form", Map.of());

		assertThat(refused.status()).isEqualTo(410);
		assertThat(refused.text(".message")).startsWith("Đường dẫn này đã hết hạn.");
		assertThat(onlyLead().get("consents").get("email").get("status").asString()).isEqualTo("pending");
		assertThat(new WebSession(port, "vi").get(link).status()).isEqualTo(410);
	}

	@Test
	void anUnknownLinkIsRefusedAndTheTokenIsKeptOnlyAsAHash() throws Exception {
		var address = "cuc." + System.nanoTime() + "@example.vn";
		anonymous.post("/api/v1/public/forms/" + key, Map.of("givenName", "Cúc", "email", address, "consent", "yes"));
		var link = link(mailTo(address));
		var token = link.substring(link.lastIndexOf('/') + 1);

		assertThat(new WebSession(port, "vi").get("/public/consent/dc_" + "0".repeat(75)).status()).isEqualTo(404);
		assertThat(new WebSession(port, "vi").get("/public/consent/nonsense").status()).isEqualTo(404);
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.createStatement().execute("select set_config('sen.workspace_id', '" + workspace.id() + "', true)");
			var stored = connection.createStatement().executeQuery("select token_hash from consent_confirmations");
			stored.next();
			assertThat(stored.getString(1)).hasSize(64).doesNotContain(token.substring(3));
			connection.rollback();
		}
	}

	@Test
	void aConvertedLeadsPersonGetsTheConfirmedConsentToo() throws Exception {
		var address = "dao." + System.nanoTime() + "@example.vn";
		anonymous.post("/api/v1/public/forms/" + key, Map.of("givenName", "Đào", "email", address, "consent", "yes"));
		var lead = onlyLead().get("id").asString();
		var person = admin.post("/api/v1/leads/" + lead + "/convert", Map.of("createOpportunity", false)).body().get("personId")
				.asString();
		assertThat(admin.get("/api/v1/persons/" + person).body().get("consents").get("email").get("status").asString())
				.isEqualTo("pending");

		var visitor = new WebSession(port, "vi");
		visitor.submit(visitor.get(link(mailTo(address))), "form", Map.of());

		var consent = admin.get("/api/v1/persons/" + person).body().get("consents").get("email");
		assertThat(consent.get("status").asString()).isEqualTo("granted");
		assertThat(consent.get("method").asString()).isEqualTo("double_opt_in");
	}

	@Test
	void doubleOptInNeedsTheEmailChannelAndField() {
		var refused = admin.post("/api/v1/web-forms", Map.of("name", "Chỉ SMS", "fields", List.of(Map.of("name", "phone",
				"required", true)), "consentText", "Đồng ý", "consentChannels", List.of("sms"), "doubleOptIn", true));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("doubleOptIn");
	}

	private MimeMessage mailTo(String address) {
		await().atMost(Duration.ofSeconds(20)).until(() -> java.util.Arrays.stream(mail.getReceivedMessages())
				.anyMatch(m -> recipients(m).contains(address)));
		return java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> recipients(m).contains(address)).findFirst()
				.orElseThrow();
	}

	private static String recipients(MimeMessage message) {
		try {
			return GreenMailUtil.getAddressList(message.getAllRecipients());
		} catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The path of the confirmation link in the email. */
	private static String link(MimeMessage message) throws Exception {
		var html = (String) message.getContent();
		var matcher = LINK.matcher(html);
		assertThat(matcher.find()).as(html).isTrue();
		return URI.create(matcher.group(1)).getRawPath();
	}

	private JsonNode onlyLead() {
		var items = admin.get("/api/v1/leads").body().get("items");
		assertThat(items.size()).isEqualTo(1);
		return items.get(0);
	}
}
