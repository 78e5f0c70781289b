package org.sencrm.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.sencrm.platform.ValidationException;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The first administrator's password: a generated one is temporary, one given by SEN_ADMIN_PASSWORD is
 * not, and one the password rules refuse stops the start with the setting and the reason.
 */
class FirstStartTest {

	/** Workspaces that records what it is asked to create, on an empty instance. */
	static class Recording extends Workspaces {
		final List<NewWorkspace> created = new ArrayList<>();

		Recording() {
			super(null, null, null, null, null);
		}

		@Override
		public boolean any() {
			return false;
		}

		@Override
		public UUID create(NewWorkspace request) {
			created.add(request);
			return UUID.randomUUID();
		}
	}

	@Test
	void aGeneratedPasswordIsTemporary() {
		var workspaces = new Recording();

		new FirstStart(workspaces, "admin@sen.local", "", false, messages(), new MockEnvironment()).run(null);

		var admin = workspaces.created.getFirst();
		assertThat(admin.temporaryPassword()).isTrue();
		assertThat(admin.instanceAdmin()).isTrue();
		assertThat(admin.adminPassword()).hasSizeGreaterThanOrEqualTo(PasswordRules.MIN_LENGTH);
	}

	@Test
	void theGeneratedPasswordIsShownWithTheAddressToSignInAt() {
		assertThat(banner(new MockEnvironment().withProperty("local.server.port", "18181"))).contains("Sign in at http://localhost:18181 with");
		assertThat(banner(new MockEnvironment().withProperty("local.server.port", "18181").withProperty("sen.public-url",
				"https://crm.example.vn"))).contains("Sign in at https://crm.example.vn with");
	}

	private String banner(MockEnvironment environment) {
		var printed = new java.io.ByteArrayOutputStream();
		var console = System.out;
		System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
		try {
			new FirstStart(new Recording(), "admin@sen.local", "", false, messages(), environment).run(null);
		} finally {
			System.setOut(console);
		}
		return printed.toString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void aPasswordGivenInTheSettingsIsTheAdministratorsOwn() {
		var workspaces = new Recording();

		new FirstStart(workspaces, "admin@sen.local", "lotus-pond-at-dawn-17", false, messages(), new MockEnvironment()).run(null);

		assertThat(workspaces.created.getFirst().temporaryPassword()).isFalse();
	}

	@Test
	void aRefusedPasswordInTheSettingsStopsTheStartSayingWhichSettingAndWhy() {
		var refusing = new Recording() {
			@Override
			public UUID create(NewWorkspace request) {
				throw new ValidationException(List.of(new ValidationException.FieldProblem("adminPassword",
						"validation.password-length", 12)));
			}
		};

		assertThatThrownBy(() -> new FirstStart(refusing, "admin@sen.local", "short", false, messages(), new MockEnvironment()).run(null))
				.hasMessageContaining("SEN_ADMIN_PASSWORD").hasMessageContaining("The password needs at least 12 characters.")
				.hasMessageEndingWith("Set another value and start again.");
	}

	private static MessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
