package org.sencrm.sales.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sencrm.directory.Consents;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.TooManyRequestsException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What happens when someone sends a web form, without signing in: the key names the workspace
 * and the form; the client address is counted against the rate limit; a filled-in trap field
 * (the honeypot) is thanked like anyone else but leaves no lead; the form's required fields and
 * consent are checked and every problem named by field; then the lead arrives with the form's
 * source and campaign, the consent with its time, form and wording — email consent pending, and a
 * confirmation link on its way to the address, when the form asks for double opt-in.
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
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	WebFormIntake(WebForms forms, FormRateLimit rateLimit, Leads leads, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		this.forms = forms;
		this.rateLimit = rateLimit;
		this.leads = leads;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
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
		// the link back to us for a double opt-in, read while the visitor's request is at hand
		var linkBase = form.doubleOptIn() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : null;
		var lead = WorkspaceContext.callAs(actor, () -> transactions.execute(status -> {
			var received = leads.receive(draft, new Leads.Arrival(form.id(), consented ? form.consentText() : null));
			var email = received.consents().get("email");
			if (email != null && Consents.PENDING.equals(email.status())) {
				events.publishEvent(new ConsentConfirmations.Requested(workspace, received.id(), form.id(), linkBase));
			}
			return received;
		}));
		return new Submission(form, lead);
	}

	/** The lead as the form sent it: only the fields the form asks for; its source; its campaign unless the page names one. */
	private LeadDraft draft(WebForm form, Map<String, String> values, boolean consented) {
		var consents = new LinkedHashMap<String, LeadConsent>();
		if (consented) {
			var now = Instant.now(clock);
			for (var channel : form.consentChannels()) {
				if (form.doubleOptIn() && channel.equals("email")) {
					// counts only once the address is confirmed: without an address there is nothing to confirm
					var address = value(form, values, "email");
					if (address != null && !address.isBlank()) {
						consents.put(channel, new LeadConsent(Consents.PENDING, now, "web_form", form.name(), null, null));
					}
				} else {
					consents.put(channel, new LeadConsent(Consents.GRANTED, now, "web_form", form.name(), null, null));
				}
			}
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
