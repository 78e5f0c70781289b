package org.sencrm.timeline.email;

import java.util.Optional;

import org.sencrm.identity.Access;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.Secrets;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the workspace's mail settings (admins only). Passwords are stored encrypted
 * ({@link Secrets}) and leave this class only decrypted for connecting to the server; the settings
 * it answers carry none.
 */
@Service
public class Mailboxes {

	private final JdbcClient jdbc;
	private final Access access;
	private final Secrets secrets;
	private final MailHosts hosts;

	Mailboxes(JdbcClient jdbc, Access access, Secrets secrets, MailHosts hosts) {
		this.jdbc = jdbc;
		this.access = access;
		this.secrets = secrets;
		this.hosts = hosts;
	}

	@Transactional(readOnly = true)
	public MailSettings settings() {
		return find().orElse(MailSettings.NONE);
	}

	Optional<MailSettings> find() {
		return jdbc.sql("select * from mail_settings where workspace_id = :ws").param("ws", WorkspaceContext.workspaceId())
				.query((rs, n) -> new MailSettings(rs.getString("smtp_host"), rs.getObject("smtp_port", Integer.class),
						rs.getString("smtp_username"), null, rs.getBoolean("smtp_tls"),
						rs.getString("from_address"), rs.getString("imap_host"), rs.getObject("imap_port", Integer.class),
						rs.getString("imap_username"), null, rs.getBoolean("imap_tls"),
						rs.getString("imap_folder"), rs.getBoolean("imap_enabled")))
				.optional();
	}

	/** The SMTP password, decrypted for connecting; called inside the caller's transaction. */
	String smtpPassword() {
		return password("smtp_password", "SMTP");
	}

	/** The IMAP password, decrypted for connecting; called inside the caller's transaction. */
	String imapPassword() {
		return password("imap_password", "IMAP");
	}

	private String password(String column, String server) {
		var stored = jdbc.sql("select " + column + " from mail_settings where workspace_id = :ws")
				.param("ws", WorkspaceContext.workspaceId()).query(String.class).optional().orElse(null);
		try {
			return secrets.decrypt(stored);
		} catch (Secrets.UnreadableSecretException e) {
			throw new DomainException("mail.password-unreadable", server, Secrets.KEY_PROPERTY);
		}
	}

	/**
	 * Saves the settings; a new password is stored encrypted. A blank password keeps the stored one
	 * only while host, port and user name stay the same: changing any of them clears it, so nobody
	 * can send the stored password to a server of their choosing. Hosts on private addresses are
	 * refused unless the instance allows them ({@link MailHosts}). Changing the IMAP server restarts
	 * reading from the start.
	 */
	@Transactional
	public MailSettings change(MailSettings wanted) {
		access.requireAdmin();
		var problems = new ValidationException.Collector();
		if (blank(wanted.smtpHost()) != (wanted.smtpPort() == null)) {
			problems.add("smtpPort", "validation.mail-server");
		}
		if (wanted.imapEnabled() && (blank(wanted.imapHost()) || wanted.imapPort() == null)) {
			problems.add("imapHost", "validation.mail-server");
		}
		if (!blank(wanted.fromAddress()) && !wanted.fromAddress().contains("@")) {
			problems.add("fromAddress", "validation.email");
		}
		hosts.check(wanted.smtpHost(), "smtpHost", problems);
		hosts.check(wanted.imapHost(), "imapHost", problems);
		problems.throwIfAny();
		var current = settings();
		var keepSmtpPassword = sameServer(current.smtpHost(), current.smtpPort(), current.smtpUsername(), wanted.smtpHost(),
				wanted.smtpPort(), wanted.smtpUsername());
		var keepImapPassword = sameServer(current.imapHost(), current.imapPort(), current.imapUsername(), wanted.imapHost(),
				wanted.imapPort(), wanted.imapUsername());
		var imapMoved = !java.util.Objects.equals(current.imapHost(), wanted.imapHost())
				|| !java.util.Objects.equals(current.imapUsername(), wanted.imapUsername())
				|| !java.util.Objects.equals(current.imapFolder(), wanted.imapFolder());
		jdbc.sql("""
				insert into mail_settings (workspace_id, smtp_host, smtp_port, smtp_username, smtp_password, smtp_tls, from_address,
				  imap_host, imap_port, imap_username, imap_password, imap_tls, imap_folder, imap_enabled)
				values (:ws, :smtpHost, :smtpPort, :smtpUser, :smtpPassword, :smtpTls, :from, :imapHost, :imapPort, :imapUser,
				  :imapPassword, :imapTls, :folder, :imapEnabled)
				on conflict (workspace_id) do update set smtp_host = excluded.smtp_host, smtp_port = excluded.smtp_port,
				  smtp_username = excluded.smtp_username, smtp_password = case when :keepSmtp then coalesce(excluded.smtp_password, mail_settings.smtp_password)
				    else excluded.smtp_password end,
				  smtp_tls = excluded.smtp_tls,
				  from_address = excluded.from_address, imap_host = excluded.imap_host, imap_port = excluded.imap_port,
				  imap_username = excluded.imap_username, imap_password = case when :keepImap then coalesce(excluded.imap_password, mail_settings.imap_password)
				    else excluded.imap_password end,
				  imap_tls = excluded.imap_tls,
				  imap_folder = excluded.imap_folder, imap_enabled = excluded.imap_enabled, version = mail_settings.version + 1""")
				.param("ws", WorkspaceContext.workspaceId())
				.param("smtpHost", trim(wanted.smtpHost())).param("smtpPort", wanted.smtpPort())
				.param("smtpUser", trim(wanted.smtpUsername()))
				.param("smtpPassword", blank(wanted.smtpPassword()) ? null : secrets.encrypt(wanted.smtpPassword()))
				.param("smtpTls", wanted.smtpTls()).param("from", trim(wanted.fromAddress()))
				.param("imapHost", trim(wanted.imapHost())).param("imapPort", wanted.imapPort())
				.param("imapUser", trim(wanted.imapUsername()))
				.param("imapPassword", blank(wanted.imapPassword()) ? null : secrets.encrypt(wanted.imapPassword()))
				.param("imapTls", wanted.imapTls()).param("folder", blank(wanted.imapFolder()) ? "INBOX" : wanted.imapFolder().strip())
				.param("imapEnabled", wanted.imapEnabled())
				.param("keepSmtp", keepSmtpPassword).param("keepImap", keepImapPassword)
				.update();
		if (imapMoved) {
			jdbc.sql("update mail_settings set imap_uid_validity = null, imap_last_uid = null where workspace_id = :ws")
					.param("ws", WorkspaceContext.workspaceId()).update();
		}
		return settings().withoutPasswords();
	}

	private static boolean sameServer(String host, Integer port, String user, String newHost, Integer newPort, String newUser) {
		return java.util.Objects.equals(lower(host), lower(newHost)) && java.util.Objects.equals(port, newPort)
				&& java.util.Objects.equals(trim(user), trim(newUser));
	}

	private static String lower(String host) {
		return blank(host) ? null : host.strip().toLowerCase(java.util.Locale.ROOT);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String trim(String text) {
		return blank(text) ? null : text.strip();
	}
}
