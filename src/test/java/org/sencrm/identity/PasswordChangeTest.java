package org.sencrm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Changing one's own password, and temporary passwords set by an administrator. */
@IntegrationTest
class PasswordChangeTest {

	static final String NEW_PASSWORD = "river-lantern-copper-52";

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	TestWorkspaces.TestWorkspace workspace;
	Api anonymous;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		anonymous = new Api(port, null);
	}

	private int tokenStatus(String email, String password) {
		return anonymous.post("/api/v1/auth/tokens", Map.of("email", email, "password", password)).status();
	}

	@Test
	void changingThePasswordThroughTheApiRetiresTheOldOneAtOnce() {
		var sales = workspace.member(Role.SALES);

		var changed = new Api(port, sales.token()).post("/api/v1/me/password",
				Map.of("currentPassword", TestWorkspaces.PASSWORD, "newPassword", NEW_PASSWORD));

		assertThat(changed.status()).isEqualTo(204);
		assertThat(tokenStatus(sales.email(), TestWorkspaces.PASSWORD)).isEqualTo(401);
		assertThat(tokenStatus(sales.email(), NEW_PASSWORD)).isEqualTo(201);
	}

	@Test
	void aWrongCurrentPasswordIsNamedAndCountsTowardTheUsersOwnLockout() {
		var sales = workspace.member(Role.SALES);
		var api = new Api(port, sales.token());

		var refused = api.post("/api/v1/me/password", Map.of("currentPassword", "not-my-password", "newPassword", NEW_PASSWORD));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
		assertThat(failedAttempts(sales.email())).isEqualTo(1);
		assertThat(tokenStatus(sales.email(), TestWorkspaces.PASSWORD)).isEqualTo(201); // still works
	}

	@Test
	void aWeakNewPasswordIsRefusedSayingWhy() {
		var api = new Api(port, workspace.member(Role.SALES).token());

		var tooShort = api.post("/api/v1/me/password", Map.of("currentPassword", TestWorkspaces.PASSWORD, "newPassword", "short-one"));
		var common = api.post("/api/v1/me/password", Map.of("currentPassword", TestWorkspaces.PASSWORD, "newPassword", "password1234"));

		assertThat(tooShort.status()).isEqualTo(422);
		assertThat(tooShort.body().get("errors").get(0).get("code").asString()).isEqualTo("validation.password-length");
		assertThat(tooShort.body().get("errors").get(0).get("message").asString()).contains("12");
		assertThat(common.body().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
		assertThat(common.body().get("errors").get(0).get("code").asString()).isEqualTo("validation.password-common");
	}

	@Test
	void changingThePasswordOnThePageSignsOutTheOtherBrowsersAndCanRevokeTokens() {
		var sales = workspace.member(Role.SALES);
		var here = WebSession.signedIn(port, sales.email());
		var elsewhere = WebSession.signedIn(port, sales.email());
		var page = here.get("/me/security");
		assertThat(page.status()).isEqualTo(200);
		assertThat(new Api(port, sales.token()).get("/api/v1/me").status()).as("a token in use, so kept by the node").isEqualTo(200);

		var done = here.submit(page, "form.password-form", Map.of("currentPassword", TestWorkspaces.PASSWORD,
				"newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD, "revokeTokens", "true"));

		assertThat(done.status()).isEqualTo(302);
		assertThat(here.get("/persons").status()).isEqualTo(200);
		assertThat(elsewhere.get("/persons").location()).endsWith("/login");
		assertThat(new Api(port, sales.token()).get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void theSecurityPageSignsOutOtherBrowsers() {
		var email = workspace.member(Role.SALES).email();
		var here = WebSession.signedIn(port, email);
		var elsewhere = WebSession.signedIn(port, email);
		var page = here.get("/me/security");
		assertThat(page.text("#sessions p")).contains("1");

		here.submit(page, "#sessions form", Map.of());

		assertThat(here.get("/persons").status()).isEqualTo(200);
		assertThat(elsewhere.get("/persons").location()).endsWith("/login");
	}

	@Test
	void aTemporaryPasswordMustBeChangedBeforeAnythingElse() {
		var sales = workspace.member(Role.SALES);
		var signedInBefore = WebSession.signedIn(port, sales.email());
		var admin = new Api(port, workspace.member(Role.ADMIN).token());

		var set = admin.post("/api/v1/users/" + sales.id() + "/temporary-password", Map.of("password", "temporary-lotus-88"));

		assertThat(set.status()).isEqualTo(204);
		assertThat(signedInBefore.get("/persons").location()).endsWith("/login"); // signed out everywhere
		var token = anonymous.post("/api/v1/auth/tokens", Map.of("email", sales.email(), "password", "temporary-lotus-88"));
		assertThat(token.status()).isEqualTo(403);
		assertThat(token.body().get("code").asString()).isEqualTo("identity.password-change-required");

		var web = new WebSession(port, "en");
		var signedIn = web.submit(web.get("/login"), "form.login-form", Map.of("email", sales.email(), "password", "temporary-lotus-88"));
		assertThat(signedIn.location()).endsWith("/me/security");
		assertThat(web.get("/persons").location()).endsWith("/me/security");
		assertThat(web.get("/me/tokens").location()).endsWith("/me/security");
		var page = web.get("/me/security");
		assertThat(page.has(".alert-warning")).isTrue();
		assertThat(page.has("#two-factor")).isFalse();

		var sameAgain = web.submit(page, "form.password-form", Map.of("currentPassword", "temporary-lotus-88",
				"newPassword", "temporary-lotus-88", "confirmPassword", "temporary-lotus-88"));
		assertThat(sameAgain.text("#newPassword-error")).isEqualTo("The new password must differ from the current one.");
		var changed = web.submit(page, "form.password-form", Map.of("currentPassword", "temporary-lotus-88",
				"newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
		assertThat(changed.location()).endsWith(":" + port + "/");
		assertThat(web.get("/persons").status()).isEqualTo(200);
		assertThat(tokenStatus(sales.email(), NEW_PASSWORD)).isEqualTo(201);
	}

	@Test
	void adminsSetTemporaryPasswordsOnTheUsersPage() {
		var admin = WebSession.signedIn(port, workspace.member(Role.ADMIN).email());
		var viewer = workspace.member(Role.VIEWER);
		var page = admin.get("/admin/users");

		var weak = admin.submit(page, "form[action='/admin/users/" + viewer.id() + "/temporary-password']",
				Map.of("password", "123456789012"));
		assertThat(admin.follow(weak).text(".alert-error")).contains("too common");

		var set = admin.submit(page, "form[action='/admin/users/" + viewer.id() + "/temporary-password']",
				Map.of("password", "temporary-lotus-88"));
		assertThat(admin.follow(set).text(".flash")).contains("temporary password was set");
		assertThat(tokenStatus(viewer.email(), TestWorkspaces.PASSWORD)).isEqualTo(401);
		assertThat(mustChange(viewer.email())).isTrue();
	}

	@Test
	void onlyAdminsSetTemporaryPasswords() {
		var manager = new Api(port, workspace.member(Role.MANAGER).token());

		assertThat(manager.post("/api/v1/users/" + workspace.member(Role.SALES).id() + "/temporary-password",
				Map.of("password", "temporary-lotus-88")).status()).isEqualTo(403);
	}

	@Test
	void usersAnAdminCreatesGetATemporaryFirstPassword() {
		var admin = new Api(port, workspace.member(Role.ADMIN).token());
		var email = "new-" + System.nanoTime() + "@test.sen";

		admin.post("/api/v1/users", Map.of("email", email, "displayName", "New", "role", "sales", "password", "first-lotus-pond-7"));

		assertThat(mustChange(email)).isTrue();
	}

	private int failedAttempts(String email) {
		return jdbc.sql("select failed_attempts from credentials where email = :email").param("email", email).query(Integer.class).single();
	}

	private boolean mustChange(String email) {
		return jdbc.sql("select must_change_password from credentials where email = :email").param("email", email)
				.query(Boolean.class).single();
	}
}
