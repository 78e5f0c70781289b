package org.sencrm.platform;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered identifiers (UUID version 7, RFC 9562), so new rows land at the end of indexes. */
public final class Ids {

	private static final SecureRandom random = new SecureRandom();

	private Ids() {
	}

	public static UUID next() {
		long millis = System.currentTimeMillis();
		long randA = random.nextInt(1 << 12);
		long msb = (millis << 16) | 0x7000L | randA;
		long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

	/** Parses an id from a URL or request; a malformed id is simply not found. */
	public static UUID parse(String text, String what) {
		try {
			return UUID.fromString(text);
		} catch (IllegalArgumentException | NullPointerException e) {
			throw new NotFoundException(what);
		}
	}
}
