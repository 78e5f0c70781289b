package org.sencrm.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.identity.CurrentUser;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Changing a password: by its user (who gives the current one), by an administrator (a temporary
 * password the user must change at the next sign-in), or through a reset link. Whenever a password
 * changes, the old one stops working at once, open reset links die, and the user's other web
 * sessions end (all of them, unless the user changed it in this one).
 */
@Service
public class AccountPasswords {

	private final JdbcClient jdbc;
	private final PasswordEncoder encoder;
	private final PasswordRules rules;
	private final SignIn signIn;
	private final Users users;
	private final SignedInSessions sessions;
	private final ApiTokens tokens;
	private final Access access;
	private final Clock clock;

	AccountPasswords(JdbcClient jdbc, PasswordEncoder encoder, PasswordRules rules, SignIn signIn, Users users,
			SignedInSessions sessions, ApiTokens tokens, Access access, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.rules = rules;
		this.signIn = signIn;
		this.users = users;
		this.sessions = sessions;
		this.tokens = tokens;
		this.access = access;
		this.clock = clock;
	}

	/**
	 * The signed-in user changes their own password. A wrong current password is reported on
	 * {@code currentPassword} and counts toward the user's own lockout (not toward anything that
	 * tells about other accounts). Other sessions end; {@code keepSession} is the caller's own.
	 */
	public void change(CurrentUser user, String currentPassword, String newPassword, String keepSession, boolean revokeTokens) {
		var problems = new ValidationException.Collector();
		if (currentPassword == null || currentPassword.isEmpty()) {
			problems.add("currentPassword", "validation.required");
		} else if (!signIn.confirmsPassword(user.id(), currentPassword)) {
			problems.add("currentPassword", "validation.current-password");
		}
		checkNew(user.id(), newPassword, "newPassword", problems);
		problems.throwIfAny();
		users.inTransaction(() -> {
			replace(user.id(), newPassword, false, keepSession);
			return null;
		});
		if (revokeTokens) {
			tokens.revokeAll(user);
		}
	}

	/**
	 * An administrator sets a temporary password: the user must change it at the next sign-in,
	 * and is signed out everywhere now. Only an instance administrator may do it for another
	 * instance administrator. API tokens the user made keep working (decision 23).
	 */
	public void setTemporary(UUID userId, String password) {
		access.requireAdmin();
		var target = users.inTransaction(() -> jdbc.sql("select instance_admin from users where workspace_id = :ws and id = :id")
						.param("ws", WorkspaceContext.workspaceId()).param("id", userId).query(Boolean.class).optional())
				.orElseThrow(() -> new NotFoundException("entity.user"));
		if (target && !access.currentUser().instanceAdmin()) {
			throw new AccessDeniedException("administer-instance");
		}
		var problems = new ValidationException.Collector();
		checkNew(userId, password, "password", problems);
		problems.throwIfAny();
		users.inTransaction(() -> {
			replace(userId, password, true, null);
			return null;
		});
	}

	/** Adds why a new password is refused: the rules, and not the password the user has now. */
	void checkNew(UUID userId, String password, String field, ValidationException.Collector problems) {
		var login = jdbc.sql("select email, password_hash from credentials where user_id = :user").param("user", userId)
				.query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
				.orElseThrow(() -> new NotFoundException("entity.user"));
		var name = WorkspaceContext.current() == null ? null : users.inTransaction(() ->
				jdbc.sql("select display_name from users where workspace_id = :ws and id = :id")
						.param("ws", WorkspaceContext.workspaceId()).param("id", userId).query(String.class).optional().orElse(null));
		var before = problems.size();
		rules.check(password, field, problems, login[0], name);
		if (problems.size() == before && encoder.matches(password, login[1])) {
			problems.add(field, "validation.password-same");
		}
	}

	/**
	 * Stores a new password (the caller has checked it): the old one stops working, the lock and
	 * open reset links are cleared, and every web session of the user but {@code keepSession} ends.
	 */
	void replace(UUID userId, String password, boolean temporary, String keepSession) {
		var now = Timestamp.from(Instant.now(clock));
		jdbc.sql("""
				update credentials set password_hash = :hash, must_change_password = :temporary, password_changed_at = :now,
				  failed_attempts = 0, locked_until = null
				where user_id = :user""")
				.param("hash", encoder.encode(password)).param("temporary", temporary).param("now", now).param("user", userId)
				.update();
		jdbc.sql("update password_resets set used_at = :now where user_id = :user and used_at is null")
				.param("now", now).param("user", userId).update();
		sessions.signOut(userId, keepSession);
	}
}
