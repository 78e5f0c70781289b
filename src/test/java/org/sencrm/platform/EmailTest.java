package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailTest {

	@Test
	void anAddressIsStrippedAndKeptInLowerCase() {
		var email = Email.parse("  An.Nguyen@Sen.VN ").orElseThrow();

		assertThat(email.value()).isEqualTo("an.nguyen@sen.vn");
		assertThat(email.localPart()).isEqualTo("an.nguyen");
		assertThat(email.domain()).isEqualTo("sen.vn");
	}

	@Test
	void textWithoutOneAtADotAfterItOrWithSpacesIsNoAddress() {
		assertThat(Email.parse("an.nguyen")).isEmpty();
		assertThat(Email.parse("an@sen")).isEmpty();
		assertThat(Email.parse("an@@sen.vn")).isEmpty();
		assertThat(Email.parse("an nguyen@sen.vn")).isEmpty();
		assertThat(Email.parse("")).isEmpty();
		assertThat(Email.parse(null)).isEmpty();
		assertThat(Email.isValid("an@sen.vn")).isTrue();
		assertThat(Email.isValid(" an@sen.vn")).isTrue();
	}

	@Test
	void anAddressLongerThan254CharactersIsRefused() {
		var domain = "@sen.vn";
		assertThat(Email.isValid("a".repeat(254 - domain.length()) + domain)).isTrue();
		assertThat(Email.isValid("a".repeat(255 - domain.length()) + domain)).isFalse();
	}

	@Test
	void theConstructorRefusesWhatParseRefuses() {
		assertThatThrownBy(() -> new Email("not an address")).isInstanceOf(IllegalArgumentException.class);
		assertThat(new Email("An@Sen.vn")).isEqualTo(Email.parse("an@sen.vn").orElseThrow());
	}
}
