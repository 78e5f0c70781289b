package org.sencrm.directory.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** How alike two records are, field by field: the rules of the finder's score. */
class LikenessTest {

	private static final LocalDate BIRTHDAY = LocalDate.of(1990, 4, 12);

	@Test
	void sameNameAndBirthdayIsAPossibleDuplicate() {
		var score = Likeness.of(person("nguyen", "an", BIRTHDAY, null, null), person("nguyen", "an", BIRTHDAY, null, null));

		assertThat(score.score()).isGreaterThanOrEqualTo(Likeness.KEPT);
		assertThat(score.reasons()).containsExactly("same_name", "same_birthday");
	}

	@Test
	void aTypoInTheNameAndTheBirthdayStillMatches() {
		var score = Likeness.of(person("nguyen", "thanh", BIRTHDAY, null, "12 le loi quan 1"),
				person("nguyne", "thanh", LocalDate.of(1990, 4, 21), null, "12 le loi quan 1"));

		assertThat(score.score()).isGreaterThanOrEqualTo(Likeness.KEPT);
		assertThat(score.reasons()).contains("similar_name", "similar_birthday", "same_address");
	}

	@Test
	void sameNameAloneIsNotEnough() {
		var score = Likeness.of(person("nguyen", "an", null, null, null), person("nguyen", "an", null, null, null));

		assertThat(score.score()).isLessThan(Likeness.KEPT);
	}

	@Test
	void differentBirthdaysAndAddressesSpeakAgainstTheSameName() {
		var score = Likeness.of(person("tran", "binh", BIRTHDAY, null, "12 le loi quan 1 ho chi minh"),
				person("tran", "binh", LocalDate.of(1955, 11, 3), null, "toa nha song da, cau giay, ha noi"));

		assertThat(score.score()).isLessThan(Likeness.KEPT);
	}

	@Test
	void aSharedEmailIsFlaggedHoweverTheNamesDiffer() {
		var score = Likeness.of(person("le", "hoa", null, "hoa@example.vn", null), person("pham", "minh", null, "hoa@example.vn", null));

		assertThat(score.score()).isGreaterThanOrEqualTo(Likeness.KEPT);
		assertThat(score.reasons()).contains("same_email");
	}

	@Test
	void aNameTypedInTheOtherOrderMatches() {
		var score = Likeness.of(person("nguyen", "an", BIRTHDAY, null, null), person("an", "nguyen", BIRTHDAY, null, null));

		assertThat(score.score()).isGreaterThanOrEqualTo(Likeness.KEPT);
	}

	@Test
	void organizationsWithTheSameTaxCodeMatchWhateverTheirLegalForm() {
		var a = Traits.organization(UUID.randomUUID(), DuplicateFinder.withoutLegalForm("Công ty TNHH An Phát"), "0312345678", null,
				List.of(), List.of(), null);
		var b = Traits.organization(UUID.randomUUID(), DuplicateFinder.withoutLegalForm("AN PHAT CO., LTD"), "0312345678", null,
				List.of(), List.of(), null);

		var score = Likeness.of(a, b);

		assertThat(a.givenName()).isEqualTo("an phat");
		assertThat(score.score()).isGreaterThanOrEqualTo(0.95);
		assertThat(score.reasons()).containsExactly("same_name", "same_tax_code");
	}

	@Test
	void organizationsWithDifferentTaxCodesAreNotOne() {
		var a = Traits.organization(UUID.randomUUID(), "an phat", "0312345678", null, List.of(), List.of(), null);
		var b = Traits.organization(UUID.randomUUID(), "an phat", "0109999999", null, List.of(), List.of(), null);

		assertThat(Likeness.of(a, b).score()).isLessThan(Likeness.KEPT);
	}

	private static Traits person(String family, String given, LocalDate birthday, String email, String address) {
		return Traits.person(UUID.randomUUID(), family, given, birthday, email == null ? List.of() : List.of(email), List.of(), address,
				List.of());
	}
}
