package org.sencrm.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Password attempts per client address and login, shared by the sign-in form and the exchange of a
 * password for an API token: {@value #LIMIT} a minute. Per address and login, so one client cannot
 * hammer a login and one login's lockout cannot block others; past the limit the form says to wait
 * and the API answers 429.
 */
@Component
class SignInThrottle {

	static final int LIMIT = 10;

	private final RateLimiter attempts;

	SignInThrottle(Clock clock) {
		this.attempts = new RateLimiter(LIMIT, Duration.ofMinutes(1), clock);
	}

	boolean tryAcquire(HttpServletRequest request, String email) {
		return attempts.tryAcquire(request.getRemoteAddr() + "|" + (email == null ? "" : Users.normalise(email)));
	}

	/** For the web chain, before the form sign-in filter: too many attempts never reach the password check. */
	OncePerRequestFilter formFilter() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if ("POST".equals(request.getMethod())
						&& request.getRequestURI().equals(request.getContextPath() + "/login")
						&& !tryAcquire(request, request.getParameter("email"))) {
					response.sendRedirect(request.getContextPath() + "/login?wait");
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}
}
