package org.sencrm.identity.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.sencrm.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After sign-in, a user with a temporary password can open nothing but the security page until it
 * is changed, and a user whose workspace requires two-factor sign-in nothing but the pages that set
 * it up. What is still to do is kept in the session, marked at sign-in and cleared when done.
 */
@Component
class AccountGate extends OncePerRequestFilter {

	static final String MUST_CHANGE_PASSWORD = "sen.mustChangePassword";
	static final String MUST_SET_UP_TWO_FACTOR = "sen.mustSetUpTwoFactor";
	static final String SECURITY_PAGE = "/me/security";

	private static final List<String> ALWAYS_OPEN = List.of("/logout", "/login", "/language", "/css/", "/js/", "/img/",
			"/favicon.ico", "/error", "/api/");

	/** Marks what the user must do before using the account, at sign-in. */
	static void mark(HttpSession session, SignIn.AccountState state) {
		if (state.mustChangePassword()) {
			session.setAttribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
		}
		if (state.twoFactorRequired() && !state.twoFactorEnabled()) {
			session.setAttribute(MUST_SET_UP_TWO_FACTOR, Boolean.TRUE);
		}
	}

	/** Where to go right after sign-in when something is to do; null when nothing is. */
	static String pending(HttpSession session) {
		return session.getAttribute(MUST_CHANGE_PASSWORD) != null || session.getAttribute(MUST_SET_UP_TWO_FACTOR) != null
				? SECURITY_PAGE : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var session = request.getSession(false);
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication != null && authentication.getPrincipal() instanceof CurrentUser
				&& !allowed(request, session)) {
			var target = request.getContextPath() + SECURITY_PAGE;
			if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Redirect", target);
				response.setStatus(HttpStatus.UNAUTHORIZED.value());
			} else {
				response.sendRedirect(target);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(HttpServletRequest request, HttpSession session) {
		var mustChange = session.getAttribute(MUST_CHANGE_PASSWORD) != null;
		var mustSetUp = session.getAttribute(MUST_SET_UP_TWO_FACTOR) != null;
		if (!mustChange && !mustSetUp) {
			return true;
		}
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (ALWAYS_OPEN.stream().anyMatch(open -> path.equals(open) || open.endsWith("/") && path.startsWith(open))) {
			return true;
		}
		if (path.equals(SECURITY_PAGE) || path.equals(SECURITY_PAGE + "/password")) {
			return true;
		}
		return !mustChange && path.startsWith(SECURITY_PAGE + "/two-factor");
	}
}
