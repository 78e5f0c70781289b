package org.sencrm.sales.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.TooManyRequestsException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.stereotype.Component;

/**
 * What happens when someone sends a web form, without signing in: the key names the workspace
 * and the form; the client address is counted against the rate limit; a filled-in trap field
 * (the honeypot) is thanked like anyone else but leaves no lead; the form's required fields and
 * consent are checked and every problem named by field; then the lead arrives with the form's
 * source and campaign, the consent with its time, form and wording.
 */
@Component
class WebFormIntake {

	/** The outcome: the form (for its thank-you message) and whether a lead was made (not for a robot). */
	record Submission(WebForm form, Lead lead) {
	}

	private static final Set<String> YES = Set.of("true", "on", "yes", "1", "y", "checked", "co", "có");

	private final WebForms forms;
	private final FormRateLimit rateLimit;
	private final Leads leads;
	private final Clock clock;

	WebFormIntake(WebForms forms, FormRateLimit rateLimit, Leads leads, Clock clock) {
		this.forms = forms;
		this.rateLimit = rateLimit;
		this.leads = leads;
		this.clock = clock;
	}

	/** The active form with this key (for CORS and the thank-you page), or not found. */
	WebForm form(String key) {
		var workspace = WebForms.workspaceOf(key).orElseThrow(() -> new NotFoundException("entity.web-form"));
		return WorkspaceContext.callAsSystem(workspace, () -> forms.activeByKey(key))
				.orElseThrow(() -> new NotFoundException("entity.web-form"));
	}

	Submission submit(String key, Map<String, String> values, String client) {
		var workspace = WebForms.workspaceOf(key).orElseThrow(() -> new NotFoundException("entity.web-form"));
		var form = WorkspaceContext.callAsSystem(workspace, () -> forms.activeByKey(key))
				.orElseThrow(() -> new NotFoundException("entity.web-form"));
		if (!WorkspaceContext.callAsSystem(workspace, () -> rateLimit.tryHit(form.id(), client))) {
			throw new TooManyRequestsException();
		}
		var trap = values.get(WebForm.HONEYPOT);
		if (trap != null && !trap.isBlank()) {
			return new Submission(form, null);
		}
		var problems = new ValidationException.Collector();
		for (var field : form.fields()) {
			var value = values.get(field.name());
			if (field.required() && (value == null || value.isBlank())) {
				problems.add(field.name(), "validation.required");
			}
		}
		var consented = form.consentText() != null && YES.contains(String.valueOf(values.get(WebForm.CONSENT)).strip().toLowerCase(Locale.ROOT));
		if (form.consentRequired() && !consented) {
			problems.add(WebForm.CONSENT, "validation.consent-required");
		}
		var draft = draft(form, values, consented);
		LeadFields.check(draft, form.defaultSource(), Instant.now(clock), problems);
		problems.throwIfAny();
		var actor = new WorkspaceContext.Scope(workspace, null, form.name());
		var lead = WorkspaceContext.callAs(actor, () -> leads.receive(draft, new Leads.Arrival(form.id(), consented ? form.consentText() : null)));
		return new Submission(form, lead);
	}

	/** The lead as the form sent it: only the fields the form asks for; its source; its campaign unless the page names one. */
	private LeadDraft draft(WebForm form, Map<String, String> values, boolean consented) {
		var consents = new LinkedHashMap<String, LeadConsent>();
		if (consented) {
			var now = Instant.now(clock);
			form.consentChannels().forEach(channel -> consents.put(channel, new LeadConsent("granted", now, "web form: " + form.name())));
		}
		var campaign = values.get("campaign") != null && !values.get("campaign").isBlank() ? values.get("campaign") : form.defaultCampaign();
		return new LeadDraft(value(form, values, "familyName"), value(form, values, "givenName"), value(form, values, "email"),
				value(form, values, "phone"), value(form, values, "companyName"), value(form, values, "taxCode"),
				value(form, values, "jobTitle"), value(form, values, "province"), value(form, values, "message"),
				form.defaultSource(), campaign, consents, null, null, null);
	}

	private static String value(WebForm form, Map<String, String> values, String field) {
		return form.asks(field) ? values.get(field) : null;
	}
}
