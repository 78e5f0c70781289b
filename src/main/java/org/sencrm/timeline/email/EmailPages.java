package org.sencrm.timeline.email;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.sencrm.timeline.activity.Attachments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Email pages: compose on a person's page (template or scratch, preview, send), the outbox as
 * sent, incoming mail from unknown senders, the user's templates, and the workspace's mail servers.
 */
@Controller
class EmailPages {

	/** The compose form; an empty template id means "from scratch". Files come as the multipart field {@code attachments}. */
	record ComposeForm(String templateId, String subject, String body, String to) {

		EmailSender.Composition composition(UUID personId) {
			return composition(personId, List.of());
		}

		EmailSender.Composition composition(UUID personId, List<EmailSender.Attachment> files) {
			var template = templateId == null || templateId.isBlank() ? null : Ids.parse(templateId, "entity.email-template");
			var recipients = to == null || to.isBlank() ? List.<String>of() : List.of(to.split("[,;\\s]+"));
			return new EmailSender.Composition(personId, template, subject, body, recipients, files);
		}
	}

	private final EmailSender sender;
	private final EmailTemplates templates;
	private final IncomingEmails incoming;
	private final Mailboxes mailboxes;
	private final Customers customers;
	private final MessageSource messages;
	private final org.sencrm.identity.Access access;
	private final Attachments attachments;

	EmailPages(EmailSender sender, EmailTemplates templates, IncomingEmails incoming, Mailboxes mailboxes, Customers customers,
			MessageSource messages, org.sencrm.identity.Access access, Attachments attachments) {
		this.access = access;
		this.attachments = attachments;
		this.sender = sender;
		this.templates = templates;
		this.incoming = incoming;
		this.mailboxes = mailboxes;
		this.customers = customers;
		this.messages = messages;
	}

	@GetMapping("/persons/{id}/email")
	String compose(@PathVariable String id, Model model) {
		return composePage(Ids.parse(id, "entity.person"), new ComposeForm(null, null, null, null), model);
	}

	@PostMapping("/persons/{id}/email/preview")
	String preview(@PathVariable String id, ComposeForm form, Model model) {
		try {
			model.addAttribute("preview", sender.preview(form.composition(Ids.parse(id, "entity.person"))));
		} catch (ValidationException e) {
			model.addAttribute("errors", FieldMessages.of(e, messages));
		}
		return "timeline/email-compose :: preview";
	}

	@PostMapping("/persons/{id}/email")
	String send(@PathVariable String id, ComposeForm form, @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
			Model model, RedirectAttributes redirect) throws IOException {
		var person = Ids.parse(id, "entity.person");
		var chosen = new ArrayList<EmailSender.Attachment>();
		for (var file : files == null ? List.<MultipartFile>of() : files) {
			// a file input left empty still sends a part, without a name
			if (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()) {
				chosen.add(new EmailSender.Attachment(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
			}
		}
		try {
			sender.send(form.composition(person, chosen));
		} catch (ValidationException e) {
			var errors = FieldMessages.of(e, messages);
			model.addAttribute("errors", errors);
			// one file input stands for every attachments[i]: its messages go under it
			model.addAttribute("fileErrors", errors.entrySet().stream().filter(m -> m.getKey().startsWith("attachments"))
					.map(Map.Entry::getValue).toList());
			return composePage(person, form, model);
		}
		redirect.addFlashAttribute("notice", "email.sent");
		return "redirect:/persons/" + person + "#timeline";
	}

	@GetMapping("/emails/outbox")
	String outbox(Model model) {
		model.addAttribute("emails", sender.outbox());
		model.addAttribute("smtp", mailboxes.settings().sendsBySmtp());
		return "timeline/email-outbox";
	}

	@GetMapping("/emails/unmatched")
	String unmatched(Model model) {
		model.addAttribute("emails", incoming.unmatched());
		return "timeline/email-unmatched";
	}

	@PostMapping("/emails/unmatched/{id}/create-person")
	String createPerson(@PathVariable String id, RedirectAttributes redirect) {
		var person = incoming.createPerson(Ids.parse(id, "entity.email"));
		redirect.addFlashAttribute("notice", "email.personCreated");
		return "redirect:/persons/" + person;
	}

	/** Links the sender to an existing person: the address is added to the person and the email logged on their timeline. */
	@PostMapping("/emails/unmatched/{id}/link")
	String link(@PathVariable String id, @RequestParam(required = false) UUID personId, RedirectAttributes redirect) {
		if (personId == null) {
			redirect.addFlashAttribute("notice", "email.linkChoose");
			return "redirect:/emails/unmatched";
		}
		incoming.link(Ids.parse(id, "entity.email"), personId);
		redirect.addFlashAttribute("notice", "email.linked");
		return "redirect:/persons/" + personId;
	}

	@GetMapping("/me/email-templates")
	String templates(Model model) {
		model.addAttribute("templates", templates.mine());
		model.addAttribute("form", new EmailTemplate(null, null, null, null, 0));
		return "timeline/email-templates";
	}

	@PostMapping("/me/email-templates")
	String createTemplate(@RequestParam String name, @RequestParam String subject, @RequestParam String body, Model model,
			RedirectAttributes redirect) {
		try {
			templates.create(name, subject, body);
		} catch (ValidationException e) {
			model.addAttribute("errors", FieldMessages.of(e, messages));
			model.addAttribute("templates", templates.mine());
			model.addAttribute("form", new EmailTemplate(null, name, subject, body, 0));
			return "timeline/email-templates";
		}
		redirect.addFlashAttribute("notice", "email.templateSaved");
		return "redirect:/me/email-templates";
	}

	@PostMapping("/me/email-templates/{id}/delete")
	String deleteTemplate(@PathVariable String id, RedirectAttributes redirect) {
		templates.delete(Ids.parse(id, "entity.email-template"));
		redirect.addFlashAttribute("notice", "email.templateDeleted");
		return "redirect:/me/email-templates";
	}

	@GetMapping("/admin/mail")
	String mailSettings(Model model) {
		access.requireAdmin();
		model.addAttribute("settings", mailboxes.settings().withoutPasswords());
		return "timeline/mail-settings";
	}

	@PostMapping("/admin/mail")
	String saveMailSettings(MailSettings settings, Model model, RedirectAttributes redirect) {
		try {
			mailboxes.change(settings);
		} catch (ValidationException e) {
			model.addAttribute("errors", FieldMessages.of(e, messages));
			model.addAttribute("settings", settings.withoutPasswords());
			return "timeline/mail-settings";
		}
		redirect.addFlashAttribute("notice", "mail.saved");
		return "redirect:/admin/mail";
	}

	private String composePage(UUID person, ComposeForm form, Model model) {
		var contact = customers.personContact(person).orElseThrow(() -> new NotFoundException("entity.person"));
		model.addAttribute("person", contact);
		model.addAttribute("templates", templates.mine());
		model.addAttribute("form", form);
		model.addAttribute("smtp", mailboxes.settings().sendsBySmtp());
		model.addAttribute("attachmentLimitMb", attachments.maxBytes() / (1024 * 1024));
		return "timeline/email-compose";
	}
}
