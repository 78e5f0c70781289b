package org.sencrm.platform.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import org.sencrm.platform.PhoneNumbers;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times, numbers, money and phone numbers as people read them in the page's language,
 * for templates as {@code ${@formats.date(person.birthday)}}. Vietnamese readers expect
 * day/month/year and "1.234.567 ₫"; English ones get the JDK's English forms.
 */
@Component("formats")
public class Formats {

	private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final DateTimeFormatter VI_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
	private static final java.util.Map<String, NumberFormat> MONEY = new java.util.concurrent.ConcurrentHashMap<>();

	public String date(LocalDate date) {
		if (date == null) {
			return "";
		}
		return vietnamese() ? VI_DATE.format(date)
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
	}

	/** The day of a moment, in the workspace's time zone (lists, where the hour is noise). */
	public String date(Instant at, String timeZone) {
		return at == null ? "" : date(at.atZone(zone(timeZone)).toLocalDate());
	}

	/** A date kept as ISO text (custom field values); shown as typed when it is not a date. */
	public String isoDate(String text) {
		try {
			return text == null ? "" : date(LocalDate.parse(text));
		} catch (DateTimeParseException e) {
			return text;
		}
	}

	/** A moment in the workspace's time zone. */
	/** The time of day in the workspace's zone ("09:30" in Vietnamese, "9:30 AM" in English), for calendar cells. */
	public String time(Instant at, String timeZone) {
		if (at == null) {
			return "";
		}
		var local = at.atZone(timeZone == null ? ZoneId.of("Asia/Ho_Chi_Minh") : ZoneId.of(timeZone));
		return vietnamese() ? DateTimeFormatter.ofPattern("HH:mm").format(local)
				: DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale()).format(local);
	}

	public String dateTime(Instant at, String timeZone) {
		if (at == null) {
			return "";
		}
		var local = at.atZone(zone(timeZone));
		return vietnamese() ? VI_DATE_TIME.format(local)
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale()).format(local);
	}

	public String number(Object value) {
		if (value == null) {
			return "";
		}
		try {
			var number = value instanceof Number n ? n : new BigDecimal(String.valueOf(value));
			var format = NumberFormat.getNumberInstance(locale());
			format.setMaximumFractionDigits(6);
			return format.format(number);
		} catch (NumberFormatException e) {
			return String.valueOf(value);
		}
	}

	/** An amount in its currency, with as many decimals as the currency has (none for VND). */
	public String money(Number amount, String currencyCode) {
		if (amount == null) {
			return "";
		}
		var code = currencyCode == null ? "VND" : currencyCode;
		var vietnamese = vietnamese();
		// Making a currency format is costly (a board page shows hundreds of amounts): one prototype per
		// language and currency, cloned for each use because formats are not thread-safe.
		var prototype = MONEY.computeIfAbsent((vietnamese ? "vi:" : "en:") + code, key -> {
			var currency = Currency.getInstance(code);
			var format = NumberFormat.getCurrencyInstance(vietnamese ? Locale.forLanguageTag("vi-VN") : Locale.US);
			format.setCurrency(currency);
			format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
			format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
			return format;
		});
		return ((NumberFormat) prototype.clone()).format(amount);
	}

	public String phone(String e164) {
		return e164 == null ? "" : PhoneNumbers.display(e164);
	}

	private static ZoneId zone(String timeZone) {
		return ZoneId.of(timeZone == null ? "Asia/Ho_Chi_Minh" : timeZone);
	}

	private static boolean vietnamese() {
		return "vi".equals(locale().getLanguage());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
