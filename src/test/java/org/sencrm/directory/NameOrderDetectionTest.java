package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order a name gets when nobody chose one: family first when it is a Vietnamese name, else the workspace's. */
class NameOrderDetectionTest {

	/** Family name | middle name | given name, as a user or an import fills them in. */
	static final String[] VIETNAMESE = {
			// with accents
			"Nguyễn|Thị|Yến", "Trần|Đức|Bình", "Lê||Minh", "Lý|Thị|Nga", "Hà||Anh", "Ngô|Bảo|Châu", "Đặng|Thị|Hương",
			"Âu|Dương|Phong", "Tạ|Quang|Bửu", "NGUYỄN|THỊ|YẾN", "||Nguyễn Văn An", "Mai||Phương", "Kim||Ngân",
			"Tô||Lâm", "Vũ|Thị|Thùy Dương", "Phan|Thị|Kim Phúc", "Lò|Văn|Giàng",
			// without accents
			"Nguyen|Van|An", "Tran||Binh", "Pham|Minh|Duc", "Huynh|Van|Tuan", "Duong||Nam", "Dang|Thi|Huong",
			"Le|Van|Tam", "Ly|Thi|Hoa", "Ho|Chi|Minh", "Mai|Thi|Lan", "||Nguyen Van An", "nguyen|van|an",
			"Truong|Ngoc|Trang", "Quach|Thi|Khanh", "Nghiem||Xuan"};

	static final String[] OTHERS = {
			// short Vietnamese family names that are words or names elsewhere, without accents, in two words
			"Le||Tom", "Kim||Lan", "Ha||Na", "Le Guin||Ursula", "Ly||Anna",
			// Vietnamese family names with given names from elsewhere: written given name first
			"Nguyen||Michael", "Nguyễn||Peter", "Tran||Jennifer", "Pham||David",
			// Chinese, Korean, Japanese written in Latin letters
			"Wang||Wei", "Zhang||Xiaoming", "Liu||Yang", "Chen||Jie", "Tan|Wei|Ling", "Park||Ji-sung", "Lee||Min-ho",
			"Kim||Min-jun", "Tanaka||Hiroshi", "Sato||Yuki", "Ito||Hana",
			// Swedish, English, Hungarian, French, Romanian, Portuguese, Spanish
			"Lindqvist||Anna", "Sjögren||Åsa", "Andersson||Erik", "Smith||John", "Miller||Sarah", "Kovács||Ádám",
			"Nagy||Éva", "Szőke||Gábor", "Côté||Jérôme", "Dubois||Claire", "Bălan||Mădălina", "Simões||João",
			"Pérez||José", "||Anna", "O'Brien||Sean"};

	@Test
	void vietnameseNamesAreWrittenFamilyNameFirstWithAndWithoutAccents() {
		for (var name : VIETNAMESE) {
			var p = parts(name);
			assertThat(PersonName.detect(p[0], p[1], p[2], NameOrder.GIVEN_FIRST)).as(name).isEqualTo(NameOrder.FAMILY_FIRST);
		}
	}

	@Test
	void otherNamesTakeTheWorkspacesOrderForNamesItCannotRecognise() {
		for (var name : OTHERS) {
			var p = parts(name);
			assertThat(PersonName.detect(p[0], p[1], p[2], NameOrder.GIVEN_FIRST)).as(name).isEqualTo(NameOrder.GIVEN_FIRST);
			assertThat(PersonName.detect(p[0], p[1], p[2], NameOrder.FAMILY_FIRST)).as(name).isEqualTo(NameOrder.FAMILY_FIRST);
		}
	}

	@Test
	void lettersWrittenAsBaseLetterAndMarkAreVietnameseToo() {
		var decomposed = Normalizer.normalize("Nguyễn Thị Yến", Normalizer.Form.NFD);

		assertThat(PersonName.detect(null, null, decomposed, NameOrder.GIVEN_FIRST)).isEqualTo(NameOrder.FAMILY_FIRST);
	}

	@Test
	void everyCommonFamilyNameIsRecognisedInAFullName() {
		for (var family : VietnameseNames.FAMILY_NAMES) {
			assertThat(PersonName.detect(family, "Van", "An", NameOrder.GIVEN_FIRST)).as(family).isEqualTo(NameOrder.FAMILY_FIRST);
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Nguyễn|Thị|Yến|family_first|Nguyễn Thị Yến",
			"Nguyễn|Thị|Yến|given_first|Yến Thị Nguyễn",
			"Lindqvist|Maria|Anna|given_first|Anna Maria Lindqvist",
			"Lindqvist||Anna|family_first|Lindqvist Anna",
			"||Anna|family_first|Anna",
			"' Trần '||' Bình '|family_first|Trần Bình"})
	void displaysThePartsInTheNamesOwnOrder(String family, String middle, String given, String order, String shown) {
		assertThat(new PersonName(family, middle, given, NameOrder.of(order).orElseThrow()).display()).isEqualTo(shown);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", value = {
			"Nguyễn Văn An|Nguyễn|Văn|An|family_first",
			"Nguyen Thi Yen|Nguyen|Thi|Yen|family_first",
			"Yen Nguyen|Nguyen|-|Yen|family_first",
			"Anna Lindqvist|Lindqvist|-|Anna|given_first",
			"Michael Nguyen|Nguyen|-|Michael|given_first",
			"Anna Maria Lindqvist|Lindqvist|Maria|Anna|given_first",
			"Anna|-|-|Anna|given_first"})
	void splitsANameWrittenInOnePieceInTheOrderItIsWritten(String written, String family, String middle, String given,
			String order) {
		var name = PersonName.split(written, NameOrder.GIVEN_FIRST);

		assertThat(name).isEqualTo(new PersonName(family, middle, given, NameOrder.of(order).orElseThrow()));
		assertThat(name.display()).isEqualTo(order.equals("family_first") ? family + (middle == null ? "" : " " + middle)
				+ " " + given : written);
	}

	@Test
	void aNameInOnePieceTheWorkspaceWritesFamilyFirstIsReadFamilyFirst() {
		assertThat(PersonName.split("Tanaka Hiroshi", NameOrder.FAMILY_FIRST))
				.isEqualTo(new PersonName("Tanaka", null, "Hiroshi", NameOrder.FAMILY_FIRST));
	}

	static String[] parts(String name) {
		var p = name.split("\\|", -1);
		return new String[] {blank(p[0]), blank(p[1]), blank(p[2])};
	}

	private static String blank(String text) {
		return text.isEmpty() ? null : text;
	}
}
