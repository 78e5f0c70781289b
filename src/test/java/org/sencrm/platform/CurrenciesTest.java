package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class CurrenciesTest {

	@Test
	void dongHaveNoMinorUnitAndDollarsTwoDecimals() {
		assertThat(Currencies.digits("VND")).isZero();
		assertThat(Currencies.digits("USD")).isEqualTo(2);
		assertThat(Currencies.digits("KWD")).isEqualTo(3);
	}

	@Test
	void moneyIsRoundedHalfUpToTheMinorUnit() {
		assertThat(Currencies.round(new BigDecimal("1500000.5"), "VND")).isEqualByComparingTo("1500001");
		assertThat(Currencies.round(new BigDecimal("2.5"), "VND")).isEqualTo(new BigDecimal("3"));
		assertThat(Currencies.round(new BigDecimal("1500000.4999"), "VND")).isEqualTo(new BigDecimal("1500000"));
		assertThat(Currencies.round(new BigDecimal("12.345"), "USD")).isEqualTo(new BigDecimal("12.35"));
		assertThat(Currencies.round(new BigDecimal("12.5"), "USD")).isEqualTo(new BigDecimal("12.50"));
		assertThat(Currencies.round(null, "USD")).isNull();
	}

	@Test
	void aCodeIsReadInAnyCaseAndMustNameARealCurrency() {
		assertThat(Currencies.code(" vnd ")).contains("VND");
		assertThat(Currencies.code("XYZ")).isEmpty();
		assertThat(Currencies.code("XAU")).isEmpty();
		assertThat(Currencies.code(null)).isEmpty();
	}
}
