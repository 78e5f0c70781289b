package org.sencrm.timeline.email;

import java.time.Clock;
import java.net.URLConnection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.sencrm.directory.Customers;
import org.sencrm.identity.Access;
import org.sencrm.platform.Email;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.timeline.activity.Activities;
import org.sencrm.timeline.activity.Activity;
import org.sencrm.timeline.activity.Attachments;
import org.sencrm.timeline.activity.RichText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending email from a customer's page: from one of the user's templates or from scratch,
 * previewed before sending, sent through the workspace's SMTP server or — without one — kept in
 * the local outbox exactly as it would have gone, with files attached (multipart/mixed). Every
 * sent email is an activity on the timeline, its files the activity's attachments.
 */
@Service
public class EmailSender {


	/**
	 * What to send: to a person, with a template or a subject and body of its own; {@code to}
	 * overrides the person's email; files go along as attachments.
	 */
	public record Composition(UUID personId, UUID templateId, String subject, String body, List<String> to,
			List<Attachment> attachments) {

		public Composition {
			attachments = attachments == null ? List.of() : List.copyOf(attachments);
		}

		public Composition(UUID personId, UUID templateId, String subject, String body, List<String> to) {
			this(personId, templateId, subject, body, to, List.of());
		}
	}

	/** A file sent with an email; the name is cleaned of any folder and the type checked before use. */
	public record Attachment(String fileName, String contentType, byte[] content) {

		private static final Pattern MEDIA_TYPE = Pattern.compile("^[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+$");
		private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

		public Attachment {
			fileName = cleanName(fileName);
			contentType = cleanType(contentType, fileName);
		}

		private static String cleanName(String fileName) {
			var name = fileName == null ? "" : CONTROL.matcher(fileName).replaceAll("");
			name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
			return name.isEmpty() ? "file" : name;
		}

		/** A plain type/subtype as sent, else one guessed from the file name. */
		private static String cleanType(String contentType, String fileName) {
			var type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
			if (MEDIA_TYPE.matcher(type).matches()) {
				return type;
			}
			var guessed = URLConnection.guessContentTypeFromName(fileName);
			return guessed != null ? guessed : "application/octet-stream";
		}
	}

	public record Preview(String from, List<String> to, String subject, String bodyHtml) {
	}

	/**
	 * An email ready to go out — rendered, addressed and checked — about a person and/or an
	 * organization, naming the record of another module it is about ({@code "quote"}), if any.
	 */
	public record Outgoing(UUID personId, UUID organizationId, String recordType, UUID recordId, Preview preview,
			List<Attachment> attachments) {

		public Outgoing {
			attachments = attachments == null ? List.of() : List.copyOf(attachments);
		}
	}

	private final JdbcClient jdbc;
	private final Access access;
	private final Customers customers;
	private final EmailTemplates templates;
	private final Mailboxes mailboxes;
	private final Activities activities;
	private final Attachments attachments;
	private final Clock clock;
	private final MailHosts mailHosts;

	EmailSender(JdbcClient jdbc, Access access, Customers customers, EmailTemplates templates, Mailboxes mailboxes,
			Activities activities, Attachments attachments, Clock clock, MailHosts mailHosts) {
		this.jdbc = jdbc;
		this.access = access;
		this.customers = customers;
		this.templates = templates;
		this.mailboxes = mailboxes;
		this.activities = activities;
		this.attachments = attachments;
		this.clock = clock;
		this.mailHosts = mailHosts;
	}

	@Transactional(readOnly = true)
	public Preview preview(Composition composition) {
		var user = access.currentUser();
		var person = customers.personContact(composition.personId())
				.orElseThrow(() -> new NotFoundException("entity.person"));
		var subjectTemplate = composition.subject();
		var bodyTemplate = composition.body();
		if (composition.templateId() != null) {
			var template = templates.get(composition.templateId());
			subjectTemplate = template.subject();
			bodyTemplate = template.body();
		}
		var problems = new ValidationException.Collector();
		if (subjectTemplate == null || subjectTemplate.isBlank()) {
			problems.add("subject", "validation.required");
		}
		if (bodyTemplate == null || bodyTemplate.isBlank()) {
			problems.add("body", "validation.required");
		}
		var to = recipients(composition.to(), person.email(), problems);
		problems.throwIfAny();
		var fields = MergeFields.of(person, user);
		return new Preview(fromAddress(), to, MergeFields.subject(subjectTemplate, fields).strip(),
				RichText.sanitise(MergeFields.body(bodyTemplate, fields)));
	}

	/**
	 * Sends (or puts in the outbox) and logs the email on the person's timeline, its files kept as
	 * the activity's attachments; returns the activity. Everything is checked before anything is
	 * stored, and the message goes to the server last, so a refusal leaves nothing behind.
	 */
	@Transactional
	public Activity send(Composition composition) {
		access.requireWrite();
		var problems = new ValidationException.Collector();
		checkAttachments(composition.attachments(), problems);
		Preview preview = null;
		try {
			preview = preview(composition);
		} catch (ValidationException e) {
			e.problems().forEach(p -> problems.add(p.field(), p.code(), p.arguments()));
		}
		problems.throwIfAny();
		return deliver(new Outgoing(composition.personId(), null, null, null, preview, composition.attachments()));
	}

