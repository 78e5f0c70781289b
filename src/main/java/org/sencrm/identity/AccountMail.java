package org.sencrm.identity;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Mail about a user's own account, sent by the module that owns mail (timeline) through the
 * workspace's mail server. Identity declares it and timeline implements it, so identity does not
 * depend on timeline (decision 23). The caller has bound the user's workspace.
 */
public interface AccountMail {

	/** A link that lets the user choose a new password; it works once, within {@code validFor}. */
	record PasswordReset(UUID workspaceId, UUID userId, String email, String displayName, URI link, Duration validFor,
			Locale locale) {

		@Override
		public String toString() {
			return "PasswordReset[user " + userId + "]"; // the link carries the secret: never printed
		}
	}

	/** Sends the link; without a mail server for the workspace nothing is sent (the link is never stored). */
	void sendPasswordReset(PasswordReset mail);
}
