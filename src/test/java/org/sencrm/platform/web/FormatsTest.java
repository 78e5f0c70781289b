package org.sencrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class FormatsTest {

	private final Formats formats = new Formats();

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void vietnameseReadersGetDongWithoutDecimalsAndDotsBetweenThousands() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));

		assertThat(spaces(formats.money(new BigDecimal("1234567"), "VND"))).isEqualTo("1.234.567 ₫");
		assertThat(formats.number(new BigDecimal("1234.5"))).isEqualTo("1.234,5");
	}

	@Test
	void englishReadersGetCommasBetweenThousands() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		assertThat(formats.money(new BigDecimal("1234567"), "VND")).isEqualTo("₫1,234,567");
		assertThat(formats.money(new BigDecimal("12.5"), "USD")).isEqualTo("$12.50");
		assertThat(formats.number("1234.5")).isEqualTo("1,234.5");
	}

	@Test
	void datesReadDayFirstInVietnameseAndInTheWorkspacesTimeZone() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));

		assertThat(formats.date(LocalDate.of(1990, 3, 15))).isEqualTo("15/03/1990");
		assertThat(formats.isoDate("1990-03-15")).isEqualTo("15/03/1990");
		assertThat(formats.dateTime(Instant.parse("2026-01-31T17:30:00Z"), "Asia/Ho_Chi_Minh")).isEqualTo("01/02/2026 00:30");
	}

	@Test
	void englishDatesSpellTheMonth() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		assertThat(formats.date(LocalDate.of(1990, 3, 15))).isEqualTo("Mar 15, 1990");
	}

	@Test
	void phonesAreShownInTheirInternationalForm() {
		assertThat(formats.phone("+84901234567")).isEqualTo("+84 901 234 567");
	}

	private static String spaces(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}
}
