package org.sencrm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sencrm.identity.internal.Base32;
import org.sencrm.support.Browser;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestClock;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user turns on two-factor sign-in in a real browser and signs in with a code. Leaves screenshots
 * of the security page, the setup page and the code step in target/screenshots for the user guide.
 */
@IntegrationTest
class AccountSecurityBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	TestClock clock;

	Browser browser;

	@BeforeEach
	void startBrowser() {
		browser = Browser.start(port);
	}

	@AfterEach
	void stopBrowser() {
		clock.reset();
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aUserTurnsOnTwoFactorSignInAndSignsInWithACode() throws Exception {
		var sales = workspaces.create().member(Role.SALES);
		browser.signIn(sales.email(), TestWorkspaces.PASSWORD);

		browser.click(".user-menu summary");
		browser.click(".user-menu a[href='/me/security']");
		browser.await("form.password-form");
		browser.screenshot("security-page");

		browser.click("#two-factor a.button");
		var secret = browser.await(".totp-secret").getText().replace(" ", "");
		browser.screenshot("two-factor-setup");
		browser.find("#code").sendKeys(code(secret));
		browser.click("form.record-form button");
		assertThat(browser.await(".recovery-codes").findElements(By.tagName("li"))).hasSize(10);

		browser.click(".user-menu summary");
		browser.click(".user-menu form[action='/logout'] button");
		browser.await("form.login-form");
		browser.find("#email").sendKeys(sales.email());
		browser.find("#password").sendKeys(TestWorkspaces.PASSWORD);
		browser.click("form.login-form button");
		browser.await("#code");
		browser.screenshot("sign-in-code");
		clock.advance(java.time.Duration.ofSeconds(30)); // the next code: the one used to confirm is spent
		browser.find("#code").sendKeys(code(secret));
		browser.click("form.login-form button");

		assertThat(browser.await(".topbar .user-name").getText()).startsWith("sales");
	}

	private String code(String secret) throws Exception {
		var key = new SecretKeySpec(Base32.decode(secret), "HmacSHA1");
		return String.format("%06d", new TimeBasedOneTimePasswordGenerator().generateOneTimePassword(key, clock.instant()));
	}
}
