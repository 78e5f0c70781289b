package org.sencrm.sales.lead;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The lead form's fields as the browser sends them. Consent is a tick per channel: ticking it
 * records consent now ("how" is one of the consent methods, with a note), unticking a granted one records its withdrawal.
 */
public class LeadForm {

	private String familyName;
	private String givenName;
	private String email;
	private String phone;
	private String companyName;
	private String taxCode;
	private String jobTitle;
	private String province;
	private String message;
	private String source = "manual";
	private String campaign;
	private UUID ownerId;
	private UUID ownerTeamId;
	private String status = Lead.NEW;
	private boolean consentEmail;
	private boolean consentSms;
	private boolean consentPhone;
	private String consentMethod;
	private String consentNote;
	private int version;

	static LeadForm of(Lead lead) {
		var form = new LeadForm();
		form.familyName = lead.familyName();
		form.givenName = lead.givenName();
		form.email = lead.email();
		form.phone = lead.phone();
		form.companyName = lead.companyName();
		form.taxCode = lead.taxCode();
		form.jobTitle = lead.jobTitle();
		form.province = lead.province();
		form.message = lead.message();
		form.source = lead.source();
		form.campaign = lead.campaign();
		form.ownerId = lead.ownerId();
		form.ownerTeamId = lead.ownerTeamId();
		form.status = lead.status();
		form.consentEmail = granted(lead, "email");
		form.consentSms = granted(lead, "sms");
		form.consentPhone = granted(lead, "phone");
		form.version = lead.version();
		return form;
	}

	LeadDraft toDraft(Map<String, LeadConsent> before) {
		var consents = new LinkedHashMap<String, LeadConsent>(before);
		consent(consents, "email", consentEmail);
		consent(consents, "sms", consentSms);
		consent(consents, "phone", consentPhone);
		return new LeadDraft(familyName, givenName, email, phone, companyName, taxCode, jobTitle, province, message, source, campaign,
				consents, ownerId, ownerTeamId, status);
	}

	private void consent(Map<String, LeadConsent> consents, String channel, boolean ticked) {
		var current = consents.get(channel);
		var granted = current != null && current.status().equals("granted");
		if (ticked && !granted) {
			consents.put(channel, new LeadConsent("granted", null, consentMethod, consentNote, null, null));
		} else if (!ticked && granted) {
			consents.put(channel, new LeadConsent("withdrawn", null, consentMethod, consentNote, null, null));
		}
	}

	/** The form has one "how" and one note for every channel: problems of a channel's method or note show there. */
	static Map<String, String> consentProblemsOnTheForm(Map<String, String> errors) {
		var mapped = new LinkedHashMap<String, String>();
		errors.forEach((field, message) -> mapped.putIfAbsent(
				field.startsWith("consents.") && field.endsWith(".method") ? "consentMethod"
						: field.startsWith("consents.") && field.endsWith(".note") ? "consentNote" : field, message));
		return mapped;
	}

	private static boolean granted(Lead lead, String channel) {
		var consent = lead.consents().get(channel);
		return consent != null && consent.status().equals("granted");
	}

	public String getFamilyName() { return familyName; }
	public void setFamilyName(String familyName) { this.familyName = familyName; }
	public String getGivenName() { return givenName; }
	public void setGivenName(String givenName) { this.givenName = givenName; }
	public String getEmail() { return email; }
	public void setEmail(String email) { this.email = email; }
	public String getPhone() { return phone; }
	public void setPhone(String phone) { this.phone = phone; }
	public String getCompanyName() { return companyName; }
	public void setCompanyName(String companyName) { this.companyName = companyName; }
	public String getTaxCode() { return taxCode; }
	public void setTaxCode(String taxCode) { this.taxCode = taxCode; }
	public String getJobTitle() { return jobTitle; }
	public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
	public String getProvince() { return province; }
	public void setProvince(String province) { this.province = province; }
	public String getMessage() { return message; }
	public void setMessage(String message) { this.message = message; }
	public String getSource() { return source; }
	public void setSource(String source) { this.source = source; }
	public String getCampaign() { return campaign; }
	public void setCampaign(String campaign) { this.campaign = campaign; }
	public UUID getOwnerId() { return ownerId; }
	public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
	public UUID getOwnerTeamId() { return ownerTeamId; }
	public void setOwnerTeamId(UUID ownerTeamId) { this.ownerTeamId = ownerTeamId; }
	public String getStatus() { return status; }
	public void setStatus(String status) { this.status = status; }
	public boolean isConsentEmail() { return consentEmail; }
	public void setConsentEmail(boolean consentEmail) { this.consentEmail = consentEmail; }
	public boolean isConsentSms() { return consentSms; }
	public void setConsentSms(boolean consentSms) { this.consentSms = consentSms; }
	public boolean isConsentPhone() { return consentPhone; }
	public void setConsentPhone(boolean consentPhone) { this.consentPhone = consentPhone; }
	public String getConsentMethod() { return consentMethod; }
	public void setConsentMethod(String consentMethod) { this.consentMethod = consentMethod; }
	public String getConsentNote() { return consentNote; }
	public void setConsentNote(String consentNote) { this.consentNote = consentNote; }
	public int getVersion() { return version; }
	public void setVersion(int version) { this.version = version; }
}
