package org.sencrm.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jsoup.nodes.Entities;
import org.sencrm.directory.Customers;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.timeline.activity.RichText;
import org.sencrm.timeline.email.EmailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email to a customer on behalf of another module (sales: a quote with its PDF). It goes the way
 * every email of the timeline goes — the workspace's SMTP server, else the local outbox — and is
 * an email activity on the customer's timeline naming the caller's record, its files the
 * activity's attachments. The message is plain text sent as HTML paragraphs, not a template: what
 * the user read in the preview is what goes out. The caller checks that the user may act on its
 * record; this checks that they write at all.
 */
@Component
public class CustomerEmails {

	static final int MAX_SUBJECT = 300;
	static final int MAX_MESSAGE = 20_000;

	/** Someone a letter to a customer may go to: the person, or a contact of the organization; the email may be missing. */
	public record Recipient(UUID personId, String name, String email) {
	}

	/** A file to send along; its content may be left out for a preview. */
	public record File(String fileName, String contentType, byte[] content) {
	}

	/**
	 * A letter to a customer.
	 *
	 * @param personId       the person it goes to (on their timeline), or null when it is for an organization only
	 * @param organizationId the organization it is for, or null
	 * @param to             one or more addresses, separated by commas or semicolons (required: callers fill in the person's)
	 * @param recordType     the caller's record it is about ("quote"), with {@code recordId}; may be null
	 */
	public record Letter(UUID personId, UUID organizationId, String to, String subject, String message, List<File> files,
			String recordType, UUID recordId) {

		public Letter {
			files = files == null ? List.of() : List.copyOf(files);
		}
	}

	public record Preview(String from, List<String> to, String subject, String bodyHtml, List<String> fileNames) {
	}

	/** What happened: the email activity, the addresses, and whether it waits in the outbox (no SMTP server). */
	public record Sent(UUID activityId, List<String> to, boolean outbox) {
	}

	private final EmailSender sender;
	private final Customers customers;

	CustomerEmails(EmailSender sender, Customers customers) {
		this.sender = sender;
		this.customers = customers;
	}

	/** The person first (if any), then the organization's contacts by name; each once. */
	@Transactional(readOnly = true)
	public List<Recipient> recipients(UUID personId, UUID organizationId) {
		var found = new LinkedHashMap<UUID, Recipient>();
		if (personId != null) {
			customers.personContact(personId).ifPresent(p -> found.put(p.id(), new Recipient(p.id(), p.fullName(), p.email())));
		}
		if (organizationId != null) {
			customers.contactsOf(organizationId)
					.forEach(p -> found.putIfAbsent(p.id(), new Recipient(p.id(), p.fullName(), p.email())));
		}
		return List.copyOf(found.values());
	}

	/** Whether emails go to an SMTP server; without one they wait in the outbox. */
	public boolean sendsBySmtp() {
		return sender.sendsBySmtp();
	}

	/** The letter as it will go out; problems name {@code to}, {@code subject} and {@code message}. */
	@Transactional(readOnly = true)
	public Preview preview(Letter letter) {
		var problems = new ValidationException.Collector();
		var preview = checked(letter, problems);
		problems.throwIfAny();
		return new Preview(preview.from(), preview.to(), preview.subject(), preview.bodyHtml(),
				letter.files().stream().map(f -> new EmailSender.Attachment(f.fileName(), f.contentType(), f.content()).fileName())
						.toList());
	}

	/**
	 * Sends the letter (or puts it in the outbox) in the caller's transaction and logs it on the
	 * customer's timeline. Everything is checked first and the mail server is spoken to last, so a
	 * refusal rolls back the caller's work too.
	 */
	@Transactional
	public Sent send(Letter letter) {
		var problems = new ValidationException.Collector();
		var files = letter.files().stream().map(f -> new EmailSender.Attachment(f.fileName(), f.contentType(), f.content())).toList();
		sender.checkAttachments(files, problems);
		var preview = checked(letter, problems);
		problems.throwIfAny();
		var activity = sender.deliver(new EmailSender.Outgoing(letter.personId(), letter.organizationId(), letter.recordType(),
				letter.recordId(), preview, files));
		return new Sent(activity.id(), preview.to(), !sender.sendsBySmtp());
	}

	/** Plain text as HTML: blank lines part paragraphs, single line breaks stay; nothing in it is markup. */
	public static String html(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return java.util.Arrays.stream(text.strip().replace("\r\n", "\n").split("\n[ \t]*\n+"))
				.map(String::strip).filter(p -> !p.isEmpty())
				.map(p -> "<p>" + Entities.escape(p).replace("\n", "<br>") + "</p>").collect(Collectors.joining());
	}

	private EmailSender.Preview checked(Letter letter, ValidationException.Collector problems) {
		if (letter.personId() == null && letter.organizationId() == null) {
			throw new IllegalArgumentException("A letter to a customer names a person or an organization");
		}
		if (letter.personId() != null && customers.person(letter.personId()).isEmpty()) {
			throw new NotFoundException("entity.person");
		}
		if (letter.organizationId() != null && customers.organization(letter.organizationId()).isEmpty()) {
			throw new NotFoundException("entity.organization");
		}
		var to = new ArrayList<String>();
		var malformed = false;
		var given = letter.to() == null ? new String[0] : letter.to().strip().split("\\s*[,;]\\s*");
		for (var address : given) {
			if (address.isBlank()) {
				continue;
			}
			if (!EmailSender.validAddress(address)) {
				problems.add("to", "validation.email");
				malformed = true;
				break;
			}
			var clean = address.strip().toLowerCase(java.util.Locale.ROOT);
			if (!to.contains(clean)) {
				to.add(clean);
			}
		}
		if (to.isEmpty() && !malformed) {
			problems.add("to", "validation.recipient");
		}
		var subject = letter.subject() == null ? "" : letter.subject().strip().replaceAll("\\s+", " ");
		if (subject.isEmpty()) {
			problems.add("subject", "validation.required");
		} else if (subject.length() > MAX_SUBJECT) {
			problems.add("subject", "validation.too-long");
		}
		var message = letter.message() == null ? "" : letter.message().strip();
		if (message.isEmpty()) {
			problems.add("message", "validation.required");
		} else if (message.length() > MAX_MESSAGE) {
			problems.add("message", "validation.too-long");
		}
		return new EmailSender.Preview(sender.fromAddress(), List.copyOf(to), subject, RichText.sanitise(html(message)));
	}
}
