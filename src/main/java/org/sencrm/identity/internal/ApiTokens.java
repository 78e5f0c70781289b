package org.sencrm.identity.internal;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.sencrm.identity.CurrentUser;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.AfterCommit;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. A token reads {@code sen_<workspace><token id><secret>}: the ids let the
 * server find it inside its workspace without a cross-tenant lookup; only a SHA-256 hash of the
 * whole token is stored, and the token is shown once, at creation.
 */
@Service
public class ApiTokens {

	public static final List<String> SCOPES = List.of("read", "write");
	private static final String PREFIX = "sen_";
	private static final int ID_HEX = 32;
	private static final SecureRandom random = new SecureRandom();

	public record TokenInfo(UUID id, String name, List<String> scopes, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
	}

	public record CreatedToken(TokenInfo info, String token) {
	}

	private static final Duration USE_PRECISION = Duration.ofMinutes(1);

	private final JdbcClient jdbc;
	private final Users users;
	private final Cache<UUID, Optional<StoredToken>> storedTokens;
	private final Map<UUID, Instant> lastUseWritten = new ConcurrentHashMap<>();
	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Users users, Clock clock, @Value("${sen.security.principal-cache-ttl:PT5S}") Duration ttl) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
		this.storedTokens = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000)
				.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
	}

	@Transactional
	public CreatedToken create(CurrentUser owner, String name, List<String> scopes) {
		var problems = new ValidationException.Collector();
		if (name == null || name.isBlank()) {
			problems.add("name", "validation.required");
		}
		if (scopes == null || scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
			problems.add("scopes", "validation.scopes");
		}
		problems.throwIfAny();
		if (!allowedScopes(owner).containsAll(scopes)) {
			throw AccessDeniedException.because("identity.token-scope-above-role");
		}
		var id = Ids.next();
		var secret = new byte[32];
		random.nextBytes(secret);
		var token = PREFIX + hex(owner.workspaceId()) + hex(id) + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		var distinctScopes = scopes.stream().distinct().sorted().toList();
		jdbc.sql("""
				insert into api_tokens (id, workspace_id, user_id, name, token_hash, scopes)
				values (:id, :ws, :user, :name, :hash, :scopes)""")
				.param("id", id).param("ws", owner.workspaceId()).param("user", owner.id()).param("name", name.strip())
				.param("hash", sha256(token)).param("scopes", distinctScopes.toArray(String[]::new))
				.update();
		return new CreatedToken(new TokenInfo(id, name.strip(), distinctScopes, Instant.now(clock), null, null), token);
	}

	/** The scopes a token of this user may carry: never more than the user's role allows (a viewer only reads). */
	public static List<String> allowedScopes(CurrentUser user) {
		return user.role().writes() ? SCOPES : List.of("read");
	}

	@Transactional(readOnly = true)
	public List<TokenInfo> of(CurrentUser owner) {
		return jdbc.sql("""
				select id, name, scopes, created_at, last_used_at, revoked_at from api_tokens
				where workspace_id = :ws and user_id = :user order by created_at desc""")
				.param("ws", owner.workspaceId()).param("user", owner.id())
				.query((rs, n) -> new TokenInfo(rs.getObject("id", UUID.class), rs.getString("name"),
						List.of((String[]) rs.getArray("scopes").getArray()), rs.getTimestamp("created_at").toInstant(),
						instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
				.list();
	}

	@Transactional
	public void revoke(CurrentUser owner, UUID id) {
		var revoked = jdbc.sql("""
				update api_tokens set revoked_at = now() where workspace_id = :ws and user_id = :user and id = :id and revoked_at is null""")
				.param("ws", owner.workspaceId()).param("user", owner.id()).param("id", id).update();
		if (revoked == 0) {
			throw new NotFoundException("entity.token");
		}
		forget(token -> token.id().equals(id));
	}

	/** Revokes every token of the user at once (from the security page, or with a password change). */
	@Transactional
	public int revokeAll(CurrentUser owner) {
		var revoked = jdbc.sql("update api_tokens set revoked_at = now() where workspace_id = :ws and user_id = :user and revoked_at is null")
				.param("ws", owner.workspaceId()).param("user", owner.id()).update();
		forget(token -> token.userId().equals(owner.id()));
		return revoked;
	}

	/**
	 * Drops the matching tokens from this node's cache now, and again when the revoking transaction
	 * commits, so that a request reading in between cannot keep the token as it was.
	 */
	private void forget(java.util.function.Predicate<StoredToken> revoked) {
		Runnable evict = () -> storedTokens.asMap().values().removeIf(token -> token.isPresent() && revoked.test(token.get()));
		evict.run();
		AfterCommit.run(evict);
	}

	/**
	 * The authentication for a presented token, or empty when it is unknown, revoked or malformed. The
	 * stored token and its user are kept for a few seconds ({@code sen.security.principal-cache-ttl}), so a
	 * request reads nothing for them; revoking on this node applies at once, on another within that time.
	 */
	public Optional<Authentication> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() < PREFIX.length() + 2 * ID_HEX + 20) {
			return Optional.empty();
		}
		UUID workspaceId;
		UUID tokenId;
		try {
			workspaceId = uuid(token.substring(PREFIX.length(), PREFIX.length() + ID_HEX));
			tokenId = uuid(token.substring(PREFIX.length() + ID_HEX, PREFIX.length() + 2 * ID_HEX));
		} catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		var stored = storedTokens.get(tokenId, id -> stored(workspaceId, id));
		if (stored.isEmpty() || !stored.get().workspaceId().equals(workspaceId) || !MessageDigest.isEqual(
				stored.get().hash().getBytes(StandardCharsets.US_ASCII), sha256(token).getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		CurrentUser user;
		try {
			user = users.principal(workspaceId, stored.get().userId());
		} catch (NotFoundException inactive) {
			return Optional.empty();
		}
		recordUse(workspaceId, tokenId);
		// the role as it is now bounds the token: a user demoted to viewer loses write on every token at once
		var effective = stored.get().scopes().stream().filter(allowedScopes(user)::contains).toList();
		return Optional.of(new UsernamePasswordAuthenticationToken(user, null, SignIn.authorities(user, effective)));
	}

	/** A token as stored: whose it is, its hash and scopes; empty when unknown or revoked. */
	private record StoredToken(UUID id, UUID workspaceId, UUID userId, String hash, List<String> scopes) {
	}

	private Optional<StoredToken> stored(UUID workspaceId, UUID tokenId) {
		return WorkspaceContext.callAsSystem(workspaceId, () -> users.inTransaction(() -> jdbc.sql("""
				select user_id, token_hash, scopes from api_tokens where workspace_id = :ws and id = :id and revoked_at is null""")
				.param("ws", workspaceId).param("id", tokenId)
				.query((rs, n) -> new StoredToken(tokenId, workspaceId, rs.getObject(1, UUID.class), rs.getString(2),
						List.of((String[]) rs.getArray(3).getArray())))
				.optional()));
	}

	/**
	 * When a token was last used, to the minute: written at most once a minute per token and node,
	 * not on every request.
	 */
	private void recordUse(UUID workspaceId, UUID tokenId) {
		var now = clock.instant();
		var last = lastUseWritten.get(tokenId);
		if (last != null && last.isAfter(now.minus(USE_PRECISION))) {
			return;
		}
		lastUseWritten.put(tokenId, now);
		WorkspaceContext.runAsSystem(workspaceId, () -> users.inTransaction(() -> jdbc.sql("""
				update api_tokens set last_used_at = :now
				where workspace_id = :ws and id = :id and (last_used_at is null or last_used_at < :now)""")
				.param("now", Timestamp.from(now)).param("ws", workspaceId).param("id", tokenId).update()));
	}

	private static String hex(UUID id) {
		return id.toString().replace("-", "");
	}

	private static UUID uuid(String hex) {
		var h = HexFormat.of().parseHex(hex);
		long msb = 0;
		long lsb = 0;
		for (int i = 0; i < 8; i++) {
			msb = (msb << 8) | (h[i] & 0xff);
			lsb = (lsb << 8) | (h[i + 8] & 0xff);
		}
		return new UUID(msb, lsb);
	}

	static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
