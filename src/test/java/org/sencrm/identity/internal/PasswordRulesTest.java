package org.sencrm.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sencrm.platform.ValidationException;

/** The password rules, without the application: each refusal names its reason. */
class PasswordRulesTest {

	private final PasswordRules rules = new PasswordRules();

	private List<String> refusals(String password, String... personal) {
		var problems = new ValidationException.Collector();
		rules.check(password, "password", problems, personal);
		try {
			problems.throwIfAny();
			return List.of();
		} catch (ValidationException e) {
			return e.problems().stream().map(ValidationException.FieldProblem::code).toList();
		}
	}

	@Test
	void needsAtLeastTwelveCharacters() {
		assertThat(refusals("Xk9#mQ2vL8p")).containsExactly("validation.password-length"); // 11
		assertThat(refusals("Xk9#mQ2vL8pz")).isEmpty(); // 12
	}

	@Test
	void refusesOverlyLongPasswords() {
		assertThat(refusals("lotus pond ".repeat(12))).containsExactly("validation.password-too-long");
	}

	@Test
	void refusesCommonAndLeakedPasswords() {
		assertThat(refusals("password1234")).containsExactly("validation.password-common");
		assertThat(refusals("iloveyou12345")).containsExactly("validation.password-common");
		assertThat(refusals("qwertyuiop12")).containsExactly("validation.password-common");
	}

	@Test
	void refusesPredictablePatterns() {
		assertThat(refusals("aaaaaaaaaaaaaaa")).containsExactly("validation.password-guessable");
	}

	@Test
	void refusesPasswordsMadeOfTheUsersNameOrEmail() {
		assertThat(refusals("nguyenvanan2024", "an.nguyen@congty.vn", "Nguyễn Văn An")).containsExactly("validation.password-personal");
		assertThat(refusals("ThuTrang-Sen-2026", "trang@senviet.vn", "Nguyễn Thu Trang")).isEmpty();
		assertThat(refusals("instance-admin-password", "instance-admin@test.sen", "Administrator"))
				.containsExactly("validation.password-personal");
	}

	@Test
	void acceptsPassphrases() {
		assertThat(refusals("correct-horse-battery", "sales@test.sen", "Sales")).isEmpty();
		assertThat(refusals("lotus-pond-at-dawn-17")).isEmpty();
	}
}
