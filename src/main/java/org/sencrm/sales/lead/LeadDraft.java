package org.sencrm.sales.lead;

import java.util.Map;
import java.util.UUID;

/**
 * What a user, an API client, a web form or an import row submits to create or change a lead;
 * checked by {@link LeadFields}. {@code status} may only move between new and working here
 * (qualify, disqualify and convert are their own actions).
 */
public record LeadDraft(String familyName, String givenName, String email, String phone, String companyName, String taxCode,
		String jobTitle, String province, String message, String source, String campaign, Map<String, LeadConsent> consents,
		UUID ownerId, UUID ownerTeamId, String status) {
}
