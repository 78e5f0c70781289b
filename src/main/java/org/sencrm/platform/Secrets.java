package org.sencrm.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Secrets the application must be able to use again — a mail server's password — encrypted at
 * rest with AES-256-GCM under a key kept outside the database: {@code sen.secret-key} (base64 of
 * 32 bytes) when set, else the file {@code secret.key} in {@code sen.data-dir}, made on first start
 * and readable by its owner only. A stored value is {@code v1:} + base64(12-byte random nonce,
 * ciphertext and tag); a value without the prefix is plain text from before encryption and reads
 * as it is. {@code sen.secret-key-previous} keeps an old key readable while values move to a new
 * one (decision 7).
 */
@Component
public class Secrets {

	public static final String KEY_PROPERTY = "sen.secret-key";
	public static final String PREVIOUS_KEY_PROPERTY = "sen.secret-key-previous";
	static final String KEY_FILE = "secret.key";
	private static final String VERSION = "v1:";
	private static final int KEY_BYTES = 32;
	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;
	private static final Logger log = LoggerFactory.getLogger(Secrets.class);
	private static final SecureRandom random = new SecureRandom();

	/** The key is missing, malformed or unreadable: the application cannot start. */
	public static final class InvalidKeyException extends RuntimeException {
		InvalidKeyException(String message) {
			super(message);
		}
	}

	/** A stored value is damaged or was encrypted under another key. */
	public static final class UnreadableSecretException extends RuntimeException {
		UnreadableSecretException(String message) {
			super(message);
		}
	}

	private final SecretKeySpec key;
	private final SecretKeySpec previousKey;
	private final String source;

	@Autowired
	Secrets(@Value("${" + KEY_PROPERTY + ":}") String key, @Value("${" + PREVIOUS_KEY_PROPERTY + ":}") String previousKey,
			@Value("${sen.data-dir:./sen-data}") String dataDir) {
		if (key.isBlank()) {
			var file = Path.of(dataDir, KEY_FILE).toAbsolutePath().normalize();
			this.key = aes(readOrCreate(file), "the key file " + file);
			this.source = "the key file " + file + " (" + KEY_PROPERTY + " is not set)";
		} else {
			this.key = aes(decode(key, KEY_PROPERTY), KEY_PROPERTY);
			this.source = "the setting " + KEY_PROPERTY;
		}
		this.previousKey = previousKey.isBlank() ? null : aes(decode(previousKey, PREVIOUS_KEY_PROPERTY), PREVIOUS_KEY_PROPERTY);
	}

	private Secrets(byte[] key, String source) {
		this.key = aes(key, source);
		this.previousKey = null;
		this.source = source;
	}

	/** Secrets under a given key, for tools and tests; the application uses the bean. */
	public static Secrets withKey(byte[] key) {
		return new Secrets(key, "a key given in code");
	}

	/** Where the key comes from, for messages that must say which key could not read a value. */
	public String keySource() {
		return source;
	}

	public String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		var nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			var sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			var stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
			return VERSION + Base64.getEncoder().encodeToString(stored);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available in this JDK", e);
		}
	}

	/** The plain text of a stored value; a value without the version prefix is legacy plain text. */
	public String decrypt(String stored) {
		if (stored == null || !stored.startsWith(VERSION)) {
			return stored;
		}
		var plain = open(stored, key);
		if (plain == null && previousKey != null) {
			plain = open(stored, previousKey);
		}
		if (plain == null) {
			throw new UnreadableSecretException("The stored value cannot be decrypted with " + source
					+ ": it was encrypted under another key, or is damaged.");
		}
		return plain;
	}

	/**
	 * The value encrypted under the current key, when it is not already: legacy plain text, or a
	 * value under the previous key. Empty when nothing needs doing.
	 */
	public Optional<String> reencrypted(String stored) {
		if (stored == null || stored.startsWith(VERSION) && open(stored, key) != null) {
			return Optional.empty();
		}
		return Optional.of(encrypt(decrypt(stored)));
	}

	private static String open(String stored, SecretKeySpec key) {
		try {
			var bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
			if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
				return null;
			}
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		} catch (IllegalArgumentException | GeneralSecurityException wrongKeyOrDamaged) {
			return null;
		}
	}

	private static SecretKeySpec aes(byte[] key, String source) {
		if (key.length != KEY_BYTES) {
			throw new InvalidKeyException(source + " must hold " + KEY_BYTES + " bytes in base64 (it holds " + key.length
					+ "). Make one with: openssl rand -base64 32");
		}
		return new SecretKeySpec(key, "AES");
	}

	private static byte[] decode(String base64, String source) {
		try {
			return Base64.getDecoder().decode(base64.strip());
		} catch (IllegalArgumentException e) {
			throw new InvalidKeyException(source + " is not valid base64. Make a key with: openssl rand -base64 32");
		}
	}

	/** The key file, made on first start with owner-only permissions where the file system has them. */
	private static byte[] readOrCreate(Path file) {
		try {
			if (!Files.exists(file)) {
				var key = new byte[KEY_BYTES];
				random.nextBytes(key);
				try {
					create(file, Base64.getEncoder().encodeToString(key) + "\n");
					log.info("Made a new secret key in {}. Back it up with the database: without it, stored mail passwords "
							+ "must be entered again.", file);
					return key;
				} catch (FileAlreadyExistsException madeByAnotherNode) {
					// read the one that is there
				}
			}
			warnIfOthersCanRead(file);
			return decode(Files.readString(file), "the key file " + file);
		} catch (IOException e) {
			throw new InvalidKeyException("The key file " + file + " cannot be read or made (" + e.getMessage() + "). Set "
					+ KEY_PROPERTY + " or make the folder writable.");
		}
	}

	private static void create(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		var posix = Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null;
		if (posix) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		} else {
			Files.createFile(file);
			var handle = file.toFile();
			handle.setReadable(false, false);
			handle.setWritable(false, false);
			handle.setReadable(true, true);
			handle.setWritable(true, true);
		}
		Files.writeString(file, content);
	}

	private static void warnIfOthersCanRead(Path file) throws IOException {
		if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
			return;
		}
		var permissions = Files.getPosixFilePermissions(file);
		if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
			log.warn("The secret key file {} can be read by other users; limit it to its owner (chmod 600).", file);
		}
	}
}
