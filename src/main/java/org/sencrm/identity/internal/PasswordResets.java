package org.sencrm.identity.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.identity.AccountMail;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A forgotten password: a link by email that works once, for {@link #VALID_FOR}. The token is 256
 * random bits; only its SHA-256 is stored. Asking never tells whether the email has an account:
 * the answer is the same, and all the work is done on another thread, so the answer takes no
 * longer when it exists. The token is handed only to the mail (never to the event publication table, a
 * log or the session: the session keeps its hash while the new password is chosen).
 */
@Service
class PasswordResets {

	static final Duration VALID_FOR = Duration.ofMinutes(30);
	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
	private static final SecureRandom random = new SecureRandom();

	private record Account(UUID userId, UUID workspaceId, String email, String displayName, String language) {
	}

	private final JdbcClient jdbc;
	private final Users users;
	private final AccountPasswords passwords;
	private final ObjectProvider<AccountMail> mail;
	private final TaskExecutor executor;
	private final Clock clock;

	PasswordResets(JdbcClient jdbc, Users users, AccountPasswords passwords, ObjectProvider<AccountMail> mail,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.passwords = passwords;
		this.mail = mail;
		this.executor = executor;
		this.clock = clock;
	}

	/**
	 * Sends a reset link to the email's active account, if there is one; {@code linkBase} is the
	 * address the link starts with (ending in the path, before {@code ?token=}). All the work —
	 * looking the email up, storing the token, sending — happens on another thread, so the caller's
	 * answer takes the same time whether the account exists or not.
	 */
	void request(String email, URI linkBase, Locale fallbackLocale) {
		if (email == null || email.isBlank()) {
			return;
		}
		executor.execute(() -> {
			try {
				prepareAndSend(email, linkBase, fallbackLocale);
			} catch (RuntimeException e) {
				log.warn("A password reset could not be prepared ({})", e.getClass().getSimpleName());
			}
		});
	}

	private void prepareAndSend(String email, URI linkBase, Locale fallbackLocale) {
		var login = jdbc.sql("select user_id, workspace_id, email from credentials where email = :email")
				.param("email", Users.normalise(email))
				.query((rs, n) -> new Account(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), null, null))
				.optional();
		var account = login.flatMap(l -> WorkspaceContext.callAsSystem(l.workspaceId(), () -> {
			try {
				var user = users.load(l.userId()); // active users only
				return Optional.of(new Account(l.userId(), l.workspaceId(), l.email(), user.displayName(),
						user.language() != null ? user.language() : users.workspaceLanguage()));
			} catch (org.sencrm.platform.NotFoundException inactive) {
				return Optional.<Account>empty();
			}
		}));
		if (account.isEmpty()) {
			return;
		}
		var found = account.get();
		var token = newToken();
		var now = Instant.now(clock);
		jdbc.sql("""
				insert into password_resets (token_hash, user_id, created_at, expires_at)
				values (:hash, :user, :now, :expires)""")
				.param("hash", ApiTokens.sha256(token)).param("user", found.userId()).param("now", Timestamp.from(now))
				.param("expires", Timestamp.from(now.plus(VALID_FOR)))
				.update();
		var link = URI.create(linkBase + "?token=" + token);
		var locale = found.language() != null ? Locale.forLanguageTag(found.language()) : fallbackLocale;
		var message = new AccountMail.PasswordReset(found.workspaceId(), found.userId(), found.email(), found.displayName(), link,
				VALID_FOR, locale);
		send(message);
	}

	private void send(AccountMail.PasswordReset message) {
		var sender = mail.getIfAvailable();
		if (sender == null) {
			log.warn("No account mail sender: the password reset for user {} was not sent", message.userId());
			return;
		}
		try {
			WorkspaceContext.runAsSystem(message.workspaceId(), () -> sender.sendPasswordReset(message));
		} catch (RuntimeException e) {
			// the exception's text could quote the message; say only what failed
			log.warn("The password reset email for user {} could not be sent ({})", message.userId(), e.getClass().getSimpleName());
		}
	}

	/** The hash of a presented token when it is known, unused and unexpired. */
	Optional<String> open(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		var hash = ApiTokens.sha256(token.strip());
		return valid(hash) ? Optional.of(hash) : Optional.empty();
	}

	boolean valid(String tokenHash) {
		return tokenHash != null && jdbc.sql("""
				select exists (select 1 from password_resets where token_hash = :hash and used_at is null and expires_at > :now)""")
				.param("hash", tokenHash).param("now", Timestamp.from(Instant.now(clock))).query(Boolean.class).single();
	}

	/**
	 * Sets the new password through the link: checked first, then the link is used up (once,
	 * atomically), every session of the user ends and the old password stops working. False when
	 * the link is no longer valid.
	 */
	boolean complete(String tokenHash, String newPassword) {
		return users.inTransaction(() -> {
			var now = Timestamp.from(Instant.now(clock));
			var userId = jdbc.sql("select user_id from password_resets where token_hash = :hash and used_at is null and expires_at > :now")
					.param("hash", tokenHash).param("now", now).query(UUID.class).optional();
			if (userId.isEmpty()) {
				return false;
			}
			var problems = new ValidationException.Collector();
			passwords.checkNew(userId.get(), newPassword, "newPassword", problems);
			problems.throwIfAny();
			var used = jdbc.sql("update password_resets set used_at = :now where token_hash = :hash and used_at is null and expires_at > :now")
					.param("hash", tokenHash).param("now", now).update();
			if (used == 0) {
				return false;
			}
			passwords.replace(userId.get(), newPassword, false, null);
			return true;
		});
	}

	private static String newToken() {
		var bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
