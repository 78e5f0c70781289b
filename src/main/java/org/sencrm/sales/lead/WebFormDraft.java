package org.sencrm.sales.lead;

import java.util.List;

/** What a user or API client submits to create or change a web form; checked by {@link WebForms}. */
public record WebFormDraft(String name, List<WebForm.Field> fields, String consentText, List<String> consentChannels,
		Boolean consentRequired, String thankYou, String redirectUrl, String defaultSource, String defaultCampaign,
		List<String> allowedOrigins, String language, Boolean active, Boolean doubleOptIn) {
}
