package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers as people type them, in E.164, and their national digits for search, whether just normalised or read back. */
class PhoneNumbersTest {

	@Test
	void aNumberJustNormalisedAndOneReadBackGiveTheSameNationalDigits() {
		var vietnamese = PhoneNumbers.toE164("0901 234 567", null).orElseThrow();
		var swedish = PhoneNumbers.toE164("+46 8 123 456 78", null).orElseThrow();

		assertThat(vietnamese).isEqualTo("+84901234567");
		assertThat(PhoneNumbers.nationalDigits(vietnamese)).isEqualTo("0901234567");
		assertThat(swedish).isEqualTo("+46812345678");
		assertThat(PhoneNumbers.nationalDigits(swedish)).isEqualTo("0812345678");
		// stored numbers never normalised in this JVM are parsed
		assertThat(PhoneNumbers.nationalDigits("+842838221234")).isEqualTo("02838221234");
		assertThat(PhoneNumbers.nationalDigits("+12025550123")).isEqualTo("2025550123");
	}

	@Test
	void textThatIsNoNumberHasNoE164() {
		assertThat(PhoneNumbers.toE164("gọi sau", null)).isEmpty();
		assertThat(PhoneNumbers.toE164("123", null)).isEmpty();
	}
}
