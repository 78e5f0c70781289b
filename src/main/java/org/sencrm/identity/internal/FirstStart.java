package org.sencrm.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.sencrm.platform.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the very first start (no workspace yet) creates the first workspace and its administrator,
 * who is also the instance administrator. Email and password come from {@code SEN_ADMIN_EMAIL}
 * and {@code SEN_ADMIN_PASSWORD}; without a password a random one is printed once, as a temporary
 * password the administrator must change at the first sign-in. There is never a fixed default password.
 */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	private final Workspaces workspaces;
	private final String email;
	private final String password;
	private final boolean demo;

	FirstStart(Workspaces workspaces, @Value("${sen.admin.email:admin@sen.local}") String email,
			@Value("${sen.admin.password:}") String password, @Value("${sen.demo-data:true}") boolean demo) {
		this.workspaces = workspaces;
		this.email = email;
		this.password = password;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (workspaces.any()) {
			return;
		}
		var generated = password.isBlank();
		var secret = generated ? randomPassword() : password;
		// a generated password has been printed to a console others may read: it is temporary
		try {
			workspaces.create(new Workspaces.NewWorkspace(demo ? "Sen Demo" : "Sen CRM", email, secret, "Administrator", "vi",
					true, demo, generated));
		} catch (ValidationException refused) {
			throw new IllegalStateException("The first administrator (SEN_ADMIN_EMAIL, SEN_ADMIN_PASSWORD) is refused: "
					+ refused.problems().stream().map(problem -> problem.field() + " " + problem.code()).toList()
					+ ". Passwords need at least 12 characters, not common, not made of the email or name.", refused);
		}
		if (generated) {
			var banner = "=".repeat(72);
			System.out.println(banner + "\n  Sen CRM is ready. Sign in at http://localhost:8080 with\n    email:    " + email
					+ "\n    password: " + secret + "\n  (shown only this once, and temporary: you choose your own at the first"
					+ " sign-in;\n  set SEN_ADMIN_PASSWORD to choose it beforehand)\n" + banner);
		} else {
			log.info("Created the first workspace with administrator {}", email);
		}
	}

	private static String randomPassword() {
		var bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
