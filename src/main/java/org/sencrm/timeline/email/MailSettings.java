package org.sencrm.timeline.email;

/**
 * A workspace's mail servers: SMTP to send (unset: mail goes to the local outbox) and IMAP to
 * log incoming mail. Passwords are write-only: they come in with a change and are stored
 * encrypted; settings read back never carry them ({@link Mailboxes} decrypts them only to connect).
 */
public record MailSettings(String smtpHost, Integer smtpPort, String smtpUsername, String smtpPassword, boolean smtpTls,
		String fromAddress, String imapHost, Integer imapPort, String imapUsername, String imapPassword, boolean imapTls,
		String imapFolder, boolean imapEnabled) {

	public static final MailSettings NONE = new MailSettings(null, null, null, null, true, null, null, null, null, null, true,
			"INBOX", false);

	public boolean sendsBySmtp() {
		return smtpHost != null && !smtpHost.isBlank() && smtpPort != null;
	}

	public boolean readsByImap() {
		return imapEnabled && imapHost != null && !imapHost.isBlank() && imapPort != null;
	}

	/** The same settings without passwords, for display. */
	public MailSettings withoutPasswords() {
		return new MailSettings(smtpHost, smtpPort, smtpUsername, null, smtpTls, fromAddress, imapHost, imapPort, imapUsername,
				null, imapTls, imapFolder, imapEnabled);
	}
}
