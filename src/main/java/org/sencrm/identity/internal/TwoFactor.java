package org.sencrm.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.sencrm.identity.CurrentUser;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.Ids;
import org.sencrm.platform.Secrets;
import org.sencrm.platform.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Two-factor sign-in with time-based one-time codes (RFC 6238: 6 digits, 30-second steps,
 * HMAC-SHA1, what every authenticator app reads from the QR code). The secret is stored encrypted
 * ({@link Secrets}); it counts only once confirmed with a code. A code is accepted one step early or
 * late (clocks drift), and never twice: the last step used is kept. Ten recovery codes, shown once,
 * stand in for a lost phone; each is stored as a salted SHA-256 and works once.
 */
@Service
public class TwoFactor {

	static final int RECOVERY_CODES = 10;
	private static final String ISSUER = "Sen CRM";
	private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
	private static final SecureRandom random = new SecureRandom();
	private static final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();

	/** A secret waiting for its first code: as text and as the otpauth:// address in the QR code. */
	public record Setup(String secret, String otpauthUri, String qrCode) {
	}

	private final JdbcClient jdbc;
	private final Secrets secrets;
	private final SignIn signIn;
	private final Users users;
	private final Clock clock;

	TwoFactor(JdbcClient jdbc, Secrets secrets, SignIn signIn, Users users, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.signIn = signIn;
		this.users = users;
		this.clock = clock;
	}

	public boolean enabled(UUID userId) {
		return jdbc.sql("select totp_enabled_at is not null from credentials where user_id = :user").param("user", userId)
				.query(Boolean.class).optional().orElse(false);
	}

	/** The users of a workspace who sign in with two factors. */
	java.util.Set<UUID> enabledIn(UUID workspaceId) {
		return java.util.Set.copyOf(jdbc.sql("select user_id from credentials where workspace_id = :ws and totp_enabled_at is not null")
				.param("ws", workspaceId).query(UUID.class).list());
	}

	/** A new secret for the user to scan; replaces one not yet confirmed. Refused while two-factor sign-in is on. */
	public Setup begin(CurrentUser user) {
		if (enabled(user.id())) {
			throw new DomainException("identity.two-factor-already-on");
		}
		var secret = pendingSecret(user.id());
		if (secret == null) {
			var bytes = new byte[20]; // 160 bits, as RFC 4226 recommends
			random.nextBytes(bytes);
			secret = Base32.encode(bytes);
			jdbc.sql("update credentials set totp_secret = :secret, totp_last_step = null where user_id = :user")
					.param("secret", secrets.encrypt(secret)).param("user", user.id()).update();
		}
		return setup(user, secret);
	}

	private Setup setup(CurrentUser user, String secret) {
		var label = ISSUER + ":" + user.email();
		var uri = "otpauth://totp/" + encode(label) + "?secret=" + secret + "&issuer=" + encode(ISSUER)
				+ "&algorithm=SHA1&digits=6&period=30";
		return new Setup(secret.replaceAll("(.{4})(?!$)", "$1 "), uri, QrCodes.dataUri(uri));
	}

	/** The first right code switches two-factor sign-in on; returns the recovery codes, shown only this once. */
	public List<String> confirm(CurrentUser user, String code) {
		var secret = pendingSecret(user.id());
		if (secret == null || enabled(user.id())) {
			throw new DomainException("identity.two-factor-not-started");
		}
		var step = matchingStep(secret, code);
		if (step < 0) {
			signIn.recordFailedCode(user.id());
			throw new ValidationException(List.of(new ValidationException.FieldProblem("code", "validation.code")));
		}
		return users.inTransaction(() -> {
			jdbc.sql("update credentials set totp_enabled_at = :now, totp_last_step = :step where user_id = :user")
					.param("now", Timestamp.from(Instant.now(clock))).param("step", step).param("user", user.id()).update();
			return newRecoveryCodes(user.id());
		});
	}

	/** Switching it off asks for the password and a code (or a recovery code). */
	public void disable(CurrentUser user, String password, String code) {
		var problems = new ValidationException.Collector();
		if (!signIn.confirmsPassword(user.id(), password)) {
			problems.add("password", "validation.current-password");
		} else if (!verify(user.id(), code)) {
			problems.add("code", "validation.code");
		}
		problems.throwIfAny();
		turnOff(user.id());
	}

	/** An administrator turns it off for a user who lost the phone and the recovery codes. */
	void turnOff(UUID userId) {
		users.inTransaction(() -> {
			jdbc.sql("update credentials set totp_secret = null, totp_enabled_at = null, totp_last_step = null where user_id = :user")
					.param("user", userId).update();
			jdbc.sql("delete from recovery_codes where user_id = :user").param("user", userId).update();
			return null;
		});
	}

