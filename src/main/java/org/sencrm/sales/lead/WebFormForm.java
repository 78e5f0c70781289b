package org.sencrm.sales.lead;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The web form editor's fields as the browser sends them: ticked fields, ticked required ones, origins one per line. */
public class WebFormForm {

	private String name;
	private List<String> fields = new ArrayList<>(List.of("givenName", "familyName", "email", "phone", "message"));
	private List<String> required = new ArrayList<>(List.of("email"));
	private String consentText;
	private List<String> consentChannels = new ArrayList<>(List.of("email"));
	private boolean consentRequired;
	private boolean doubleOptIn;
	private String thankYou;
	private String redirectUrl;
	private String defaultSource = "web_form";
	private String defaultCampaign;
	private String allowedOrigins;
	private String language = "vi";
	private boolean active = true;
	private int version;

	static WebFormForm of(WebForm form) {
		var f = new WebFormForm();
		f.name = form.name();
		f.fields = new ArrayList<>(form.fields().stream().map(WebForm.Field::name).toList());
		f.required = new ArrayList<>(form.fields().stream().filter(WebForm.Field::required).map(WebForm.Field::name).toList());
		f.consentText = form.consentText();
		f.consentChannels = new ArrayList<>(form.consentChannels());
		f.consentRequired = form.consentRequired();
		f.doubleOptIn = form.doubleOptIn();
		f.thankYou = form.thankYou();
		f.redirectUrl = form.redirectUrl();
		f.defaultSource = form.defaultSource();
		f.defaultCampaign = form.defaultCampaign();
		f.allowedOrigins = String.join("\n", form.allowedOrigins());
		f.language = form.language();
		f.active = form.active();
		f.version = form.version();
		return f;
	}

	/** Fields in the order of the lead's fields, the ticked ones only. */
	WebFormDraft toDraft() {
		var chosen = Lead.FIELDS.stream().filter(fields::contains)
				.map(name -> new WebForm.Field(name, required.contains(name))).toList();
		var origins = allowedOrigins == null ? List.<String>of()
				: Arrays.stream(allowedOrigins.split("[\\s,]+")).filter(o -> !o.isBlank()).toList();
		return new WebFormDraft(name, chosen, consentText, consentChannels, consentRequired, thankYou, redirectUrl, defaultSource,
				defaultCampaign, origins, language, active, doubleOptIn);
	}

	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public List<String> getFields() { return fields; }
	public void setFields(List<String> fields) { this.fields = fields == null ? new ArrayList<>() : fields; }
	public List<String> getRequired() { return required; }
	public void setRequired(List<String> required) { this.required = required == null ? new ArrayList<>() : required; }
	public String getConsentText() { return consentText; }
	public void setConsentText(String consentText) { this.consentText = consentText; }
	public List<String> getConsentChannels() { return consentChannels; }
	public void setConsentChannels(List<String> consentChannels) {
		this.consentChannels = consentChannels == null ? new ArrayList<>() : consentChannels;
	}
	public boolean isConsentRequired() { return consentRequired; }
	public void setConsentRequired(boolean consentRequired) { this.consentRequired = consentRequired; }
	public boolean isDoubleOptIn() { return doubleOptIn; }
	public void setDoubleOptIn(boolean doubleOptIn) { this.doubleOptIn = doubleOptIn; }
	public String getThankYou() { return thankYou; }
	public void setThankYou(String thankYou) { this.thankYou = thankYou; }
	public String getRedirectUrl() { return redirectUrl; }
	public void setRedirectUrl(String redirectUrl) { this.redirectUrl = redirectUrl; }
	public String getDefaultSource() { return defaultSource; }
	public void setDefaultSource(String defaultSource) { this.defaultSource = defaultSource; }
	public String getDefaultCampaign() { return defaultCampaign; }
	public void setDefaultCampaign(String defaultCampaign) { this.defaultCampaign = defaultCampaign; }
	public String getAllowedOrigins() { return allowedOrigins; }
	public void setAllowedOrigins(String allowedOrigins) { this.allowedOrigins = allowedOrigins; }
	public String getLanguage() { return language; }
	public void setLanguage(String language) { this.language = language; }
	public boolean isActive() { return active; }
	public void setActive(boolean active) { this.active = active; }
	public int getVersion() { return version; }
	public void setVersion(int version) { this.version = version; }
}
