package org.sencrm.sales.lead;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.sencrm.directory.Consents;

/**
 * Consent to be contacted on one channel: granted, withdrawn or pending (a web form with double
 * opt-in, until the person follows the link in the confirmation email); when the server recorded
 * it, how (one of {@link Consents#METHODS}, with a free note such as the web form's name), and who
 * recorded it (a user; null for a web form or the person themselves).
 */
public record LeadConsent(String status, Instant at, String method, String note, UUID recordedBy, String recordedByName) {

	public static final java.util.List<String> STATUSES = Consents.STATUSES;

	/** The same statement as another: status, method and note (not when or by whom). */
	boolean sameStatement(String otherStatus, String otherMethod, String otherNote) {
		return status.equals(otherStatus) && Objects.equals(method, otherMethod) && Objects.equals(note, otherNote);
	}
}
