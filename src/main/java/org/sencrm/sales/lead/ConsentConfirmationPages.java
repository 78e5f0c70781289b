package org.sencrm.sales.lead;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.sencrm.platform.WorkspaceContext;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * {@code /public/consent/{token}}, without sign-in: the page a double opt-in email links to. It
 * asks the visitor to press "Confirm" (a link alone confirms nothing, since mail scanners open
 * links); pressing it records the email consent and thanks them. A used, expired or unknown link
 * says so and changes nothing. In the language of the web form that asked.
 */
@Controller
class ConsentConfirmationPages {

	private final ConsentConfirmations confirmations;
	private final MessageSource messages;
	private final ITemplateEngine templates;

	ConsentConfirmationPages(ConsentConfirmations confirmations, MessageSource messages, ITemplateEngine templates) {
		this.confirmations = confirmations;
		this.messages = messages;
		this.templates = templates;
	}

	@GetMapping("/public/consent/{token}")
	ResponseEntity<String> show(@PathVariable String token, HttpServletRequest request) {
		var workspace = ConsentConfirmations.workspaceOf(token);
		var found = workspace.flatMap(ws -> WorkspaceContext.callAsSystem(ws, () -> confirmations.find(token)));
		if (found.isEmpty()) {
			return page(HttpStatus.NOT_FOUND, Locale.forLanguageTag("vi"), "consent.confirm.unknown", null, null, request);
		}
		var pending = found.get();
		if (pending.confirmed()) {
			return page(HttpStatus.OK, pending.locale(), "consent.confirm.already", null, null, request);
		}
		if (pending.expired()) {
			return page(HttpStatus.GONE, pending.locale(), "consent.confirm.expired", null, null, request);
		}
		return page(HttpStatus.OK, pending.locale(), "consent.confirm.question", pending.address(),
				request.getContextPath() + "/public/consent/" + token, request);
	}

	@PostMapping("/public/consent/{token}")
	ResponseEntity<String> confirm(@PathVariable String token, HttpServletRequest request) {
		var workspace = ConsentConfirmations.workspaceOf(token);
		if (workspace.isEmpty()) {
			return page(HttpStatus.NOT_FOUND, Locale.forLanguageTag("vi"), "consent.confirm.unknown", null, null, request);
		}
		return WorkspaceContext.callAsSystem(workspace.get(), () -> {
			var locale = confirmations.find(token).map(ConsentConfirmations.Pending::locale).orElse(Locale.forLanguageTag("vi"));
			return switch (confirmations.confirm(token)) {
				case CONFIRMED -> page(HttpStatus.OK, locale, "consent.confirm.thanks", null, null, request);
				case ALREADY_CONFIRMED -> page(HttpStatus.OK, locale, "consent.confirm.already", null, null, request);
				case EXPIRED -> page(HttpStatus.GONE, locale, "consent.confirm.expired", null, null, request);
				case UNKNOWN -> page(HttpStatus.NOT_FOUND, locale, "consent.confirm.unknown", null, null, request);
			};
		});
	}

	/** The page: a message, and for a link still waiting the address and the button (a form with the CSRF token). */
	private ResponseEntity<String> page(HttpStatus status, Locale locale, String messageKey, String address, String action,
			HttpServletRequest request) {
		var variables = new HashMap<String, Object>();
		variables.put("title", messages.getMessage("consent.confirm.title", null, locale));
		variables.put("message", messages.getMessage(messageKey, new Object[] {address}, locale));
		variables.put("action", action);
		if (action != null && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
			variables.put("csrfName", csrf.getParameterName());
			variables.put("csrfToken", csrf.getToken());
		}
		var html = templates.process("sales/lead/consent-confirmation", new Context(locale, variables));
		return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
	}
}
