package org.sencrm.identity.internal;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.identity.CurrentUser;
import org.sencrm.platform.web.Languages;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * {@code GET /language?lang=vi|en}: remembers the choice in the language cookie and, for a
 * signed-in user, on the user, then goes back to the page the switch was clicked on.
 */
@Controller
class LanguageSwitch {

	private final LocaleResolver locales;
	private final Users users;

	LanguageSwitch(LocaleResolver locales, Users users) {
		this.locales = locales;
		this.users = users;
	}

	@GetMapping("/language")
	String switchTo(@RequestParam(defaultValue = "") String lang, @RequestHeader(name = "Referer", required = false) String referer,
			HttpServletRequest request, HttpServletResponse response) {
		if (Languages.supported(lang)) {
			locales.setLocale(request, response, Locale.forLanguageTag(lang));
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
				users.setLanguage(user.id(), lang);
			}
		}
		return "redirect:" + localPath(referer);
	}

	/** Only the path and query of the referring page, so the switch can never send anyone to another site. */
	static String localPath(String referer) {
		try {
			var uri = URI.create(referer == null ? "/" : referer);
			var path = uri.getRawPath();
			if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/language")) {
				return "/";
			}
			return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
		} catch (IllegalArgumentException e) {
			return "/";
		}
	}
}
