package org.sencrm.exchange.file;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Which character set a text file is in, from its first bytes: UTF-8 when they decode as UTF-8 (with
 * or without a byte order mark), else Windows-1258 when they hold the bytes only Vietnamese text uses
 * there (Ă ă Đ đ Ơ ơ Ư ư and the combining tone marks), else Windows-1252. Old Vietnamese Excel
 * exports are Windows-1258; Western ones Windows-1252; everything newer is UTF-8.
 */
public final class Charsets {

	public static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
	public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private Charsets() {
	}

	public static Charset detect(byte[] head, int length) {
		if (length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
			return StandardCharsets.UTF_8;
		}
		if (isUtf8(head, length)) {
			return StandardCharsets.UTF_8;
		}
		int vietnamese = 0;
		for (int i = 0; i < length; i++) {
			switch (head[i] & 0xff) {
				// Ă ă Đ đ Ơ ơ Ư ư, and the combining grave, acute, hook, tilde and dot below
				case 0xc3, 0xe3, 0xd0, 0xf0, 0xd5, 0xf5, 0xdd, 0xfd, 0xcc, 0xec, 0xd2, 0xde, 0xf2 -> vietnamese++;
				default -> {
				}
			}
		}
		return vietnamese > 0 ? WINDOWS_1258 : WINDOWS_1252;
	}

	private static boolean isUtf8(byte[] head, int length) {
		// a multi-byte character cut at the end of the sample is not a reason to refuse UTF-8
		int end = length;
		for (int back = 1; back <= 3 && end - back >= 0; back++) {
			int b = head[end - back] & 0xff;
			if (b >= 0xc0) {
				int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
				if (back < needed) {
					end -= back;
				}
				break;
			}
			if (b < 0x80) {
				break;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
			return true;
		} catch (CharacterCodingException e) {
			return false;
		}
	}

	/** A character set by the name a user chose ({@code utf-8}, {@code windows-1258}, {@code windows-1252}), or null. */
	public static Charset named(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "utf-8", "utf8" -> StandardCharsets.UTF_8;
			case "windows-1258", "cp1258" -> WINDOWS_1258;
			case "windows-1252", "cp1252", "latin1" -> WINDOWS_1252;
			default -> null;
		};
	}
}
