package org.sencrm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.internal.SignIn;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.AuthenticationException;

/** Failed sign-ins: every one counted, the form throttled, and nothing told about the account. */
@IntegrationTest
class LockoutTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	SignIn signIn;

	@Autowired
	JdbcClient jdbc;

	TestWorkspaces.TestWorkspace workspace;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
	}

	@Test
	void everyFailedAttemptCountsEvenWhenTheyArriveTogether() throws Exception {
		var email = workspace.member(Role.SALES).email();
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(20);
		try {
			var attempts = new ArrayList<Future<Boolean>>();
			for (int i = 0; i < 20; i++) {
				attempts.add(pool.submit(() -> {
					start.await();
					try {
						signIn.check(email, "wrong-password-" + Thread.currentThread().threadId());
						return true;
					} catch (AuthenticationException refused) {
						return false;
					}
				}));
			}
			start.countDown();
			for (var attempt : attempts) {
				assertThat(attempt.get()).isFalse();
			}
		} finally {
			pool.shutdown();
		}

		var row = jdbc.sql("select failed_attempts, locked_until is not null from credentials where email = :email")
				.param("email", email).query((rs, n) -> Map.entry(rs.getInt(1), rs.getBoolean(2))).single();
		// none is lost, and wrong passwords count while the login is locked too
		assertThat(row.getKey()).isEqualTo(20);
		assertThat(row.getValue()).isTrue();
	}

	@Test
	void aLockedLoginAWrongPasswordAndAnUnknownEmailLookTheSame() {
		var email = workspace.member(Role.SALES).email();
		for (int i = 0; i < 5; i++) {
			signInWith(email, "wrong-password");
		}

		var locked = signInWith(email, TestWorkspaces.PASSWORD);
		var wrong = signInWith(workspace.member(Role.VIEWER).email(), "wrong-password");
		var unknown = signInWith("nobody-" + System.nanoTime() + "@test.sen", "wrong-password");

		assertThat(locked.location()).endsWith("/login?error");
		assertThat(wrong.location()).isEqualTo(locked.location());
		assertThat(unknown.location()).isEqualTo(locked.location());
		var page = new WebSession(port, "en").get("/login?error");
		assertThat(page.text(".alert-error")).startsWith("Email or password is wrong.").contains("if this account exists, it may be locked");
	}

	@Test
	void theSignInFormIsThrottledPerAddressAndLogin() {
		var email = "nobody-" + System.nanoTime() + "@test.sen";
		var answers = new ArrayList<String>();
		for (int i = 0; i < 11; i++) {
			answers.add(signInWith(email, "wrong-password").location());
		}

		assertThat(answers.subList(0, 10)).allSatisfy(location -> assertThat(location).endsWith("/login?error"));
		assertThat(answers.get(10)).endsWith("/login?wait");
		assertThat(new WebSession(port, "en").get("/login?wait").text(".alert-error")).contains("Wait a minute");
		// another login from the same address is not blocked by this one
		assertThat(signInWith(workspace.member(Role.SALES).email(), TestWorkspaces.PASSWORD).location()).doesNotContain("/login");
	}

	private WebSession.Page signInWith(String email, String password) {
		var web = new WebSession(port, "en");
		return web.submit(web.get("/login"), "form.login-form", Map.of("email", email, "password", password));
	}
}
