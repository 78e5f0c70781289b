package org.sencrm.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.sencrm.platform.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
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
	/** The settings a refused field comes from. */
	private static final Map<String, String> SETTINGS = Map.of("adminEmail", "SEN_ADMIN_EMAIL (sen.admin.email)",
			"adminPassword", "SEN_ADMIN_PASSWORD (sen.admin.password)");

	private final Workspaces workspaces;
	private final String email;
	private final String password;
	private final boolean demo;
	private final MessageSource messages;
	private final Environment environment;

	FirstStart(Workspaces workspaces, @Value("${sen.admin.email:admin@sen.local}") String email,
			@Value("${sen.admin.password:}") String password, @Value("${sen.demo-data:true}") boolean demo,
			MessageSource messages, Environment environment) {
		this.workspaces = workspaces;
		this.environment = environment;
		this.messages = messages;
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
			throw new IllegalStateException("The first administrator cannot be created: " + refused.problems().stream()
					.map(problem -> SETTINGS.getOrDefault(problem.field(), problem.field()) + ": "
							+ messages.getMessage(problem.code(), problem.arguments(), problem.code(), Locale.ENGLISH))
					.collect(Collectors.joining(" ")) + " Set another value and start again.", refused);
		}
		if (generated) {
			var banner = "=".repeat(72);
			System.out.println(banner + "\n  Sen CRM is ready. Sign in at " + signInAddress() + " with\n    email:    " + email
					+ "\n    password: " + secret + "\n  (shown only this once, and temporary: you choose your own at the first"
					+ " sign-in;\n  set SEN_ADMIN_PASSWORD to choose it beforehand)\n" + banner);
		} else {
			log.info("Created the first workspace with administrator {}", email);
		}
	}

	/** Where to sign in: the public address when one is set, else this server's own port on this machine. */
	private String signInAddress() {
		var publicUrl = environment.getProperty("sen.public-url", "");
		return publicUrl.isBlank() ? "http://localhost:" + environment.getProperty("local.server.port", "8080") : publicUrl;
	}

	private static String randomPassword() {
		var bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
