package org.sencrm.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Vietnamese and English. The language is the user's choice (a cookie, set by the switcher and
 * at sign-in from the user's saved preference), else the browser's, else Vietnamese.
 */
@Configuration(proxyBeanMethods = false)
public class Languages {

	public static final String COOKIE = "sen-lang";
	public static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		return new LocaleResolver() {
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				if (request.getCookies() != null) {
					for (var cookie : request.getCookies()) {
						if (COOKIE.equals(cookie.getName()) && supported(cookie.getValue())) {
							return Locale.forLanguageTag(cookie.getValue());
						}
					}
				}
				var header = request.getHeader("Accept-Language");
				if (header != null && !header.isBlank()) {
					try {
						var match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
						if (match != null) {
							return match;
						}
					} catch (IllegalArgumentException ignored) {
						// a malformed header counts as none
					}
				}
				return SUPPORTED.getFirst();
			}

			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				var cookie = new Cookie(COOKIE, locale == null ? "" : locale.getLanguage());
				cookie.setPath("/");
				cookie.setHttpOnly(true);
				cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
				response.addCookie(cookie);
			}
		};
	}

	public static boolean supported(String language) {
		return "vi".equals(language) || "en".equals(language);
	}
}
