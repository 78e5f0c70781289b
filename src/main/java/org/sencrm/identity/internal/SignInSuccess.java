package org.sencrm.identity.internal;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.identity.CurrentUser;
import org.sencrm.platform.web.Languages;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.servlet.LocaleResolver;

/**
 * After the password was right. A user with two-factor sign-in is not signed in yet: the session
 * keeps only who is on the way ({@link PendingSignIn}) and the code page follows. Otherwise the
 * user's saved language becomes the page language, a temporary password or a required two-factor
 * setup sends them to the security page, and else to the page they asked for.
 */
@org.springframework.stereotype.Component
class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

	static final String PENDING = "sen.pendingSignIn";

	/** Who gave the right password and still owes a code; good for a few minutes. */
	record PendingSignIn(UUID userId, UUID workspaceId, Instant at) implements Serializable {
		@Serial
		private static final long serialVersionUID = 1L;
	}

	private static final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final LocaleResolver locales;
	private final SignIn signIn;
	private final Clock clock;

	SignInSuccess(LocaleResolver locales, SignIn signIn, Clock clock) {
		this.locales = locales;
		this.signIn = signIn;
		this.clock = clock;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws ServletException, IOException {
		if (!(authentication.getPrincipal() instanceof CurrentUser user)) {
			super.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		var state = signIn.state(user);
		if (state.twoFactorEnabled()) {
			var empty = SecurityContextHolder.createEmptyContext();
			SecurityContextHolder.setContext(empty);
			contexts.saveContext(empty, request, response); // the session is not signed in until the code is right
			request.getSession().setAttribute(PENDING, new PendingSignIn(user.id(), user.workspaceId(), Instant.now(clock)));
			response.sendRedirect(request.getContextPath() + "/login/code");
			return;
		}
		finish(request, response, user, state);
	}

	/** Signs the user in for good (after the password, and the code when one is asked). */
	void finish(HttpServletRequest request, HttpServletResponse response, CurrentUser user, SignIn.AccountState state)
			throws ServletException, IOException {
		var authentication = new UsernamePasswordAuthenticationToken(user, null, SignIn.authorities(user, List.of("read", "write")));
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		var session = request.getSession();
		session.removeAttribute(PENDING);
		AccountGate.mark(session, state);
		if (user.language() != null && Languages.supported(user.language())) {
			locales.setLocale(request, response, Locale.forLanguageTag(user.language()));
		}
		var pending = AccountGate.pending(session);
		if (pending != null) {
			clearAuthenticationAttributes(request);
			response.sendRedirect(request.getContextPath() + pending);
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}
}
