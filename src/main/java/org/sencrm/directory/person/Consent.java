package org.sencrm.directory.person;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sencrm.directory.Consents;

/**
 * Marketing consent on one channel: granted, withdrawn or pending (asked, waiting for a double
 * opt-in confirmation); when the server recorded it, how it was given (one of
 * {@link Consents#METHODS}, with a free note), and who recorded it (a user, or null for the system
 * or the person themselves; the name as it was then). No entry means never asked, which counts as
 * no consent.
 */
public record Consent(String status, Instant at, String method, String note, UUID recordedBy, String recordedByName) {

	public static final List<String> CHANNELS = Consents.CHANNELS;
	public static final List<String> STATUSES = Consents.STATUSES;

	public Consent(String status, Instant at, String method) {
		this(status, at, method, null, null, null);
	}

	public boolean granted() {
		return Consents.GRANTED.equals(status);
	}

	/** The same statement as another: status, method and note (not when or by whom). */
	boolean sameStatement(String otherStatus, String otherMethod, String otherNote) {
		return status.equals(otherStatus) && java.util.Objects.equals(method, otherMethod)
				&& java.util.Objects.equals(note, otherNote);
	}
}
