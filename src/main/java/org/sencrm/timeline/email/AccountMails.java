package org.sencrm.timeline.email;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.sencrm.identity.AccountMail;
import org.sencrm.platform.Ids;
import org.sencrm.timeline.email.EmailSender.Preview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Sends identity's account mail (a password reset link) through the workspace's SMTP server. Without
 * one, nothing is sent: the local outbox is read by everyone in the workspace, and a reset link
 * there would let a colleague take over the account. The link is never stored or logged.
 */
@Component
class AccountMails implements AccountMail {

	private static final Logger log = LoggerFactory.getLogger(AccountMails.class);

	private final Mailboxes mailboxes;
	private final MessageSource messages;
	private final TransactionTemplate readOnly;
	private final MailHosts mailHosts;

	AccountMails(Mailboxes mailboxes, MessageSource messages, PlatformTransactionManager transactions, MailHosts mailHosts) {
		this.mailboxes = mailboxes;
		this.mailHosts = mailHosts;
		this.messages = messages;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	@Override
	public void sendPasswordReset(PasswordReset mail) {
		record Server(MailSettings settings, String password) {
		}
		var server = readOnly.execute(status -> {
			var settings = mailboxes.settings();
			return new Server(settings, settings.sendsBySmtp() ? mailboxes.smtpPassword() : null);
		});
		if (server == null || !server.settings().sendsBySmtp()) {
			log.warn("A password reset was asked for user {} of workspace {}, which has no mail server: no email was sent."
					+ " An administrator can set a temporary password instead.", mail.userId(), mail.workspaceId());
			return;
		}
		var locale = mail.locale();
		var appName = messages.getMessage("app.name", null, locale);
		var minutes = mail.validFor().toMinutes();
		var link = HtmlUtils.htmlEscape(mail.link().toString(), StandardCharsets.UTF_8.name());
		var body = "<p>" + HtmlUtils.htmlEscape(messages.getMessage("resetMail.greeting", new Object[] {mail.displayName()}, locale))
				+ "</p><p>" + HtmlUtils.htmlEscape(messages.getMessage("resetMail.intro", new Object[] {appName}, locale)) + "</p>"
				+ "<p><a href=\"" + link + "\">" + link + "</a></p>"
				+ "<p>" + HtmlUtils.htmlEscape(messages.getMessage("resetMail.expiry", new Object[] {minutes}, locale)) + "</p>"
				+ "<p>" + HtmlUtils.htmlEscape(messages.getMessage("resetMail.notYou", null, locale)) + "</p>";
		var from = server.settings().fromAddress() != null ? server.settings().fromAddress()
				: EmailSender.validAddress(server.settings().smtpUsername()) ? server.settings().smtpUsername() : mail.email();
		var preview = new Preview(from, List.of(mail.email()), messages.getMessage("resetMail.subject", new Object[] {appName}, locale),
				body);
		SmtpDelivery.send(server.settings(), mailHosts.smtp(server.settings()), server.password(), preview, List.of(), "<" + Ids.next() + "@sencrm>", appName);
	}
}
