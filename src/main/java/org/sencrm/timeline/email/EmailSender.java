package org.sencrm.timeline.email;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.sencrm.directory.Customers;
import org.sencrm.identity.Access;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.timeline.activity.Activities;
import org.sencrm.timeline.activity.Activity;
import org.sencrm.timeline.activity.RichText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending email from a customer's page: from one of the user's templates or from scratch,
 * previewed before sending, sent through the workspace's SMTP server or — without one — kept in
 * the local outbox exactly as it would have gone. Every sent email is an activity on the timeline.
 */
@Service
public class EmailSender {

	private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	/** What to send: to a person, with a template or a subject and body of its own; {@code to} overrides the person's email. */
	public record Composition(UUID personId, UUID templateId, String subject, String body, List<String> to) {
	}

	public record Preview(String from, List<String> to, String subject, String bodyHtml) {
	}

	private final JdbcClient jdbc;
	private final Access access;
	private final Customers customers;
	private final EmailTemplates templates;
	private final Mailboxes mailboxes;
	private final Activities activities;

	EmailSender(JdbcClient jdbc, Access access, Customers customers, EmailTemplates templates, Mailboxes mailboxes,
			Activities activities) {
		this.jdbc = jdbc;
		this.access = access;
		this.customers = customers;
		this.templates = templates;
		this.mailboxes = mailboxes;
		this.activities = activities;
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
		var settings = mailboxes.settings();
		var from = settings.fromAddress() != null ? settings.fromAddress() : user.email();
		return new Preview(from, to, MergeFields.subject(subjectTemplate, fields).strip(),
				RichText.sanitise(MergeFields.body(bodyTemplate, fields)));
	}

	/** Sends (or puts in the outbox) and logs the email on the person's timeline; returns the activity. */
	@Transactional
	public Activity send(Composition composition) {
		access.requireWrite();
		var user = access.currentUser();
		var preview = preview(composition);
		var settings = mailboxes.settings();
		var messageId = "<" + Ids.next() + "@sencrm>";
		String status = "outbox";
		if (settings.sendsBySmtp()) {
			deliver(settings, preview, messageId, user.displayName());
			status = "sent";
		}
		var activity = new Activity(Ids.next(), "email", composition.personId(), null, null, null, preview.subject(),
				preview.bodyHtml(), Instant.now(), user.id(), user.displayName(), "outbound", null, null, null, null, List.of(),
				List.of(), "smtp", messageId, null, messageId, preview.from(), preview.to(), List.of(), Instant.now(), 0);
		activities.record(activity, null);
		jdbc.sql("""
				insert into outgoing_emails (id, workspace_id, activity_id, message_id, from_address, to_addresses, subject, body_html,
				  status, sent_at)
				values (:id, :ws, :activity, :messageId, :from, :to, :subject, :body, :status, :sentAt)""")
				.param("id", Ids.next()).param("ws", WorkspaceContext.workspaceId()).param("activity", activity.id())
				.param("messageId", messageId).param("from", preview.from()).param("to", preview.to().toArray(String[]::new))
				.param("subject", preview.subject()).param("body", preview.bodyHtml()).param("status", status)
				.param("sentAt", "sent".equals(status) ? Timestamp.from(Instant.now()) : null)
				.update();
		return activities.get(activity.id());
	}

	@Transactional(readOnly = true)
	public List<OutgoingEmail> outbox() {
		return jdbc.sql("select * from outgoing_emails where workspace_id = :ws order by created_at desc limit 200")
				.param("ws", WorkspaceContext.workspaceId())
				.query((rs, n) -> new OutgoingEmail(rs.getObject("id", UUID.class), rs.getObject("activity_id", UUID.class),
						rs.getString("message_id"), rs.getString("from_address"), List.of((String[]) rs.getArray("to_addresses").getArray()),
						rs.getString("subject"), rs.getString("body_html"), rs.getString("status"), rs.getString("error"),
						rs.getTimestamp("created_at").toInstant(),
						rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
				.list();
	}

	private static List<String> recipients(List<String> given, String personEmail, ValidationException.Collector problems) {
		var to = new ArrayList<String>();
		var candidates = given == null || given.isEmpty() ? (personEmail == null ? List.<String>of() : List.of(personEmail)) : given;
		for (var address : candidates) {
			if (address != null && ADDRESS.matcher(address.strip()).matches()) {
				to.add(address.strip().toLowerCase());
			}
		}
		if (to.isEmpty()) {
			problems.add("to", "validation.recipient");
		}
		return to;
	}

	private static void deliver(MailSettings settings, Preview preview, String messageId, String senderName) {
		var sender = new JavaMailSenderImpl();
		sender.setHost(settings.smtpHost());
		sender.setPort(settings.smtpPort());
		sender.setUsername(settings.smtpUsername());
		sender.setPassword(settings.smtpPassword());
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		var properties = new Properties();
		properties.put("mail.smtp.auth", String.valueOf(settings.smtpUsername() != null));
		properties.put("mail.smtp.starttls.enable", String.valueOf(settings.smtpTls()));
		properties.put("mail.smtp.connectiontimeout", "10000");
		properties.put("mail.smtp.timeout", "20000");
		sender.setJavaMailProperties(properties);
		try {
			var message = new MimeMessage(sender.getSession()) {
				@Override
				protected void updateMessageID() throws MessagingException {
					setHeader("Message-ID", messageId);
				}
			};
			message.setFrom(new InternetAddress(preview.from(), senderName, StandardCharsets.UTF_8.name()));
			for (var to : preview.to()) {
				message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
			}
			message.setSubject(preview.subject(), StandardCharsets.UTF_8.name());
			message.setText(preview.bodyHtml(), StandardCharsets.UTF_8.name(), "html");
			sender.send(message);
		} catch (MessagingException | MailException | java.io.UnsupportedEncodingException e) {
			throw new DomainException("email.send-failed", e.getMessage());
		}
	}
}
