package org.sencrm.sales.lead;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.sencrm.directory.Consents;
import org.sencrm.directory.NameOrder;
import org.sencrm.directory.PersonName;

/**
 * A lead: someone who showed interest and is not a customer yet — a person, perhaps at a company,
 * with where they came from (source, campaign, web form), what they agreed to be contacted by, who
 * works them, how promising they look (score) and, once converted, the customer records they became.
 */
public record Lead(UUID id, String status, String familyName, String givenName, String email, String phone,
		String companyName, String taxCode, String jobTitle, String province, String message, String source, String campaign,
		Map<String, LeadConsent> consents, String consentText, UUID webFormId, UUID ownerId, UUID ownerTeamId, int score,
		String disqualifyReason, UUID linkedPersonId, UUID linkedOrganizationId, UUID convertedPersonId,
		UUID convertedOrganizationId, UUID convertedOpportunityId, Instant convertedAt, int activityCount,
		Instant lastActivityAt, int possibleDuplicates, Instant createdAt, Instant updatedAt, int version) {

	public static final String NEW = "new";
	public static final String WORKING = "working";
	public static final String QUALIFIED = "qualified";
	public static final String DISQUALIFIED = "disqualified";
	public static final String CONVERTED = "converted";
	public static final List<String> STATUSES = List.of(NEW, WORKING, QUALIFIED, DISQUALIFIED, CONVERTED);
	public static final List<String> SOURCES = List.of("web_form", "api", "manual", "import", "referral", "event", "other");
	/** The fields a lead is made of, which web forms, imports and scoring rules name. */
	public static final List<String> FIELDS = List.of("familyName", "givenName", "email", "phone", "companyName", "taxCode",
			"jobTitle", "province", "message");
	public static final List<String> CONSENT_CHANNELS = Consents.CHANNELS;

	public boolean open() {
		return !status.equals(CONVERTED) && !status.equals(DISQUALIFIED);
	}

	/**
	 * The person's name, else the company, email or phone: what a list shows. The name is in the
	 * order the person it will become gets: family first for a Vietnamese name, else the
	 * workspace's order for names it cannot recognise.
	 */
	public String title(NameOrder unrecognised) {
		var name = personName(unrecognised);
		return !name.isEmpty() ? name : Stream.of(companyName, email, phone).filter(t -> t != null).findFirst().orElse("—");
	}

	public String personName(NameOrder unrecognised) {
		return PersonName.detected(familyName, null, givenName, unrecognised).display();
	}

	/** A field's value by the name forms and rules use ({@code consent.email} is the consent's status). */
	public String field(String name) {
		return switch (name) {
			case "familyName" -> familyName;
			case "givenName" -> givenName;
			case "email" -> email;
			case "phone" -> phone;
			case "companyName" -> companyName;
			case "taxCode" -> taxCode;
			case "jobTitle" -> jobTitle;
			case "province" -> province;
			case "message" -> message;
			case "source" -> source;
			case "campaign" -> campaign;
			case "consent.email", "consent.sms", "consent.phone" -> {
				// a consent waiting for its confirmation (double opt-in) is no statement yet
				var consent = consents.get(name.substring("consent.".length()));
				yield consent == null || Consents.PENDING.equals(consent.status()) ? null : consent.status();
			}
			default -> null;
		};
	}

	LeadDraft toDraft() {
		return new LeadDraft(familyName, givenName, email, phone, companyName, taxCode, jobTitle, province, message, source,
				campaign, consents, ownerId, ownerTeamId, status);
	}

	/** Field values as the history shows them. */
	Map<String, Object> historyValues() {
		var values = new LinkedHashMap<String, Object>();
		values.put("status", status);
		FIELDS.forEach(f -> values.put(f, field(f)));
		values.put("source", source);
		values.put("campaign", campaign);
		consents.forEach((channel, consent) -> {
			values.put("consent." + channel, consent.status());
			values.put("consent." + channel + ".method", consent.method());
		});
		values.put("ownerId", ownerId == null ? null : ownerId.toString());
		values.put("ownerTeamId", ownerTeamId == null ? null : ownerTeamId.toString());
		values.put("disqualifyReason", disqualifyReason);
		values.put("linkedPersonId", linkedPersonId == null ? null : linkedPersonId.toString());
		values.put("linkedOrganizationId", linkedOrganizationId == null ? null : linkedOrganizationId.toString());
		values.put("convertedPersonId", convertedPersonId == null ? null : convertedPersonId.toString());
		values.put("convertedOrganizationId", convertedOrganizationId == null ? null : convertedOrganizationId.toString());
		values.put("convertedOpportunityId", convertedOpportunityId == null ? null : convertedOpportunityId.toString());
		values.values().removeIf(v -> v == null);
		return values;
	}

	Lead with(String newStatus, String reason, int newScore, int duplicates, int newVersion, Instant updatedAt) {
		return new Lead(id, newStatus, familyName, givenName, email, phone, companyName, taxCode, jobTitle, province, message,
				source, campaign, consents, consentText, webFormId, ownerId, ownerTeamId, newScore, reason, linkedPersonId,
				linkedOrganizationId, convertedPersonId, convertedOrganizationId, convertedOpportunityId, convertedAt,
				activityCount, lastActivityAt, duplicates, createdAt, updatedAt, newVersion);
	}
}
