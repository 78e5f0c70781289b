package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaxCodeTest {

	@Test
	void aVietnameseEnterpriseHasTenDigitsAndABranchThreeMoreAfterADash() {
		var enterprise = TaxCode.parse("0101234567").orElseThrow();
		var branch = TaxCode.parse("0101234567-001").orElseThrow();

		assertThat(enterprise.isVietnamese()).isTrue();
		assertThat(enterprise.isBranch()).isFalse();
		assertThat(branch.isVietnamese()).isTrue();
		assertThat(branch.isBranch()).isTrue();
	}

	@Test
	void spacesAreDroppedAndLettersUpperCased() {
		assertThat(TaxCode.parse(" 0101 234 567 ").orElseThrow().value()).isEqualTo("0101234567");
		assertThat(TaxCode.parse("de 123456789").orElseThrow().value()).isEqualTo("DE123456789");
	}

	@Test
	void wrongLengthsAndShapesAreRefused() {
		assertThat(TaxCode.parse("010123456")).isEmpty();
		assertThat(TaxCode.parse("01012345678")).isEmpty();
		assertThat(TaxCode.parse("0101234567-01")).isEmpty();
		assertThat(TaxCode.parse("0101234567-0001")).isEmpty();
		assertThat(TaxCode.parse("0101234567_001")).isEmpty();
		assertThat(TaxCode.parse("12-3456789")).isEmpty();
		assertThat(TaxCode.parse("")).isEmpty();
	}

	@Test
	void aForeignCodeStartsWithTwoLettersOfItsCountry() {
		var code = TaxCode.parse("FR40303265045").orElseThrow();
		assertThat(code.isVietnamese()).isFalse();
	}

	@Test
	void checkingReportsTheFieldOnlyForATypedWrongCode() {
		var problems = new ValidationException.Collector();

		assertThat(TaxCode.checked("  ", "taxCode", problems)).isNull();
		assertThat(TaxCode.checked("0101234567-001", "taxCode", problems)).isEqualTo("0101234567-001");
		assertThat(problems.isEmpty()).isTrue();
		assertThat(TaxCode.checked("12345", "taxCode", problems)).isNull();
		assertThat(problems.size()).isEqualTo(1);
	}
}
