package org.sencrm.identity.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.sencrm.identity.Access;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /me/security}: the user's password and sign-in security. Change the password (other
 * sessions end; API tokens too if asked), sign out other browsers, revoke every API token, and
 * switch two-factor sign-in on (QR code, a code to confirm, recovery codes shown once) or off.
 * Recovery codes are shown in the answer to the POST that made them, never after a redirect, so
 * they rest in no session (the same reason as for new API tokens).
 */
@Controller
class SecurityPages {

	private final Access access;
	private final AccountPasswords passwords;
	private final TwoFactor twoFactor;
	private final SignIn signIn;
	private final SignedInSessions sessions;
	private final ApiTokens tokens;
	private final MessageSource messages;

	SecurityPages(Access access, AccountPasswords passwords, TwoFactor twoFactor, SignIn signIn, SignedInSessions sessions,
			ApiTokens tokens, MessageSource messages) {
		this.access = access;
		this.passwords = passwords;
		this.twoFactor = twoFactor;
		this.signIn = signIn;
		this.sessions = sessions;
		this.tokens = tokens;
		this.messages = messages;
	}

	@GetMapping(AccountGate.SECURITY_PAGE)
	String page(Model model, HttpSession session) {
		return page(model, session, Map.of());
	}

	@PostMapping(AccountGate.SECURITY_PAGE + "/password")
	String changePassword(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, @RequestParam(defaultValue = "false") boolean revokeTokens,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		var session = request.getSession();
		try {
			if (!newPassword.equals(confirmPassword)) {
				var problems = new ValidationException.Collector();
				problems.add("confirmPassword", "validation.password-mismatch");
				problems.throwIfAny();
			}
			passwords.change(access.currentUser(), currentPassword, newPassword, session.getId(), revokeTokens);
		} catch (ValidationException e) {
			return page(model, session, FieldMessages.of(e, messages));
		}
		request.changeSessionId();
		var wasTemporary = session.getAttribute(AccountGate.MUST_CHANGE_PASSWORD) != null;
		session.removeAttribute(AccountGate.MUST_CHANGE_PASSWORD);
		redirect.addFlashAttribute("notice", "security.passwordChanged");
		return wasTemporary && AccountGate.pending(session) == null ? "redirect:/" : "redirect:" + AccountGate.SECURITY_PAGE;
	}

	@PostMapping(AccountGate.SECURITY_PAGE + "/sessions/sign-out")
	String signOutOthers(HttpSession session, RedirectAttributes redirect) {
		sessions.signOut(access.currentUser().id(), session.getId());
		redirect.addFlashAttribute("notice", "security.sessionsEnded");
		return "redirect:" + AccountGate.SECURITY_PAGE;
	}

	@PostMapping(AccountGate.SECURITY_PAGE + "/tokens/revoke")
	String revokeTokens(RedirectAttributes redirect) {
		tokens.revokeAll(access.currentUser());
		redirect.addFlashAttribute("notice", "security.tokensRevoked");
		return "redirect:" + AccountGate.SECURITY_PAGE;
	}

	@GetMapping(AccountGate.SECURITY_PAGE + "/two-factor")
	String setUp(Model model, RedirectAttributes redirect) {
		if (twoFactor.enabled(access.currentUser().id())) {
			return "redirect:" + AccountGate.SECURITY_PAGE;
		}
		model.addAttribute("setup", twoFactor.begin(access.currentUser()));
		return "identity/two-factor-setup";
	}

	@PostMapping(AccountGate.SECURITY_PAGE + "/two-factor")
	String confirm(@RequestParam(defaultValue = "") String code, HttpSession session, Model model) {
		var user = access.currentUser();
		try {
			model.addAttribute("recoveryCodes", twoFactor.confirm(user, code));
		} catch (ValidationException e) {
			model.addAttribute("errors", FieldMessages.of(e, messages));
			model.addAttribute("setup", twoFactor.begin(user));
			return "identity/two-factor-setup";
		} catch (DomainException notStarted) {
			return "redirect:" + AccountGate.SECURITY_PAGE;
		}
		session.removeAttribute(AccountGate.MUST_SET_UP_TWO_FACTOR);
		return "identity/two-factor-codes";
	}

	@PostMapping(AccountGate.SECURITY_PAGE + "/two-factor/disable")
	String disable(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String code, HttpSession session,
			Model model, RedirectAttributes redirect) {
		var user = access.currentUser();
		if (signIn.state(user).twoFactorRequired()) {
			redirect.addFlashAttribute("notice", "security.twoFactorRequiredByWorkspace");
			return "redirect:" + AccountGate.SECURITY_PAGE;
		}
		try {
			twoFactor.disable(user, password, code);
		} catch (ValidationException e) {
			return page(model, session, FieldMessages.of(e, messages));
		}
		redirect.addFlashAttribute("notice", "security.twoFactorOff");
		return "redirect:" + AccountGate.SECURITY_PAGE;
	}

	private String page(Model model, HttpSession session, Map<String, String> errors) {
		var user = access.currentUser();
		var state = signIn.state(user);
		model.addAttribute("mustChangePassword", session.getAttribute(AccountGate.MUST_CHANGE_PASSWORD) != null);
		model.addAttribute("mustSetUpTwoFactor", session.getAttribute(AccountGate.MUST_SET_UP_TWO_FACTOR) != null);
		model.addAttribute("twoFactorOn", state.twoFactorEnabled());
		model.addAttribute("twoFactorRequired", state.twoFactorRequired());
		model.addAttribute("recoveryCodesLeft", state.twoFactorEnabled() ? twoFactor.recoveryCodesLeft(user.id()) : 0);
		model.addAttribute("otherSessions", Math.max(0, sessions.count(user.id()) - 1));
		model.addAttribute("activeTokens", tokens.of(user).stream().filter(t -> t.revokedAt() == null).count());
		model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
		model.addAttribute("errors", errors);
		return "identity/security";
	}
}
