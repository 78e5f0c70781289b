package org.sencrm.identity.internal;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sencrm.identity.CurrentUser;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks an email and password. After {@value #FREE_ATTEMPTS} failures in a row (wrong passwords
 * or wrong second-factor codes) the login is locked, first for a minute, then twice as long after
 * each further failure (at most an hour). The counters live in PostgreSQL, so every app node sees
 * the same lock; each failure is counted by one atomic update.
 */
@Component
public class SignIn implements AuthenticationProvider {

	static final int FREE_ATTEMPTS = 5;
	private static final Duration MAX_LOCK = Duration.ofHours(1);

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final Users users;
	private final String dummyHash;
	private final Clock clock;

	SignIn(JdbcClient jdbc, PasswordEncoder passwords, Users users, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.users = users;
		this.dummyHash = passwords.encode("not-a-real-password");
		this.clock = clock;
	}

	private record Credentials(UUID userId, UUID workspaceId, String email, String hash, int failedAttempts,
			Timestamp lockedUntil) {
	}

	/** What a signed-in user must still do before using the account, read at sign-in. */
	public record AccountState(boolean mustChangePassword, boolean twoFactorEnabled, boolean twoFactorRequired) {
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var email = Users.normalise(String.valueOf(authentication.getName()));
		var password = String.valueOf(authentication.getCredentials());
		var user = check(email, password);
		return new UsernamePasswordAuthenticationToken(user, null, authorities(user, List.of("read", "write")));
	}

	/**
	 * The user behind an email and password, or {@link BadCredentialsException}. An unknown email,
	 * a wrong password, a locked login and a deactivated user are refused alike, after the same
	 * work, so the answer tells nobody whether an account exists or is locked.
	 */
	public CurrentUser check(String rawEmail, String password) {
		var found = credentials("email = :key", Users.normalise(rawEmail == null ? "" : rawEmail));
		if (found.isEmpty()) {
			passwords.matches(password, dummyHash); // same work as for a real login, so timing tells nothing
			throw new BadCredentialsException("bad credentials");
		}
		var credentials = found.get();
		if (!passwords.matches(password, credentials.hash())) {
			recordFailure(credentials.email()); // counted while locked too: every wrong password counts
			throw new BadCredentialsException("bad credentials");
		}
		if (isLocked(credentials)) {
			throw new BadCredentialsException("bad credentials"); // a locked login is not told apart
		}
		if (credentials.failedAttempts() > 0) {
			clearFailures(credentials.userId());
		}
		try {
			return WorkspaceContext.callAsSystem(credentials.workspaceId(), () -> users.load(credentials.userId()));
		} catch (RuntimeException inactive) {
			throw new BadCredentialsException("bad credentials");
		}
	}

	/**
	 * Checks the password of a signed-in user (to change it, or to switch off two-factor sign-in).
	 * A wrong one counts toward the user's own lockout; while locked, no password is right.
	 */
	boolean confirmsPassword(UUID userId, String password) {
		var credentials = credentials("user_id = :key", userId).orElseThrow(() -> new BadCredentialsException("no login"));
		if (password == null || !passwords.matches(password, credentials.hash())) {
			recordFailure(credentials.email());
			return false;
		}
		return !isLocked(credentials);
	}

	/** A wrong second factor counts like a wrong password; false when the login is locked now. */
	boolean recordFailedCode(UUID userId) {
		var credentials = credentials("user_id = :key", userId).orElseThrow(() -> new BadCredentialsException("no login"));
		return !recordFailure(credentials.email());
	}

	/** Is the login of this user locked now (after too many wrong passwords or codes)? */
	boolean isLocked(UUID userId) {
		return credentials("user_id = :key", userId).map(this::isLocked).orElse(true);
	}

	void clearFailures(UUID userId) {
		jdbc.sql("update credentials set failed_attempts = 0, locked_until = null where user_id = :user")
				.param("user", userId).update();
	}

	/**
	 * Counts one failed attempt in a single statement, so attempts that arrive together are all
	 * counted (a read followed by a write would lose some). From the {@value #FREE_ATTEMPTS}th on,
	 * the login locks: a minute, then twice as long after each further failure, at most an hour.
	 * Returns whether the login is locked now.
	 */
	boolean recordFailure(String email) {
		return jdbc.sql("""
				update credentials set failed_attempts = failed_attempts + 1,
				  locked_until = case when failed_attempts + 1 >= :free
				    then cast(:now as timestamptz) + least(interval '1 minute' * power(2, least(failed_attempts + 1 - :free, 6)),
				                                           cast(:max as interval))
				    else locked_until end
				where email = :email
				returning locked_until is not null and locked_until > cast(:now as timestamptz)""")
				.param("free", FREE_ATTEMPTS).param("now", Timestamp.from(Instant.now(clock)))
				.param("max", MAX_LOCK.toMinutes() + " minutes").param("email", email)
				.query(Boolean.class).optional().orElse(false);
	}

	/** What the user must still do: change a temporary password, give a code, set up two-factor sign-in. */
	public AccountState state(CurrentUser user) {
		return jdbc.sql("""
				select c.must_change_password, c.totp_enabled_at is not null,
				  (select w.require_two_factor from workspaces w where w.id = c.workspace_id)
				from credentials c where c.user_id = :user""")
				.param("user", user.id())
				.query((rs, n) -> new AccountState(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
				.optional().orElse(new AccountState(false, false, false));
	}

	private boolean isLocked(Credentials credentials) {
		return credentials.lockedUntil() != null && credentials.lockedUntil().toInstant().isAfter(Instant.now(clock));
	}

	private java.util.Optional<Credentials> credentials(String where, Object key) {
		return jdbc.sql("select user_id, workspace_id, email, password_hash, failed_attempts, locked_until from credentials where "
				+ where)
				.param("key", key)
				.query((rs, n) -> new Credentials(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
						rs.getString(4), rs.getInt(5), rs.getTimestamp(6)))
				.optional();
	}

	static List<GrantedAuthority> authorities(CurrentUser user, List<String> scopes) {
		var authorities = new ArrayList<GrantedAuthority>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
		if (user.instanceAdmin()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_INSTANCE_ADMIN"));
		}
		scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
		return authorities;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
