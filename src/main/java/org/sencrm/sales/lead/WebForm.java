package org.sencrm.sales.lead;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A form the workspace embeds on its own website: which lead fields it asks for (and which are
 * required), the consent it asks for and on which channels (email consent counting only once the
 * address is confirmed by a link sent to it, with double opt-in), what it says after sending (or where
 * it sends the browser), the source and campaign its leads get, and the websites that may post to
 * it from a script (CORS; none listed means any). Its key is the unguessable part of its address.
 */
public record WebForm(UUID id, String name, String key, List<Field> fields, String consentText, List<String> consentChannels,
		boolean consentRequired, boolean doubleOptIn, String thankYou, String redirectUrl, String defaultSource, String defaultCampaign,
		List<String> allowedOrigins, String language, boolean active, Instant createdAt, Instant updatedAt, int version) {

	/** The field the form's hidden trap is named: people never see it, so only robots fill it in. */
	public static final String HONEYPOT = "website";
	public static final String CONSENT = "consent";

	public record Field(String name, boolean required) {
	}

	public boolean asks(String field) {
		return fields.stream().anyMatch(f -> f.name().equals(field));
	}

	public boolean allowsOrigin(String origin) {
		return allowedOrigins.isEmpty() || allowedOrigins.contains(origin);
	}
}
