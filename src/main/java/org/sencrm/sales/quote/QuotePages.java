package org.sencrm.sales.quote;

import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.sencrm.sales.document.DocumentForm;
import org.sencrm.sales.document.DocumentHistoryLines;
import org.sencrm.sales.document.DocumentPages;
import org.sencrm.trash.Trash;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Quote pages: the list (by status and customer), a new quote, a draft's edit form, a quote with its
 * status buttons, and the quote on paper (print, PDF).
 */
@Controller
class QuotePages {

	private final Quotes quotes;
	private final QuoteEmails emails;
	private final QuotePrints prints;
	private final DocumentPages documents;
	private final DocumentHistoryLines history;
	private final Access access;
	private final MessageSource messages;
	private final Trash trash;

	QuotePages(Quotes quotes, QuoteEmails emails, QuotePrints prints, DocumentPages documents, DocumentHistoryLines history,
			Access access, MessageSource messages, Trash trash) {
		this.trash = trash;
		this.history = history;
		this.quotes = quotes;
		this.emails = emails;
		this.prints = prints;
		this.documents = documents;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/quotes")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) UUID personId,
			@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) String cursor, Model model) {
		var page = quotes.list(status, personId, organizationId, null, cursor, 50);
		model.addAttribute("quotes", page.items());
		model.addAttribute("statuses", Quote.STATUSES);
		documents.listFilters(model, "/quotes", status, personId, organizationId, page.nextCursor());
		return "sales/quotes";
	}

	@GetMapping("/quotes/new")
	String newQuote(@RequestParam(required = false) UUID personId, @RequestParam(required = false) UUID organizationId,
			Model model) {
		access.requireWrite();
		var form = new DocumentForm();
		form.setPersonId(personId);
		form.setOrganizationId(organizationId);
		return documents.form(model, "quote", "/quotes", form, Map.of());
	}

	@PostMapping("/quotes")
	String create(@ModelAttribute("form") DocumentForm form, Model model, RedirectAttributes redirect) {
		try {
			var problems = new ValidationException.Collector();
			var lines = form.lineInputs(problems);
			problems.throwIfAny();
			var quote = quotes.create(new QuoteDraft(null, form.getPersonId(), form.getOrganizationId(), null, form.getCurrency(),
					form.getDate(), form.getNotes(), lines, null, null, null));
			redirect.addFlashAttribute("notice", "quote.created");
			return "redirect:/quotes/" + quote.id();
		} catch (ValidationException e) {
			return documents.form(model, "quote", "/quotes", form, FieldMessages.of(e, messages));
		}
	}

	@GetMapping("/quotes/{id}")
	String show(@PathVariable String id, Model model) {
		var quote = quotes.get(Ids.parse(id, "entity.quote"));
		model.addAttribute("quote", quote);
		model.addAttribute("next", Quote.NEXT.get(quote.status()).stream().sorted().toList());
		var canEdit = access.currentUser().canEdit(quote.ownerId(), quote.ownerTeamId());
		model.addAttribute("canEdit", canEdit);
		model.addAttribute("canEmail", canEdit && emails.mayBeSent(quote));
		model.addAttribute("canDelete", trash.mayDelete("quote", quote.id()));
		model.addAttribute("history", history.of("quote", quote.currency(), Map.of(), quotes.history(quote.id())));
		return "sales/quote";
	}

	/** The form of a draft quote; other quotes are refused with the reason (409). */
	@GetMapping("/quotes/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		var quote = quotes.editable(Ids.parse(id, "entity.quote"));
		var form = DocumentForm.of(quote.personId(), quote.organizationId(), quote.currency(), quote.validUntil(), quote.notes(),
				quote.lines(), quote.version());
		return documents.editForm(model, "quote", quote.id(), quote.number(), form, Map.of());
	}

	@PostMapping("/quotes/{id}")
	String update(@PathVariable String id, @ModelAttribute("form") DocumentForm form, Model model, RedirectAttributes redirect) {
		var quote = quotes.editable(Ids.parse(id, "entity.quote"));
		try {
			quotes.revise(quote.id(), form.revision(), form.getVersion());
			redirect.addFlashAttribute("notice", "quote.saved");
			return "redirect:/quotes/" + quote.id();
		} catch (ValidationException e) {
			return documents.editForm(model, "quote", quote.id(), quote.number(), form, FieldMessages.of(e, messages));
		} catch (StaleVersionException e) {
			model.addAttribute("stale", true);
			return documents.editForm(model, "quote", quote.id(), quote.number(), form, Map.of());
		}
	}

	@PostMapping("/quotes/{id}/status")
	String status(@PathVariable String id, @RequestParam String status, @RequestParam int version, RedirectAttributes redirect) {
		var quote = quotes.changeStatus(Ids.parse(id, "entity.quote"), status, version);
		redirect.addFlashAttribute("notice", "quote.statusChanged");
		return "redirect:/quotes/" + quote.id();
	}

	/** The quote as the customer will read it, in the workspace's language; the browser prints it. */
	@GetMapping(path = "/quotes/{id}/print", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> print(@PathVariable String id) {
		return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
				.body(prints.html(quotes.get(Ids.parse(id, "entity.quote"))));
	}

	@GetMapping(path = "/quotes/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> pdf(@PathVariable String id) {
		var quote = quotes.get(Ids.parse(id, "entity.quote"));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header("Content-Disposition", "inline; filename=\"" + quote.number() + ".pdf\"").body(prints.pdf(quote));
	}

	/** Moves the quote to the trash (decision 22); a refusal is shown on its page. */
	@PostMapping("/quotes/{id}/delete")
	String delete(@PathVariable String id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		var quoteId = Ids.parse(id, "entity.quote");
		try {
			quotes.delete(quoteId);
		} catch (org.sencrm.trash.TrashBlockedException blocked) {
			redirect.addFlashAttribute("refusal", blocked.text());
			return "redirect:/quotes/" + quoteId;
		}
		redirect.addFlashAttribute("notice", "trash.moved");
		return "redirect:/quotes";
	}
}
