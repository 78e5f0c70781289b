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
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks an email and password. After {@value #FREE_ATTEMPTS} failures in a row the login is
 * locked, first for a minute, then twice as long after each further failure (at most an hour).
 * The counters live in PostgreSQL, so every app node sees the same lock.
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

	private record Credentials(UUID userId, UUID workspaceId, String hash, int failedAttempts, Timestamp lockedUntil) {
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var email = Users.normalise(String.valueOf(authentication.getName()));
		var password = String.valueOf(authentication.getCredentials());
		var user = check(email, password);
		return new UsernamePasswordAuthenticationToken(user, null, authorities(user, List.of("read", "write")));
	}

	/** The user behind an email and password, or an exception saying why not. */
	public CurrentUser check(String rawEmail, String password) {
		var email = Users.normalise(rawEmail == null ? "" : rawEmail);
		var credentials = jdbc.sql("""
				select user_id, workspace_id, password_hash, failed_attempts, locked_until from credentials where email = :email""")
				.param("email", email)
				.query((rs, n) -> new Credentials(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
						rs.getInt(4), rs.getTimestamp(5)))
				.optional();
		if (credentials.isEmpty()) {
			passwords.matches(password, dummyHash); // same work as for a real login, so timing tells nothing
			throw new BadCredentialsException("bad credentials");
		}
		var found = credentials.get();
		var now = Instant.now(clock);
		if (found.lockedUntil() != null && found.lockedUntil().toInstant().isAfter(now)) {
			throw new LockedException("locked");
		}
		if (!passwords.matches(password, found.hash())) {
			var failures = found.failedAttempts() + 1;
			Timestamp lockedUntil = null;
			if (failures >= FREE_ATTEMPTS) {
				var lock = Duration.ofMinutes(1L << Math.min(failures - FREE_ATTEMPTS, 6));
				lockedUntil = Timestamp.from(now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock));
			}
			jdbc.sql("update credentials set failed_attempts = :failures, locked_until = :locked where email = :email")
					.param("failures", failures).param("locked", lockedUntil).param("email", email).update();
			throw new BadCredentialsException("bad credentials");
		}
		if (found.failedAttempts() > 0) {
			jdbc.sql("update credentials set failed_attempts = 0, locked_until = null where email = :email")
					.param("email", email).update();
		}
		try {
			return WorkspaceContext.callAsSystem(found.workspaceId(), () -> users.load(found.userId()));
		} catch (RuntimeException inactive) {
			throw new BadCredentialsException("inactive");
		}
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
