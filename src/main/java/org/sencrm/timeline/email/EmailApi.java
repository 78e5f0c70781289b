package org.sencrm.timeline.email;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.ETags;
import org.sencrm.timeline.activity.Activity;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Email: templates, preview and send, the local outbox, unmatched incoming mail, mailbox settings. */
@RestController
class EmailApi {

	record TemplateRequest(String name, String subject, String body) {
	}

	record LinkRequest(UUID personId) {
	}

	/** An email to preview or send; files come inline as base64 (decision 7). */
	record EmailRequest(UUID personId, UUID templateId, String subject, String body, List<String> to,
			List<AttachmentRequest> attachments) {

		EmailSender.Composition composition() {
			var files = new ArrayList<EmailSender.Attachment>();
			var problems = new ValidationException.Collector();
			var given = attachments == null ? List.<AttachmentRequest>of() : attachments;
			for (int i = 0; i < given.size(); i++) {
				var file = given.get(i);
				try {
					var content = file == null || file.contentBase64() == null ? new byte[0]
							: Base64.getMimeDecoder().decode(file.contentBase64());
					files.add(new EmailSender.Attachment(file == null ? null : file.fileName(), file == null ? null : file.contentType(),
							content));
				} catch (IllegalArgumentException e) {
					problems.add("attachments[" + i + "].contentBase64", "validation.base64");
				}
			}
			problems.throwIfAny();
			return new EmailSender.Composition(personId, templateId, subject, body, to, files);
		}
	}

	record AttachmentRequest(String fileName, String contentType, String contentBase64) {
	}

	private final EmailTemplates templates;
	private final EmailSender sender;
	private final IncomingEmails incoming;
	private final Mailboxes mailboxes;
	private final MailboxReader reader;
	private final Access access;

	EmailApi(EmailTemplates templates, EmailSender sender, IncomingEmails incoming, Mailboxes mailboxes, MailboxReader reader,
			Access access) {
		this.templates = templates;
		this.sender = sender;
		this.incoming = incoming;
		this.mailboxes = mailboxes;
		this.reader = reader;
		this.access = access;
	}

	@GetMapping("/api/v1/email-templates")
	List<EmailTemplate> templates() {
		return templates.mine();
	}

	@PostMapping("/api/v1/email-templates")
	@ApiBody(required = {"name", "subject", "body"})
	ResponseEntity<EmailTemplate> createTemplate(@RequestBody TemplateRequest request) {
		var template = templates.create(request.name(), request.subject(), request.body());
		return ResponseEntity.created(URI.create("/api/v1/email-templates/" + template.id())).eTag(ETags.of(template.version()))
				.body(template);
	}

	@PutMapping("/api/v1/email-templates/{id}")
	@ApiBody(required = {"name", "subject", "body"})
	ResponseEntity<EmailTemplate> updateTemplate(@PathVariable String id, @RequestBody TemplateRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var templateId = Ids.parse(id, "entity.email-template");
		var expected = ETags.version(ifMatch);
		var template = templates.update(templateId, request.name(), request.subject(), request.body(),
				expected == null ? templates.get(templateId).version() : expected);
		return ResponseEntity.ok().eTag(ETags.of(template.version())).body(template);
	}

	@DeleteMapping("/api/v1/email-templates/{id}")
	ResponseEntity<Void> deleteTemplate(@PathVariable String id) {
		templates.delete(Ids.parse(id, "entity.email-template"));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/emails/preview")
	@ApiBody(required = "personId")
	@ApiResponse(responseCode = "404", description = "No person with personId in the caller's workspace.")
	EmailSender.Preview preview(@RequestBody EmailRequest request) {
		return sender.preview(request.composition());
	}

	@PostMapping("/api/v1/emails")
	@ApiBody(required = "personId")
	@ApiResponse(responseCode = "404", description = "No person with personId in the caller's workspace.")
	ResponseEntity<Activity> send(@RequestBody EmailRequest request) {
		var activity = sender.send(request.composition());
		return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id())).body(activity);
	}

	@GetMapping("/api/v1/emails/outbox")
	List<OutgoingEmail> outbox() {
		return sender.outbox();
	}

	@GetMapping("/api/v1/emails/unmatched")
	List<UnmatchedEmail> unmatched() {
		return incoming.unmatched();
	}

	@PostMapping("/api/v1/emails/unmatched/{id}/link")
	@ApiBody(required = "personId")
	ResponseEntity<Void> link(@PathVariable String id, @RequestBody LinkRequest request) {
		incoming.link(Ids.parse(id, "entity.email"), request.personId());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/emails/unmatched/{id}/create-person")
	Map<String, UUID> createPerson(@PathVariable String id) {
		return Map.of("personId", incoming.createPerson(Ids.parse(id, "entity.email")));
	}

	@GetMapping("/api/v1/mail-settings")
	MailSettings settings() {
		access.requireAdmin();
		return mailboxes.settings().withoutPasswords();
	}

	@PutMapping("/api/v1/mail-settings")
	MailSettings changeSettings(@RequestBody MailSettings settings) {
		return mailboxes.change(settings);
	}

	/** Reads the mailbox now instead of waiting for the background reader (admin). */
	@PostMapping("/api/v1/mail-settings/read-now")
	Map<String, Integer> readNow() {
		access.requireAdmin();
		return Map.of("logged", reader.read(WorkspaceContext.workspaceId()));
	}
}
