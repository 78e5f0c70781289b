package org.sencrm.sales.quote;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.Formats;
import org.sencrm.sales.pricing.LinePricing;
import org.sencrm.timeline.CustomerEmails;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending a quote to the customer by email, its PDF attached, through the timeline's email
 * (the workspace's SMTP server or the outbox; the email lands on the customer's timeline). The
 * subject and message start in the workspace's language, like the PDF, as the customer reads
 * them. Those who may change the quote send it. A draft becomes sent in the same transaction;
 * sent, accepted and rejected quotes go again as a copy and keep their status; an expired quote,
 * or one whose validity date has passed, is refused until it is revised (decision 15).
 */
@Service
public class QuoteEmails {

	/** What to send; a null field takes its default (the quote's person and their email, the prepared subject and message). */
	@Schema(name = "QuoteEmailRequest")
	public record Request(UUID personId, String to, String subject, String message) {
	}

	/** The send form as it opens: who it may go to, and everything prepared. */
	public record Compose(Quote quote, List<CustomerEmails.Recipient> recipients, UUID personId, String to, String subject,
			String message, String fileName, boolean smtp) {
	}

	public record Result(Quote quote, CustomerEmails.Sent sent) {
	}

	static final String RECORD_TYPE = "quote";

	private final Quotes quotes;
	private final QuotePrints prints;
	private final CustomerEmails emails;
	private final Access access;
	private final UserDirectory users;
	private final MessageSource messages;
	private final Formats formats;
	private final Clock clock;

	QuoteEmails(Quotes quotes, QuotePrints prints, CustomerEmails emails, Access access, UserDirectory users,
			MessageSource messages, Formats formats, Clock clock) {
		this.quotes = quotes;
		this.prints = prints;
		this.emails = emails;
		this.access = access;
		this.users = users;
		this.messages = messages;
		this.formats = formats;
		this.clock = clock;
	}

	/** The form for sending this quote, to the chosen recipient (else the quote's person, else the first contact with an email). */
	@Transactional(readOnly = true)
	public Compose compose(UUID quoteId, UUID personId) {
		var quote = sendable(quoteId);
		var recipients = emails.recipients(quote.personId(), quote.organizationId());
		var chosen = chosen(quote, recipients, personId, new ValidationException.Collector());
		return new Compose(quote, recipients, chosen == null ? null : chosen.personId(), chosen == null ? null : chosen.email(),
				defaultSubject(quote), defaultMessage(quote, chosen), fileName(quote), emails.sendsBySmtp());
	}

	/** The email as it will go out (the PDF is named, not rendered). */
	@Transactional(readOnly = true)
	public CustomerEmails.Preview preview(UUID quoteId, Request request) {
		var quote = sendable(quoteId);
		return emails.preview(letter(quote, request, new CustomerEmails.File(fileName(quote), "application/pdf", null)));
	}

	/**
	 * Sends the quote: a draft becomes sent first, then the PDF is made (showing the quote as sent)
	 * and the email goes out last, so a refused email leaves the quote as it was.
	 */
	@Transactional
	public Result send(UUID quoteId, Request request, Integer expectedVersion) {
		var quote = sendable(quoteId);
		if (expectedVersion != null && expectedVersion != quote.version()) {
			throw new StaleVersionException();
		}
		// checked before the status moves, so a bad address changes nothing
		emails.preview(letter(quote, request, null));
		if (quote.draft()) {
			quote = quotes.changeStatus(quote.id(), "sent", quote.version());
		}
		var pdf = prints.pdf(quote);
		var sent = emails.send(letter(quote, request, new CustomerEmails.File(fileName(quote), "application/pdf", pdf)));
		return new Result(quote, sent);
	}

	/** Whether the quote may go out as it is: not expired, and a draft or sent one still within its validity. */
	public boolean mayBeSent(Quote quote) {
		var today = users.workspace().today(clock);
		var open = quote.draft() || "sent".equals(quote.status());
		return !"expired".equals(quote.status()) && !(open && quote.validUntil() != null && quote.validUntil().isBefore(today));
	}

	/** The quote, if this user may send it and it may be sent. */
	private Quote sendable(UUID quoteId) {
		var quote = quotes.get(quoteId);
		access.requireEdit(quote.ownerId(), quote.ownerTeamId());
		if (!mayBeSent(quote)) {
			throw new DomainException("sales.quote.out-of-date", quote.number(), formats.date(quote.validUntil()));
		}
		return quote;
	}

	private CustomerEmails.Letter letter(Quote quote, Request request, CustomerEmails.File file) {
		var problems = new ValidationException.Collector();
		var recipients = emails.recipients(quote.personId(), quote.organizationId());
		var chosen = chosen(quote, recipients, request.personId(), problems);
		problems.throwIfAny();
		if (chosen == null && quote.organizationId() == null) {
			// the quote's customer is gone (deleted): there is no timeline to log it on
			throw new DomainException("sales.quote.no-customer", quote.number());
		}
		var to = request.to() != null ? request.to() : chosen == null ? null : chosen.email();
		var subject = request.subject() != null ? request.subject() : defaultSubject(quote);
		var message = request.message() != null ? request.message() : defaultMessage(quote, chosen);
		return new CustomerEmails.Letter(chosen == null ? null : chosen.personId(), quote.organizationId(), to, subject, message,
				file == null ? List.of() : List.of(file), RECORD_TYPE, quote.id());
	}

	/** The recipient asked for, which must be the quote's person or a contact of its organization; else the default one. */
	private static CustomerEmails.Recipient chosen(Quote quote, List<CustomerEmails.Recipient> recipients, UUID personId,
			ValidationException.Collector problems) {
		if (personId != null) {
			var asked = recipients.stream().filter(r -> r.personId().equals(personId)).findFirst();
			if (asked.isEmpty()) {
				problems.add("personId", "validation.choice");
			}
			return asked.orElse(null);
		}
		return recipients.stream().filter(r -> r.personId().equals(quote.personId())).findFirst()
				.or(() -> recipients.stream().filter(r -> r.email() != null).findFirst())
				.orElse(null);
	}

	private String defaultSubject(Quote quote) {
		var seller = users.workspace().name();
		return prints.inWorkspaceLanguage(locale -> messages.getMessage("quote.email.subject",
				new Object[] {quote.number(), seller}, locale));
	}

	/** The prepared message, greeting the recipient by name in the order the workspace's language writes names. */
	private String defaultMessage(Quote quote, CustomerEmails.Recipient recipient) {
		var seller = users.workspace().name();
		var sender = access.currentUser().displayName();
		return prints.inWorkspaceLanguage(locale -> {
			var greeting = recipient == null ? quote.customerName()
					: emails.recipients(recipient.personId(), null).stream().findFirst().map(CustomerEmails.Recipient::name)
							.orElse(recipient.name());
			return messages.getMessage("quote.email.message", new Object[] {greeting == null ? "" : greeting, seller,
					quote.number(), formats.money(quote.totals().total(), quote.currency()), formats.date(quote.validUntil()), sender},
					locale);
		});
	}

	private static String fileName(Quote quote) {
		return quote.number() + ".pdf";
	}
}
