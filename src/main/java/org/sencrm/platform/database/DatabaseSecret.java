package org.sencrm.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret of an embedded PostgreSQL's passwords: 32 random bytes in a file only the JVM's user
 * may read ({@code rw-------}), made on first use. Each role's password is derived from it
 * (HMAC-SHA256 of the role's name), so one file serves every role and nothing else is stored.
 */
final class DatabaseSecret {

	private final Path file;
	private byte[] key;

	DatabaseSecret(Path file) {
		this.file = file;
	}

	Path file() {
		return file;
	}

	synchronized String password(String role) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(("role:" + role).getBytes(StandardCharsets.UTF_8)));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private byte[] key() {
		if (key == null) {
			try {
				key = Files.exists(file) ? read() : create();
			} catch (IOException e) {
				throw new UncheckedIOException("Could not read or make the database secret " + file, e);
			}
		}
		return key;
	}

	private byte[] read() throws IOException {
		return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
	}

	private byte[] create() throws IOException {
		var bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		Files.createDirectories(file.getParent());
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		} catch (FileAlreadyExistsException madeMeanwhile) {
			return read();
		}
		Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
		return bytes;
	}
}
