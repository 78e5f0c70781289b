package org.sencrm.timeline.email;

import java.util.List;
import java.util.UUID;

import org.sencrm.identity.AllWorkspaces;
import org.sencrm.platform.Secrets;
import org.sencrm.platform.WorkspaceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At every start, encrypts the mail passwords that are not yet under the current key: plain text
 * saved before passwords were encrypted, and values under {@code sen.secret-key-previous} after the
 * key was changed. A password no key can read is left as it is and named in the log: an
 * administrator must enter it again (decision 7).
 */
@Component
public class MailPasswordEncryption implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MailPasswordEncryption.class);
	private static final List<String> COLUMNS = List.of("smtp_password", "imap_password");

	private final JdbcClient jdbc;
	private final AllWorkspaces workspaces;
	private final Secrets secrets;
	private final TransactionTemplate transactions;

	MailPasswordEncryption(JdbcClient jdbc, AllWorkspaces workspaces, Secrets secrets, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.workspaces = workspaces;
		this.secrets = secrets;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public void run(ApplicationArguments args) {
		var changed = encryptStoredPasswords();
		if (changed > 0) {
			log.info("Encrypted {} stored mail password(s) under the current secret key", changed);
		}
	}

	/** Returns how many passwords were (re-)encrypted. */
	public int encryptStoredPasswords() {
		int changed = 0;
		for (var workspace : workspaces.ids()) {
			changed += WorkspaceContext.callAsSystem(workspace, () -> transactions.execute(status -> encrypt(workspace)));
		}
		return changed;
	}

	private int encrypt(UUID workspace) {
		int changed = 0;
		for (var column : COLUMNS) {
			// only this workspace's row is visible (row-level security); the condition keeps the plan obvious
			var stored = jdbc.sql("select " + column + " from mail_settings where workspace_id = :ws and " + column + " is not null")
					.param("ws", workspace).query(String.class).optional();
			if (stored.isEmpty()) {
				continue;
			}
			try {
				var encrypted = secrets.reencrypted(stored.get());
				if (encrypted.isPresent()) {
					// compare-and-set: another node starting at the same time may have done it already
					changed += jdbc.sql("update mail_settings set " + column + " = :encrypted where workspace_id = :ws and " + column
							+ " = :stored").param("encrypted", encrypted.get()).param("ws", workspace).param("stored", stored.get())
							.update();
				}
			} catch (Secrets.UnreadableSecretException e) {
				log.warn("The {} of workspace {} cannot be decrypted with {}. An administrator must enter it again under "
						+ "Admin → Mail servers (or start with the key it was saved under).", column.replace('_', ' '), workspace,
						secrets.keySource());
			}
		}
		return changed;
	}
}
