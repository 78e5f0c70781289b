package org.sencrm.sales.lead;

import java.time.Instant;

/** Consent to be contacted on one channel: granted or withdrawn, when, and how (which web form, an import...). */
public record LeadConsent(String status, Instant at, String method) {

	public static final java.util.List<String> STATUSES = java.util.List.of("granted", "withdrawn");
}
