package org.sencrm.identity.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.identity.CurrentUser;
import org.sencrm.platform.web.Languages;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;

/** After sign-in, the user's saved language becomes the page language on this browser too. */
class LanguageAtSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

	private final LocaleResolver locales;

	LanguageAtSignIn(LocaleResolver locales) {
		this.locales = locales;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws ServletException, IOException {
		if (authentication.getPrincipal() instanceof CurrentUser user && user.language() != null
				&& Languages.supported(user.language())) {
			locales.setLocale(request, response, Locale.forLanguageTag(user.language()));
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}
}
