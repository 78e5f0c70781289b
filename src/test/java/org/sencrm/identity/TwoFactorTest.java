package org.sencrm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.internal.Base32;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestClock;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two-factor sign-in with an authenticator app's codes (TOTP), computed here as the app would. */
@IntegrationTest
class TwoFactorTest {

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
	}

	@AfterEach
	void putTheClockBack() {
		clock.reset();
	}

	/** The code an authenticator app shows for this secret at the application's time, moved by {@code steps} of 30 s. */
	private String code(String secret, int steps) throws Exception {
		var key = new SecretKeySpec(Base32.decode(secret), "HmacSHA1");
		return String.format("%06d", new TimeBasedOneTimePasswordGenerator().generateOneTimePassword(key,
				clock.instant().plus(Duration.ofSeconds(30L * steps))));
	}

	private String nextStepCode(String secret) throws Exception {
		clock.advance(Duration.ofSeconds(30));
		return code(secret, 0);
	}

	record Enabled(String secret, List<String> recoveryCodes) {
	}

	private Enabled turnOn(WebSession web) throws Exception {
		var setup = web.get("/me/security/two-factor");
		assertThat(setup.html().selectFirst("img.qr-code").attr("src")).startsWith("data:image/svg+xml;base64,");
		var secret = setup.text(".totp-secret").replace(" ", "");
		var wrong = web.submit(setup, "form.record-form", Map.of("code", "000000".equals(code(secret, 0)) ? "111111" : "000000"));
		assertThat(wrong.has("#code-error")).isTrue();
		var codes = web.submit(wrong, "form.record-form", Map.of("code", code(secret, 0)));
		var recovery = codes.html().select(".recovery-codes code").eachText();
		assertThat(recovery).hasSize(10);
		return new Enabled(secret, recovery);
	}

	private WebSession.Page password(WebSession web, String email) {
		return web.submit(web.get("/login"), "form.login-form", Map.of("email", email, "password", TestWorkspaces.PASSWORD));
	}

	@Test
	void signInAsksForTheCodeAndTheSessionIsNotSignedInBefore() throws Exception {
		var enabled = turnOn(WebSession.signedIn(port, sales.email()));
		assertThat(stored(sales.email())).startsWith("v1:").doesNotContain(enabled.secret());

		var web = new WebSession(port, "en");
		var afterPassword = password(web, sales.email());
		assertThat(afterPassword.location()).endsWith("/login/code");
		assertThat(web.get("/persons").location()).endsWith("/login");
		assertThat(new Api(port, sales.token()).get("/api/v1/me").status()).isEqualTo(200); // tokens are not affected

		var codePage = web.get("/login/code");
		var wrong = web.submit(codePage, "form.login-form", Map.of("code", "12345x"));
		assertThat(wrong.text("#code-error")).contains("The code is wrong");
		assertThat(failedAttempts(sales.email())).isEqualTo(1);
		var right = web.submit(codePage, "form.login-form", Map.of("code", nextStepCode(enabled.secret())));

		assertThat(right.status()).isEqualTo(302);
		assertThat(web.get("/persons").status()).isEqualTo(200);
		assertThat(failedAttempts(sales.email())).isZero();
	}

	@Test
	void aCodeWorksOnlyOnceAndRecoveryCodesStandInOnceEach() throws Exception {
		var enabled = turnOn(WebSession.signedIn(port, sales.email()));
		var code = nextStepCode(enabled.secret());
		var first = new WebSession(port, "en");
		password(first, sales.email());
		assertThat(first.submit(first.get("/login/code"), "form.login-form", Map.of("code", code)).status()).isEqualTo(302);

		var second = new WebSession(port, "en");
		password(second, sales.email());
		assertThat(second.submit(second.get("/login/code"), "form.login-form", Map.of("code", code)).has("#code-error")).isTrue();
		var recovered = second.submit(second.get("/login/code"), "form.login-form", Map.of("code", enabled.recoveryCodes().get(0)));
		assertThat(recovered.status()).isEqualTo(302);
		assertThat(second.get("/persons").status()).isEqualTo(200);

		var third = new WebSession(port, "en");
		password(third, sales.email());
		assertThat(third.submit(third.get("/login/code"), "form.login-form", Map.of("code", enabled.recoveryCodes().get(0)))
				.has("#code-error")).isTrue();
		assertThat(jdbc.sql("select count(*) from recovery_codes r join credentials c on c.user_id = r.user_id where c.email = :e and r.used_at is null")
				.param("e", sales.email()).query(Integer.class).single()).isEqualTo(9);
	}

	@Test
	void wrongCodesLockTheLoginLikeWrongPasswords() throws Exception {
		var enabled = turnOn(WebSession.signedIn(port, sales.email()));
		var web = new WebSession(port, "en");
		password(web, sales.email());
		var codePage = web.get("/login/code");
		WebSession.Page last = null;
		for (int i = 0; i < 5; i++) {
			last = web.submit(codePage, "form.login-form", Map.of("code", "999999".equals(code(enabled.secret(), 0)) ? "888888" : "999999"));
		}

		assertThat(last.location()).endsWith("/login?error");
		var again = new WebSession(port, "en");
		assertThat(password(again, sales.email()).location()).endsWith("/login?error"); // locked: even the right password fails
	}

	@Test
	void theTokenEndpointAsksForTheCodeToo() throws Exception {
		var enabled = turnOn(WebSession.signedIn(port, sales.email()));
		var anonymous = new Api(port, null);

		var withoutCode = anonymous.post("/api/v1/auth/tokens", Map.of("email", sales.email(), "password", TestWorkspaces.PASSWORD));
		var withCode = anonymous.post("/api/v1/auth/tokens", Map.of("email", sales.email(), "password", TestWorkspaces.PASSWORD,
				"code", nextStepCode(enabled.secret())));

		assertThat(withoutCode.status()).isEqualTo(401);
		assertThat(withoutCode.body().get("code").asString()).isEqualTo("identity.code-required");
		assertThat(withCode.status()).isEqualTo(201);
	}

	@Test
	void turningItOffTakesThePasswordAndACode() throws Exception {
		var web = WebSession.signedIn(port, sales.email());
		var enabled = turnOn(web);
		var page = web.get("/me/security");
		assertThat(page.text("#two-factor")).contains("10 recovery codes left");

		var refused = web.submit(page, "#two-factor form", Map.of("password", "not-my-password", "code", nextStepCode(enabled.secret())));
		assertThat(refused.has("#password-error")).isTrue();
		var off = web.submit(page, "#two-factor form", Map.of("password", TestWorkspaces.PASSWORD, "code", nextStepCode(enabled.secret())));

		assertThat(off.status()).isEqualTo(302);
		assertThat(password(new WebSession(port, "en"), sales.email()).location()).doesNotContain("/login");
	}

	@Test
	void anAdminCanRequireItForTheWorkspace() {
		var admin = new Api(port, workspace.member(Role.ADMIN).token());
		assertThat(new Api(port, sales.token()).put("/api/v1/workspace/sign-in-policy", Map.of("requireTwoFactor", true)).status())
				.isEqualTo(403);

		var policy = admin.put("/api/v1/workspace/sign-in-policy", Map.of("requireTwoFactor", true));

		assertThat(policy.body().get("requireTwoFactor").asBoolean()).isTrue();
		var web = new WebSession(port, "en");
		assertThat(password(web, sales.email()).location()).endsWith("/me/security");
		assertThat(web.get("/persons").location()).endsWith("/me/security");
		assertThat(web.get("/me/security").text(".alert-warning")).contains("requires two-factor sign-in");
		assertThat(web.get("/me/security/two-factor").status()).isEqualTo(200);
		assertThat(new Api(port, null).post("/api/v1/auth/tokens", Map.of("email", sales.email(), "password", TestWorkspaces.PASSWORD))
				.body().get("code").asString()).isEqualTo("identity.two-factor-setup-required");
	}

	@Test
	void anAdminTurnsItOffForAUserWhoLostTheirPhone() throws Exception {
		turnOn(WebSession.signedIn(port, sales.email()));
		var admin = WebSession.signedIn(port, workspace.member(Role.ADMIN).email());
		var page = admin.get("/admin/users");

		admin.submit(page, "form[action='/admin/users/" + sales.id() + "/two-factor/off']", Map.of());

		assertThat(password(new WebSession(port, "en"), sales.email()).location()).doesNotContain("/login");
	}

	private int failedAttempts(String email) {
		return jdbc.sql("select failed_attempts from credentials where email = :email").param("email", email).query(Integer.class).single();
	}

	private String stored(String email) {
		return jdbc.sql("select totp_secret from credentials where email = :email").param("email", email).query(String.class).single();
	}
}
