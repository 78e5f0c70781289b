package org.sencrm.identity.internal;

import java.util.List;
import java.util.Map;

import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /me/tokens}: the user's own API tokens. A new token is shown once, in the answer to
 * the POST that made it, rather than after a redirect: a flash attribute would rest in the
 * session table in PostgreSQL, and the token must exist nowhere but in the user's hands (only
 * its hash is stored).
 */
@Controller
class TokenPages {

	private final ApiTokens tokens;
	private final Access access;
	private final MessageSource messages;

	TokenPages(ApiTokens tokens, Access access, MessageSource messages) {
		this.tokens = tokens;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/me/tokens")
	String list(Model model) {
		return page(model, "", ApiTokens.allowedScopes(access.currentUser()), Map.of());
	}

	@PostMapping("/me/tokens")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> scopes, Model model) {
		try {
			var created = tokens.create(access.currentUser(), name, scopes == null ? List.of() : scopes);
			model.addAttribute("newToken", created.token());
			model.addAttribute("newTokenName", created.info().name());
			return page(model, "", ApiTokens.allowedScopes(access.currentUser()), Map.of());
		} catch (ValidationException e) {
			return page(model, name, scopes == null ? List.of() : scopes, FieldMessages.of(e, messages));
		}
	}

	@PostMapping("/me/tokens/{id}/revoke")
	String revoke(@PathVariable String id, RedirectAttributes redirect) {
		tokens.revoke(access.currentUser(), Ids.parse(id, "entity.token"));
		redirect.addFlashAttribute("notice", "tokens.revoked");
		return "redirect:/me/tokens";
	}

	private String page(Model model, String name, List<String> scopes, Map<String, String> errors) {
		model.addAttribute("tokens", tokens.of(access.currentUser()));
		model.addAttribute("name", name);
		model.addAttribute("chosenScopes", scopes);
		model.addAttribute("scopes", ApiTokens.allowedScopes(access.currentUser())); // only what the role allows
		model.addAttribute("errors", errors);
		return "identity/tokens";
	}
}
