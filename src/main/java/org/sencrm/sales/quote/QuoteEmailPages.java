package org.sencrm.sales.quote;

import java.util.Map;
import java.util.UUID;

import org.sencrm.platform.Ids;
import org.sencrm.platform.StaleVersionException;
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

/** "Send by email" on a quote's page: choose the recipient, check the prepared subject and message, preview, send. */
@Controller
class QuoteEmailPages {

	/** The send form; {@code version} is the quote's as the page showed it. */
	record SendForm(UUID personId, String to, String subject, String message, Integer version) {

		QuoteEmails.Request request() {
			return new QuoteEmails.Request(personId, to == null ? "" : to, subject == null ? "" : subject,
					message == null ? "" : message);
		}
	}

	private final QuoteEmails emails;
	private final MessageSource messages;

	QuoteEmailPages(QuoteEmails emails, MessageSource messages) {
		this.emails = emails;
		this.messages = messages;
	}

	@GetMapping("/quotes/{id}/email")
	String compose(@PathVariable String id, @RequestParam(required = false) UUID personId, Model model) {
		var compose = emails.compose(Ids.parse(id, "entity.quote"), personId);
		return page(compose, new SendForm(compose.personId(), compose.to(), compose.subject(), compose.message(),
				compose.quote().version()), Map.of(), model);
	}

	@PostMapping("/quotes/{id}/email/preview")
	String preview(@PathVariable String id, SendForm form, Model model) {
		try {
			model.addAttribute("preview", emails.preview(Ids.parse(id, "entity.quote"), form.request()));
		} catch (ValidationException e) {
			model.addAttribute("errors", FieldMessages.of(e, messages));
		}
		return "sales/quote-email :: preview";
	}

	@PostMapping("/quotes/{id}/email")
	String send(@PathVariable String id, SendForm form, Model model, RedirectAttributes redirect) {
		var quoteId = Ids.parse(id, "entity.quote");
		try {
			var result = emails.send(quoteId, form.request(), form.version());
			redirect.addFlashAttribute("notice", result.sent().outbox() ? "quote.emailedToOutbox" : "quote.emailed");
			return "redirect:/quotes/" + quoteId;
		} catch (ValidationException e) {
			return page(emails.compose(quoteId, form.personId()), form, FieldMessages.of(e, messages), model);
		} catch (StaleVersionException e) {
			// someone changed the quote since the page opened: show it again, the text kept, to check before sending
			model.addAttribute("stale", true);
			var fresh = emails.compose(quoteId, form.personId());
			return page(fresh, new SendForm(form.personId(), form.to(), form.subject(), form.message(), fresh.quote().version()),
					Map.of(), model);
		}
	}

	private String page(QuoteEmails.Compose compose, SendForm form, Map<String, String> errors, Model model) {
		model.addAttribute("compose", compose);
		model.addAttribute("quote", compose.quote());
		model.addAttribute("form", form);
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
		}
		return "sales/quote-email";
	}
}
