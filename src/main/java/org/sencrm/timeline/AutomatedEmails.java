package org.sencrm.timeline;

import java.util.List;
import java.util.UUID;

import org.sencrm.timeline.activity.RichText;
import org.sencrm.timeline.email.EmailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emails the system sends by itself, with no user behind them, on behalf of another module (sales:
 * the confirmation link of a double opt-in to a lead's address). They go the way every email goes —
 * the workspace's SMTP server, else the local outbox — from the workspace's From address, and are
 * logged on the timeline of the record they are about. The caller decides that the email is due.
 */
@Component
public class AutomatedEmails {

	/**
	 * @param to         the one address it goes to
	 * @param bodyHtml   the body as HTML (sanitised before it is stored and sent)
	 * @param senderName the name the email comes from (the workspace's)
	 * @param recordType the caller's record it is about ("lead"), with {@code recordId}
	 */
	public record Message(String to, String subject, String bodyHtml, String senderName, String recordType, UUID recordId) {
	}

	private final EmailSender sender;

	AutomatedEmails(EmailSender sender) {
		this.sender = sender;
	}

	/** Sends (or puts in the outbox) in the caller's transaction, the mail server spoken to last; returns the email activity. */
	@Transactional
	public UUID send(Message message) {
		var preview = new EmailSender.Preview(sender.systemFromAddress(), List.of(message.to().strip().toLowerCase(java.util.Locale.ROOT)),
				message.subject(), RichText.sanitise(message.bodyHtml()));
		return sender.deliverAsSystem(new EmailSender.Outgoing(null, null, message.recordType(), message.recordId(), preview, List.of()),
				message.senderName()).id();
	}
}
