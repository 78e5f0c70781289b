package org.sencrm.identity.internal;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: the API ({@code /api/**}) takes Bearer tokens only, without sessions or cookies,
 * so CSRF does not apply; the web UI takes a form sign-in with a session stored in PostgreSQL
 * and CSRF protection on every form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * No observations of Spring Security: nothing here collects traces, and with observations on,
	 * each of its filters, the authentication and the authorization are wrapped in one on every
	 * request, which cost more than reading a person (decision 27). The property
	 * {@code management.observations.enable.spring.security=false} only made them no-ops and kept
	 * the wrapping.
	 */
	@Bean
	static SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder(@org.springframework.beans.factory.annotation.Value("${sen.security.bcrypt-strength:12}") int strength) {
		return new BCryptPasswordEncoder(strength);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, JsonMapper json, MessageSource messages,
			LocaleResolver locales) throws Exception {
		http.securityMatcher("/api/**")
				.authorizeHttpRequests(requests -> requests
						.requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens").permitAll()
						.requestMatchers("/api/v1/public/**").permitAll()
						.requestMatchers(HttpMethod.GET, "/api/**").hasAuthority("SCOPE_read")
						.requestMatchers(HttpMethod.HEAD, "/api/**").hasAuthority("SCOPE_read")
						.anyRequest().hasAuthority("SCOPE_write"))
				.csrf(csrf -> csrf.disable())
				.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(cache -> cache.disable())
				.addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
				.exceptionHandling(errors -> errors
						.authenticationEntryPoint((request, response, e) ->
								problem(request, response, HttpStatus.UNAUTHORIZED, "error.unauthenticated", json, messages, locales))
						.accessDeniedHandler((request, response, e) ->
								problem(request, response, HttpStatus.FORBIDDEN, "error.scope", json, messages, locales)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, SignIn signIn, SignInSuccess signedIn, SignInThrottle throttle) throws Exception {
		// The admin pages check the role again in their controllers and services; this is the outer wall.
		http.authorizeHttpRequests(requests -> requests
						.requestMatchers("/login", "/login/code", "/login/forgot", "/login/reset", "/language", "/calendar/*.ics",
								"/public/consent/*", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
								"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
								"/swagger-ui/**", "/swagger-ui.html").permitAll()
						.requestMatchers("/admin/workspaces", "/admin/workspaces/**").hasRole("INSTANCE_ADMIN")
						.requestMatchers("/admin/**").hasRole("ADMIN")
						.anyRequest().authenticated())
				.authenticationProvider(signIn)
				// an unknown email, a wrong password and a locked login all end on the same page (decision 23)
				.addFilterBefore(throttle.formFilter(), UsernamePasswordAuthenticationFilter.class)
				.formLogin(form -> form.loginPage("/login").usernameParameter("email").successHandler(signedIn)
						.failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath() + "/login?error"))
						.permitAll())
				.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
				// htmx asks for page pieces (search as you type): after the session ended, send the
				// whole page to sign-in rather than the sign-in page into the piece, and do not come
				// back to the piece after signing in
				.requestCache(cache -> cache.requestCache(pagesOnly()))
				.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor((request, response, e) -> {
					response.setHeader("HX-Redirect", request.getContextPath() + "/login");
					response.setStatus(HttpStatus.UNAUTHORIZED.value());
				}, HTMX))
				.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	private static final RequestMatcher HTMX = new RequestHeaderRequestMatcher("HX-Request");

	/**
	 * Scripts only from our own files, never inline (htmx's indicator style is switched off by a meta
	 * tag, its CSS is in app.css); Swagger UI loads files only too. Styles stay allowed inline: the
	 * quote's print page carries its styles in the page, one document for the browser and the PDF
	 * renderer (decision 20). No plugins, no foreign base, forms post only here, no framing.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
			+ "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * Remembers the page a signed-out user asked for, to open it after sign-in: a page the browser
	 * navigated to (it asks for HTML), never an htmx piece, an icon or a script.
	 */
	private static RequestCache pagesOnly() {
		var html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
		var cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
				html, new NegatedRequestMatcher(HTMX)));
		return cache;
	}

	private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			JsonMapper json, MessageSource messages, LocaleResolver locales) throws IOException {
		var locale = locales.resolveLocale(request);
		var problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(code, null, code, locale));
		problem.setType(URI.create("https://sencrm.org/problems/" + code));
		problem.setTitle(messages.getMessage("title." + status.value(), null, status.getReasonPhrase(), locale));
		problem.setProperty("code", code);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

	/** Reads {@code Authorization: Bearer ...}; an invalid token leaves the request anonymous (401 follows). */
	static final class BearerTokenFilter extends OncePerRequestFilter {
		private final ApiTokens tokens;

		BearerTokenFilter(ApiTokens tokens) {
			this.tokens = tokens;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			var header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				tokens.authenticate(header.substring(7).strip()).ifPresent(authentication -> {
					var context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(authentication);
					SecurityContextHolder.setContext(context);
				});
			}
			chain.doFilter(request, response);
		}
	}
}
