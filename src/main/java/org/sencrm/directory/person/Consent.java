package org.sencrm.directory.person;

import java.time.Instant;
import java.util.List;

/**
 * Marketing consent on one channel: granted or withdrawn, when, and how (web form, phone call,
 * paper, import...). No entry means never asked, which counts as no consent.
 */
public record Consent(String status, Instant at, String method) {

	public static final List<String> CHANNELS = List.of("email", "sms", "phone");
	public static final List<String> STATUSES = List.of("granted", "withdrawn");

	public boolean granted() {
		return "granted".equals(status);
	}
}