	/**
	 * Sends (or puts in the outbox) an email already rendered and checked, logs it on the
	 * customer's timeline with its files as the activity's attachments, and returns the activity.
	 * Everything is stored first and the message goes to the server last, so a refusal rolls back
	 * the caller's whole transaction.
	 */
	@Transactional
	public Activity deliver(Outgoing outgoing) {
		access.requireWrite();
		var user = access.currentUser();
		return deliver(outgoing, user.id(), user.displayName());
	}

	/**
	 * The same for an email the system sends by itself, with no user behind it (a double opt-in
	 * confirmation): logged without an author, sent in the name of {@code senderName}.
	 */
	@Transactional
	public Activity deliverAsSystem(Outgoing outgoing, String senderName) {
		return deliver(outgoing, null, senderName);
	}

	/** The From of emails the system sends by itself: the workspace's address, else one that names no real mailbox. */
	@Transactional(readOnly = true)
	public String systemFromAddress() {
		var configured = mailboxes.settings().fromAddress();
		return configured != null ? configured : "no-reply@sencrm.invalid";
	}

	private Activity deliver(Outgoing outgoing, UUID authorId, String senderName) {
		var preview = outgoing.preview();
		var settings = mailboxes.settings();
		var smtpPassword = settings.sendsBySmtp() ? mailboxes.smtpPassword() : null;
		var messageId = "<" + Ids.next() + "@sencrm>";
		var status = settings.sendsBySmtp() ? "sent" : "outbox";
		var activity = new Activity(Ids.next(), "email", outgoing.personId(), outgoing.organizationId(), outgoing.recordType(),
				outgoing.recordId(), preview.subject(), preview.bodyHtml(), Instant.now(clock), authorId, senderName, "outbound",
				null, null, null, null, List.of(), List.of(), "smtp", messageId, null, messageId, preview.from(), preview.to(),
				List.of(), Instant.now(clock), 0);
		activities.record(activity, null);
		for (var file : outgoing.attachments()) {
			attachments.attachToOutgoingEmail(activity.id(), file.fileName(), file.contentType(), file.content());
		}
		jdbc.sql("""
				insert into outgoing_emails (id, workspace_id, activity_id, message_id, from_address, to_addresses, subject, body_html,
				  attachment_names, status, sent_at)
				values (:id, :ws, :activity, :messageId, :from, :to, :subject, :body, :attachmentNames, :status, :sentAt)""")
				.param("id", Ids.next()).param("ws", WorkspaceContext.workspaceId()).param("activity", activity.id())
				.param("messageId", messageId).param("from", preview.from()).param("to", preview.to().toArray(String[]::new))
				.param("subject", preview.subject()).param("body", preview.bodyHtml())
				.param("attachmentNames", outgoing.attachments().stream().map(Attachment::fileName).toArray(String[]::new))
				.param("status", status).param("sentAt", "sent".equals(status) ? Timestamp.from(Instant.now(clock)) : null)
				.update();
		if (settings.sendsBySmtp()) {
			SmtpDelivery.send(settings, mailHosts.smtp(settings), smtpPassword, preview, outgoing.attachments(), messageId, senderName);
		}
		return activities.get(activity.id());
	}

	/** The From of the workspace's emails: its configured address, else the current user's. */
	@Transactional(readOnly = true)
	public String fromAddress() {
		var configured = mailboxes.settings().fromAddress();
		return configured != null ? configured : access.currentUser().email();
	}

	/** Whether emails go to an SMTP server (else they wait in the outbox). */
	@Transactional(readOnly = true)
	public boolean sendsBySmtp() {
		return mailboxes.settings().sendsBySmtp();
	}

	/** An address of the form the sender accepts ({@link Email}). */
	public static boolean validAddress(String address) {
		return Email.isValid(address);
	}

	@Transactional(readOnly = true)
	public List<OutgoingEmail> outbox() {
		return jdbc.sql("select * from outgoing_emails where workspace_id = :ws order by created_at desc limit 200")
				.param("ws", WorkspaceContext.workspaceId())
				.query((rs, n) -> new OutgoingEmail(rs.getObject("id", UUID.class), rs.getObject("activity_id", UUID.class),
						rs.getString("message_id"), rs.getString("from_address"), List.of((String[]) rs.getArray("to_addresses").getArray()),
						rs.getString("subject"), rs.getString("body_html"),
						List.of((String[]) rs.getArray("attachment_names").getArray()), rs.getString("status"), rs.getString("error"),
						rs.getTimestamp("created_at").toInstant(),
						rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
				.list();
	}

	/** Each file must have content and stay within the attachment limit of the timeline. */
	public void checkAttachments(List<Attachment> files, ValidationException.Collector problems) {
		for (int i = 0; i < files.size(); i++) {
			var file = files.get(i);
			if (file.content() == null || file.content().length == 0) {
				problems.add("attachments[" + i + "]", "validation.attachment-empty", file.fileName());
			} else if (file.content().length > attachments.maxBytes()) {
				problems.add("attachments[" + i + "]", "validation.attachment-too-large", file.fileName(),
						attachments.maxBytes() / (1024 * 1024));
			}
		}
	}

	private static List<String> recipients(List<String> given, String personEmail, ValidationException.Collector problems) {
		var to = new ArrayList<String>();
		var candidates = given == null || given.isEmpty() ? (personEmail == null ? List.<String>of() : List.of(personEmail)) : given;
		for (var address : candidates) {
			Email.parse(address).ifPresent(email -> to.add(email.value()));
		}
		if (to.isEmpty()) {
			problems.add("to", "validation.recipient");
		}
		return to;
	}
}
