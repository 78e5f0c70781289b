package org.sencrm.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The first administrator's password: a generated one is temporary, one given by SEN_ADMIN_PASSWORD is not. */
class FirstStartTest {

	/** Workspaces that records what it is asked to create, on an empty instance. */
	static final class Recording extends Workspaces {
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

		new FirstStart(workspaces, "admin@sen.local", "", false).run(null);

		var admin = workspaces.created.getFirst();
		assertThat(admin.temporaryPassword()).isTrue();
		assertThat(admin.instanceAdmin()).isTrue();
		assertThat(admin.adminPassword()).hasSizeGreaterThanOrEqualTo(PasswordRules.MIN_LENGTH);
	}

	@Test
	void aPasswordGivenInTheSettingsIsTheAdministratorsOwn() {
		var workspaces = new Recording();

		new FirstStart(workspaces, "admin@sen.local", "lotus-pond-at-dawn-17", false).run(null);

		assertThat(workspaces.created.getFirst().temporaryPassword()).isFalse();
	}
}
