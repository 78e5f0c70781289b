package org.sencrm.sales.lead;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sencrm.directory.Consents;
import org.sencrm.platform.PhoneNumbers;
import org.sencrm.platform.Email;
import org.sencrm.platform.TaxCode;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;

/**
 * Checks and cleans the fields of a lead, whichever way it arrived: emails in lower case, phones
 * in E.164, tax codes as the directory keeps them, known sources and consent statuses. Every
 * problem is collected with the name of its field.
 */
final class LeadFields {

	/** A draft that passed the checks, cleaned. */
	record Clean(String familyName, String givenName, String email, String phone, String companyName, String taxCode,
			String jobTitle, String province, String message, String source, String campaign,
			Map<String, LeadConsent> consents) {
	}

	/** Vietnamese tax code (mã số thuế): 10 digits, or 10 digits, a dash and 3 for a branch; or a foreign VAT id. */

	private LeadFields() {
	}

	static Clean check(LeadDraft draft, String defaultSource, Instant now, ValidationException.Collector problems) {
		return check(draft, defaultSource, Map.of(), now, problems);
	}

	/** The same, for a change of a lead whose consents were {@code recorded}: statements left as they were keep their time. */
	static Clean check(LeadDraft draft, String defaultSource, Map<String, LeadConsent> recorded, Instant now,
			ValidationException.Collector problems) {
		var family = text(draft.familyName(), "familyName", 100, problems);
		var given = text(draft.givenName(), "givenName", 100, problems);
		var company = text(draft.companyName(), "companyName", 200, problems);
		var email = email(draft.email(), problems);
		var phone = phone(draft.phone(), problems);
		var taxCode = taxCode(draft.taxCode(), problems);
		if (family == null && given == null && company == null && blankToNull(draft.email()) == null
				&& blankToNull(draft.phone()) == null) {
			problems.add("givenName", "validation.lead-identity");
		}
		var source = blankToNull(draft.source()) == null ? defaultSource : draft.source().strip();
		if (!Lead.SOURCES.contains(source)) {
			problems.add("source", "validation.choice");
		}
		return new Clean(family, given, email, phone, company, taxCode, text(draft.jobTitle(), "jobTitle", 150, problems),
				text(draft.province(), "province", 100, problems), text(draft.message(), "message", 5000, problems), source,
				text(draft.campaign(), "campaign", 100, problems), consents(draft.consents(), recorded, now, problems));
	}

	static String email(String given, ValidationException.Collector problems) {
		var address = blankToNull(given);
		if (address == null) {
			return null;
		}
		var email = Email.parse(address);
		if (email.isEmpty()) {
			problems.add("email", "validation.email");
			return null;
		}
		return email.get().value();
	}

	static String phone(String given, ValidationException.Collector problems) {
		var typed = blankToNull(given);
		if (typed == null) {
			return null;
		}
		var e164 = PhoneNumbers.toE164(typed, PhoneNumbers.DEFAULT_REGION);
		if (e164.isEmpty()) {
			problems.add("phone", "validation.phone", typed);
			return null;
		}
		return e164.get();
	}

	static String taxCode(String given, ValidationException.Collector problems) {
		return TaxCode.checked(given, "taxCode", problems);
	}

	/**
	 * The consents to store: a statement already recorded (same status, method and note) keeps its
	 * time and recorder; a new or changed one names its method from the list and is stamped with the
	 * server's time and the current actor — a client's {@code at} is ignored (decision 26).
	 */
	static Map<String, LeadConsent> consents(Map<String, LeadConsent> given, Map<String, LeadConsent> recorded, Instant now,
			ValidationException.Collector problems) {
		var clean = new LinkedHashMap<String, LeadConsent>();
		if (given == null) {
			return clean;
		}
		var actor = WorkspaceContext.current();
		given.forEach((channel, consent) -> {
			if (!Lead.CONSENT_CHANNELS.contains(channel)) {
				problems.add("consents." + channel, "validation.choice");
				return;
			}
			if (consent == null || consent.status() == null || !LeadConsent.STATUSES.contains(consent.status())) {
				problems.add("consents." + channel + ".status", "validation.choice");
				return;
			}
			var method = Consents.cleanMethod(consent.method());
			var note = Consents.cleanNote(consent.note());
			var before = recorded.get(channel);
			if (before != null && before.sameStatement(consent.status(), method, note)) {
				clean.put(channel, before);
				return;
			}
			Consents.check(channel, consent.status(), method, note, problems);
			clean.put(channel, new LeadConsent(consent.status(), now, method, note, actor == null ? null : actor.actorId(),
					actor == null ? null : actor.actorName()));
		});
		return clean;
	}

	static String text(String value, String field, int max, ValidationException.Collector problems) {
		var clean = blankToNull(value);
		if (clean != null && clean.length() > max) {
			problems.add(field, "validation.too-long");
		}
		return clean;
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
