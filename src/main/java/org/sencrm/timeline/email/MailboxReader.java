package org.sencrm.timeline.email;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.jsoup.nodes.Entities;
import org.sencrm.identity.AllWorkspaces;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.timeline.activity.RichText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads each workspace's IMAP mailbox in the background. Progress (UIDVALIDITY and the last UID
 * read) is stored with the settings and advanced in the same transaction as the logged
 * messages, so a restart resumes where it stopped; a transaction-level advisory lock keeps two
 * app nodes from reading one mailbox at once.
 */
@Component
public class MailboxReader {

	private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);
	private static final int BATCH = 200;

	private final JdbcClient jdbc;
	private final AllWorkspaces workspaces;
	private final Mailboxes mailboxes;
	private final IncomingEmails incoming;
	private final TransactionTemplate transactions;
	private final MessageSource messages;
	private final MailHosts mailHosts;

	MailboxReader(JdbcClient jdbc, AllWorkspaces workspaces, Mailboxes mailboxes, IncomingEmails incoming,
			PlatformTransactionManager transactions, MessageSource messages, MailHosts mailHosts) {
		this.jdbc = jdbc;
		this.workspaces = workspaces;
		this.mailboxes = mailboxes;
		this.incoming = incoming;
		this.transactions = new TransactionTemplate(transactions);
		this.messages = messages;
		this.mailHosts = mailHosts;
	}

	@Scheduled(fixedDelayString = "${sen.jobs.mailbox-every:PT2M}", initialDelayString = "PT45S")
	public void readAll() {
		for (var workspace : workspaces.ids()) {
			try {
				read(workspace);
			} catch (DomainException e) {
				log.warn("Reading the mailbox of workspace {} failed: {}", workspace,
						messages.getMessage(e.code(), e.arguments(), e.code(), Locale.ENGLISH));
			} catch (RuntimeException e) {
				log.warn("Reading the mailbox of workspace {} failed: {}", workspace, e.getMessage());
			}
		}
	}

	/**
	 * Reads new messages of one workspace's mailbox; returns how many timeline entries were added.
	 * A server that cannot be reached is noted with the settings; a password that cannot be
	 * decrypted is thrown ({@code mail.password-unreadable}).
	 */
	public int read(UUID workspaceId) {
		return WorkspaceContext.callAsSystem(workspaceId, () -> transactions.execute(status -> {
			var locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('sen-mailbox'), hashtext(:ws))")
					.param("ws", workspaceId.toString()).query(Boolean.class).single();
			var settings = mailboxes.find().orElse(MailSettings.NONE);
			if (!locked || !settings.readsByImap()) {
				return 0;
			}
			try {
				return readNew(workspaceId, settings);
			} catch (MessagingException | IOException e) {
				// kept as our message code, never the server's reply
				var failure = MailFailure.of(e);
				jdbc.sql("update mail_settings set imap_error = :error, imap_checked_at = now() where workspace_id = :ws")
						.param("error", failure.code).param("ws", workspaceId).update();
				log.warn("IMAP read failed for workspace {}: {}", workspaceId,
						messages.getMessage(failure.code, null, failure.code, Locale.ENGLISH));
				return 0;
			}
		}));
	}

	private int readNew(UUID workspaceId, MailSettings settings) throws MessagingException, IOException {
		record Progress(Long validity, Long lastUid) {
		}
		var progress = jdbc.sql("select imap_uid_validity, imap_last_uid from mail_settings where workspace_id = :ws")
				.param("ws", workspaceId)
				.query((rs, n) -> new Progress(rs.getObject(1, Long.class), rs.getObject(2, Long.class))).single();
		var protocol = MailHosts.imapProtocol(settings);
		var properties = mailHosts.imap(settings);
		var password = mailboxes.imapPassword();
		var store = Session.getInstance(properties).getStore(protocol);
		store.connect(settings.imapHost(), settings.imapPort(), settings.imapUsername(), password);
		try {
			var folder = store.getFolder(settings.imapFolder());
			folder.open(Folder.READ_ONLY);
			try {
				var uids = (UIDFolder) folder;
				var validity = uids.getUIDValidity();
				long last = progress.validity() != null && progress.validity() == validity && progress.lastUid() != null
						? progress.lastUid() : 0;
				var messages = uids.getMessagesByUID(last + 1, UIDFolder.LASTUID);
				int logged = 0;
				int read = 0;
				for (var message : messages) {
					var uid = uids.getUID(message);
					if (uid <= last) {
						continue; // IMAP answers the last message even when nothing is newer
					}
					logged += incoming.log(parse((MimeMessage) message));
					last = uid;
					if (++read >= BATCH) {
						break;
					}
				}
				jdbc.sql("""
						update mail_settings set imap_uid_validity = :validity, imap_last_uid = :last, imap_checked_at = now(),
						  imap_error = null where workspace_id = :ws""")
						.param("validity", validity).param("last", last).param("ws", workspaceId).update();
				return logged;
			} finally {
				folder.close(false);
			}
		} finally {
			store.close();
		}
	}

	static IncomingEmail parse(MimeMessage message) throws MessagingException, IOException {
		var from = message.getFrom() == null || message.getFrom().length == 0 ? null : (InternetAddress) message.getFrom()[0];
		var to = new ArrayList<String>();
		for (var type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
			var recipients = message.getRecipients(type);
			if (recipients != null) {
				for (Address address : recipients) {
					if (address instanceof InternetAddress internet && internet.getAddress() != null) {
						to.add(internet.getAddress().toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		var received = message.getReceivedDate() != null ? message.getReceivedDate()
				: message.getSentDate() != null ? message.getSentDate() : new java.util.Date();
		var fromAddress = from == null || from.getAddress() == null ? "unknown@invalid" : from.getAddress().toLowerCase(Locale.ROOT);
		var messageId = message.getMessageID() != null ? message.getMessageID().strip()
				: syntheticId(fromAddress, message.getSubject(), received.toInstant());
		var references = message.getHeader("References", " ");
		return new IncomingEmail(messageId, header(message, "In-Reply-To"),
				references == null ? List.of() : Arrays.stream(references.split("\\s+")).filter(s -> !s.isBlank()).toList(),
				fromAddress, from == null ? null : from.getPersonal(), to, message.getSubject(), RichText.sanitise(body(message)),
				received.toInstant());
	}

	private static String header(MimeMessage message, String name) throws MessagingException {
		var value = message.getHeader(name, " ");
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The HTML part if there is one, else the plain text as HTML. */
	private static String body(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/html")) {
			return String.valueOf(part.getContent());
		}
		if (part.isMimeType("text/plain")) {
			return "<p>" + Entities.escape(String.valueOf(part.getContent())).replace("\n", "<br>") + "</p>";
		}
		if (part.isMimeType("multipart/*")) {
			var multipart = (Multipart) part.getContent();
			String plain = null;
			for (int i = 0; i < multipart.getCount(); i++) {
				var child = multipart.getBodyPart(i);
				if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
					continue;
				}
				var text = body(child);
				if (text != null && child.isMimeType("text/html")) {
					return text;
				}
				if (plain == null) {
					plain = text;
				}
			}
			return plain;
		}
		return null;
	}

	private static String syntheticId(String from, String subject, Instant at) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest((from + "|" + subject + "|" + at).getBytes(StandardCharsets.UTF_8));
			return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@sencrm.generated>";
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