	/**
	 * Is this the user's current code, not used before, or one of the unused recovery codes (then
	 * used up)? A wrong code counts toward the lockout; while locked, no code is right.
	 */
	boolean verify(UUID userId, String code) {
		if (signIn.isLocked(userId)) {
			return false;
		}
		var ok = code != null && (verifyTotp(userId, code) || useRecoveryCode(userId, code));
		if (!ok) {
			signIn.recordFailedCode(userId);
		} else {
			signIn.clearFailures(userId);
		}
		return ok;
	}

	private boolean verifyTotp(UUID userId, String code) {
		var stored = jdbc.sql("select totp_secret from credentials where user_id = :user and totp_enabled_at is not null")
				.param("user", userId).query(String.class).optional();
		if (stored.isEmpty()) {
			return false;
		}
		var step = matchingStep(secrets.decrypt(stored.get()), code);
		// one statement: two requests with the same code cannot both pass
		return step >= 0 && jdbc.sql("""
				update credentials set totp_last_step = :step where user_id = :user and (totp_last_step is null or totp_last_step < :step)""")
				.param("step", step).param("user", userId).update() == 1;
	}

	private boolean useRecoveryCode(UUID userId, String code) {
		var plain = code.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
		if (plain.length() != 10) {
			return false;
		}
		record Stored(UUID id, byte[] salt, byte[] hash) {
		}
		var codes = jdbc.sql("select id, salt, code_hash from recovery_codes where user_id = :user and used_at is null")
				.param("user", userId).query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getBytes(3))).list();
		for (var candidate : codes) {
			if (MessageDigest.isEqual(hash(candidate.salt(), plain), candidate.hash())) {
				return jdbc.sql("update recovery_codes set used_at = :now where id = :id and used_at is null")
						.param("now", Timestamp.from(Instant.now(clock))).param("id", candidate.id()).update() == 1;
			}
		}
		return false;
	}

	/** How many recovery codes are left. */
	public int recoveryCodesLeft(UUID userId) {
		return jdbc.sql("select count(*) from recovery_codes where user_id = :user and used_at is null").param("user", userId)
				.query(Integer.class).single();
	}

	private List<String> newRecoveryCodes(UUID userId) {
		jdbc.sql("delete from recovery_codes where user_id = :user").param("user", userId).update();
		var codes = new ArrayList<String>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			var chars = new char[10]; // 10 of 31 letters and digits: about 50 bits, salted and hashed (ASVS 2.6.2)
			for (int c = 0; c < chars.length; c++) {
				chars[c] = RECOVERY_ALPHABET[random.nextInt(RECOVERY_ALPHABET.length)];
			}
			var code = new String(chars);
			var salt = new byte[16];
			random.nextBytes(salt);
			jdbc.sql("insert into recovery_codes (id, user_id, salt, code_hash) values (:id, :user, :salt, :hash)")
					.param("id", Ids.next()).param("user", userId).param("salt", salt).param("hash", hash(salt, code)).update();
			codes.add(code.substring(0, 5) + "-" + code.substring(5));
		}
		return codes;
	}

	/** The time step whose code this is, within one step of now; -1 when none. */
	private long matchingStep(String secret, String code) {
		var digits = code == null ? "" : code.replaceAll("\\s", "");
		if (!digits.matches("\\d{6}")) {
			return -1;
		}
		var key = new SecretKeySpec(Base32.decode(secret), "HmacSHA1");
		var now = Instant.now(clock);
		var stepSeconds = totp.getTimeStep().toSeconds();
		var current = now.getEpochSecond() / stepSeconds;
		for (long step = current - 1; step <= current + 1; step++) {
			try {
				var expected = String.format("%06d", totp.generateOneTimePassword(key, Instant.ofEpochSecond(step * stepSeconds)));
				if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), digits.getBytes(StandardCharsets.US_ASCII))) {
					return step;
				}
			} catch (InvalidKeyException e) {
				throw new IllegalStateException(e);
			}
		}
		return -1;
	}

	private String pendingSecret(UUID userId) {
		return jdbc.sql("select totp_secret from credentials where user_id = :user").param("user", userId).query(String.class)
				.optional().map(secrets::decrypt).orElse(null);
	}

	private static byte[] hash(byte[] salt, String code) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			digest.update(salt);
			return digest.digest(code.getBytes(StandardCharsets.UTF_8));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
