package org.sencrm.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.sencrm.identity.CurrentUser;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The sign-in pages: the form (Spring Security handles its POST and the sign-out), the second
 * step that asks for the authenticator's code, and the forgotten-password pages.
 */
@Controller
class SignInPage {

	private static final Duration CODE_WINDOW = Duration.ofMinutes(5);
	private static final String RESET = "sen.passwordReset";

	private final SignInSuccess success;
	private final SignIn signIn;
	private final TwoFactor twoFactor;
	private final Users users;
	private final PasswordResets resets;
	private final MessageSource messages;
	private final Clock clock;
	private final String publicUrl;
	private final RateLimiter resetRequests;

	SignInPage(SignInSuccess success, SignIn signIn, TwoFactor twoFactor, Users users, PasswordResets resets,
			MessageSource messages, Clock clock, @Value("${sen.public-url:}") String publicUrl) {
		this.success = success;
		this.signIn = signIn;
		this.twoFactor = twoFactor;
		this.users = users;
		this.resets = resets;
		this.messages = messages;
		this.clock = clock;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
		this.resetRequests = new RateLimiter(5, Duration.ofMinutes(15), clock);
	}

	@GetMapping("/login")
	String signIn() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof CurrentUser ? "redirect:/" : "identity/login";
	}

	@GetMapping("/login/code")
	String code(HttpSession session) {
		return pending(session) == null ? "redirect:/login" : "identity/login-code";
	}

	/** The second step: the session becomes signed in only when the code (or a recovery code) is right. */
	@PostMapping("/login/code")
	String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			Model model) throws IOException, ServletException {
		var session = request.getSession();
		var pending = pending(session);
		if (pending == null) {
			return "redirect:/login";
		}
		if (!twoFactor.verify(pending.userId(), code)) {
			if (signIn.isLocked(pending.userId())) {
				session.removeAttribute(SignInSuccess.PENDING);
				return "redirect:/login?error";
			}
			model.addAttribute("errors", Map.of("code", messages.getMessage("validation.code", null, org.springframework.context.i18n.LocaleContextHolder.getLocale())));
			return "identity/login-code";
		}
		CurrentUser user;
		try {
			user = WorkspaceContext.callAsSystem(pending.workspaceId(), () -> users.load(pending.userId()));
		} catch (RuntimeException inactive) {
			session.removeAttribute(SignInSuccess.PENDING);
			return "redirect:/login?error";
		}
		request.changeSessionId(); // a new session id for the signed-in session
		success.finish(request, response, user, signIn.state(user));
		return null;
	}

	private SignInSuccess.PendingSignIn pending(HttpSession session) {
		if (session.getAttribute(SignInSuccess.PENDING) instanceof SignInSuccess.PendingSignIn pending
				&& pending.at().plus(CODE_WINDOW).isAfter(Instant.now(clock))) {
			return pending;
		}
		return null;
	}

	@GetMapping("/login/forgot")
	String forgot() {
		return "identity/login-forgot";
	}

	/** The same answer whether the email has an account or not, and whether it was sent or throttled. */
	@PostMapping("/login/forgot")
	String forgot(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
		if (resetRequests.tryAcquire(request.getRemoteAddr() + "|" + Users.normalise(email))) {
			resets.request(email, linkBase(), request.getLocale());
		}
		model.addAttribute("sent", true);
		return "identity/login-forgot";
	}

	/**
	 * The link from the email: its token is checked, and only its hash goes on in the session, so
	 * the address with the token leaves the browser's bar and history at once.
	 */
	@GetMapping(value = "/login/reset", params = "token")
	String openReset(@RequestParam String token, HttpSession session) {
		var hash = resets.open(token);
		if (hash.isEmpty()) {
			session.removeAttribute(RESET);
			return "redirect:/login/reset?invalid";
		}
		session.setAttribute(RESET, hash.get());
		return "redirect:/login/reset";
	}

	@GetMapping("/login/reset")
	String reset(HttpSession session, Model model) {
		model.addAttribute("valid", resets.valid((String) session.getAttribute(RESET)));
		return "identity/login-reset";
	}

	@PostMapping("/login/reset")
	String reset(@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmPassword,
			HttpSession session, Model model, Locale locale) {
		var hash = (String) session.getAttribute(RESET);
		try {
			if (!newPassword.equals(confirmPassword)) {
				throw new ValidationException(java.util.List.of(
						new ValidationException.FieldProblem("confirmPassword", "validation.password-mismatch")));
			}
			if (hash == null || !resets.complete(hash, newPassword)) {
				model.addAttribute("valid", false);
				return "identity/login-reset";
			}
		} catch (ValidationException e) {
			model.addAttribute("valid", true);
			model.addAttribute("errors", FieldMessages.of(e, messages));
			return "identity/login-reset";
		}
		session.removeAttribute(RESET);
		return "redirect:/login?reset";
	}

	/** Where reset links point: the configured public address, else the address this request came to. */
	private URI linkBase() {
		var base = publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : publicUrl;
		return URI.create(base + "/login/reset");
	}
}
