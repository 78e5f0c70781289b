package org.sencrm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.MailSettings;
import org.sencrm.support.TestClock;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A forgotten password, by a link in an email (sent through a real in-process mail server, GreenMail). */
@IntegrationTest
class PasswordResetTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");
	private static final String NEW_PASSWORD = "harbour-kite-marble-31";

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	TestWorkspaces.TestWorkspace workspace;
	TestWorkspaces.Member sales;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = workspace.member(Role.SALES);
		var settings = MailSettings.smtp(mail.getSmtp().getPort(), "crm@cuahang.vn");
		assertThat(new Api(port, workspace.member(Role.ADMIN).token()).put("/api/v1/mail-settings", settings).status()).isEqualTo(200);
	}

	@AfterEach
	void putTheClockBack() {
		clock.reset();
	}

	private WebSession.Page askForLink(WebSession web, String email) {
		var form = web.get("/login/forgot");
		return web.submit(form, "form.login-form", Map.of("email", email));
	}

	private String linkFromMail() {
		await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessages().length == 1);
		var body = GreenMailUtil.getBody(mail.getReceivedMessages()[0]).replace("=\r\n", "").replace("=3D", "=");
		var matcher = LINK.matcher(body);
		assertThat(matcher.find()).isTrue();
		var link = URI.create(matcher.group(1).replace("&amp;", "&"));
		return link.getRawPath() + "?" + link.getRawQuery();
	}

	private int tokenStatus(String password) {
		return new Api(port, null).post("/api/v1/auth/tokens", Map.of("email", sales.email(), "password", password)).status();
	}

	@Test
	void aLinkByEmailSetsANewPasswordOnceAndSignsOutEverywhere() throws Exception {
		var signedIn = WebSession.signedIn(port, sales.email());
		var web = new WebSession(port, "en");
		var signInPage = web.get("/login");
		assertThat(signInPage.has("a[href='/login/forgot']")).isTrue();

		var answer = askForLink(web, sales.email());
		assertThat(answer.text(".alert-info")).startsWith("If an account exists for that email");

		var link = linkFromMail();
		assertThat(mail.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo(sales.email());
		assertThat(mail.getReceivedMessages()[0].getSubject()).contains("new password");
		var opened = web.get(link);
		assertThat(opened.location()).endsWith("/login/reset"); // the token leaves the address bar
		var form = web.follow(opened);
		var mismatch = web.submit(form, "form.login-form", Map.of("newPassword", NEW_PASSWORD, "confirmPassword", "other"));
		assertThat(mismatch.has("#confirmPassword-error")).isTrue();
		var done = web.submit(form, "form.login-form", Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

		assertThat(done.location()).endsWith("/login?reset");
		assertThat(tokenStatus(TestWorkspaces.PASSWORD)).isEqualTo(401);
		assertThat(tokenStatus(NEW_PASSWORD)).isEqualTo(201);
		assertThat(signedIn.get("/persons").location()).endsWith("/login");
		var again = new WebSession(port, "en");
		assertThat(again.follow(again.get(link)).text(".alert-error")).contains("not valid any more");
	}

	@Test
	void anExpiredLinkDoesNothing() {
		askForLink(new WebSession(port, "en"), sales.email());
		var link = linkFromMail();

		clock.advance(Duration.ofMinutes(31));
		var web = new WebSession(port, "en");
		var page = web.follow(web.get(link));

		assertThat(page.has("form.login-form")).isFalse();
		assertThat(page.text(".alert-error")).contains("not valid any more");
		assertThat(tokenStatus(TestWorkspaces.PASSWORD)).isEqualTo(201);
	}

	@Test
	void aLinkOpenedBeforeItExpiresCannotBeUsedAfter() {
		askForLink(new WebSession(port, "en"), sales.email());
		var web = new WebSession(port, "en");
		var form = web.follow(web.get(linkFromMail()));

		clock.advance(Duration.ofMinutes(31));
		var late = web.submit(form, "form.login-form", Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

		assertThat(late.text(".alert-error")).contains("not valid any more");
		assertThat(tokenStatus(NEW_PASSWORD)).isEqualTo(401);
	}

	@Test
	void theAnswerIsTheSameWhetherTheEmailHasAnAccountOrNot() {
		var known = askForLink(new WebSession(port, "en"), sales.email());
		var unknown = askForLink(new WebSession(port, "en"), "nobody-" + System.nanoTime() + "@test.sen");

		assertThat(unknown.status()).isEqualTo(known.status());
		assertThat(unknown.text(".login-card")).isEqualTo(known.text(".login-card"));
		await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessages().length == 1);
	}

	@Test
	void onlyTheTokensHashIsStored() {
		askForLink(new WebSession(port, "en"), sales.email());
		var link = linkFromMail();
		var token = link.substring(link.indexOf("token=") + 6);

		var stored = jdbc.sql("select token_hash from password_resets").query(String.class).list();

		assertThat(stored).isNotEmpty().allSatisfy(hash -> assertThat(hash).hasSize(64).doesNotContain(token));
		assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :t")
				.param("t", "%" + token + "%").query(Integer.class).single()).isZero();
	}
}
