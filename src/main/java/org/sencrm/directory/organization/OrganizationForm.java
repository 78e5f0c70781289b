package org.sencrm.directory.organization;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.contact.ContactForm;

/** The organization form as the browser sends it, and back again with what was typed when something is wrong. */
public class OrganizationForm extends ContactForm {

	private String name;
	private String kind = "commercial_user";
	private String relationship = "customer";
	private String lifecycleStage;
	private String taxCode;
	private String industry;
	private String size;
	private String website;
	private UUID parentId;
	private Map<String, Object> customFields = new LinkedHashMap<>();

	static OrganizationForm of(Organization o) {
		var form = new OrganizationForm();
		form.fillContacts(o.emails(), o.phones(), o.addresses(), o.tags(), o.ownerId(), o.ownerTeamId(), o.version());
		form.name = o.name();
		form.kind = o.kind();
		form.relationship = o.relationship();
		form.lifecycleStage = o.lifecycleStage();
		form.taxCode = o.taxCode();
		form.industry = o.industry();
		form.size = o.size();
		form.website = o.website();
		form.parentId = o.parentId();
		form.customFields = new LinkedHashMap<>(o.customFields());
		return form;
	}

	OrganizationDraft toDraft() {
		return new OrganizationDraft(name, kind, relationship, lifecycleStage, taxCode, industry, size, website, emailAddresses(),
				phoneNumbers(), postalAddresses(), parentId, tagNames(), getOwnerId(), getOwnerTeamId(), customFields);
	}

	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public String getKind() { return kind; }
	public void setKind(String kind) { this.kind = kind; }
	public String getRelationship() { return relationship; }
	public void setRelationship(String relationship) { this.relationship = relationship; }
	public String getLifecycleStage() { return lifecycleStage; }
	public void setLifecycleStage(String lifecycleStage) { this.lifecycleStage = lifecycleStage; }
	public String getTaxCode() { return taxCode; }
	public void setTaxCode(String taxCode) { this.taxCode = taxCode; }
	public String getIndustry() { return industry; }
	public void setIndustry(String industry) { this.industry = industry; }
	public String getSize() { return size; }
	public void setSize(String size) { this.size = size; }
	public String getWebsite() { return website; }
	public void setWebsite(String website) { this.website = website; }
	public UUID getParentId() { return parentId; }
	public void setParentId(UUID parentId) { this.parentId = parentId; }
	public Map<String, Object> getCustomFields() { return customFields; }
	public void setCustomFields(Map<String, Object> customFields) { this.customFields = customFields; }
}
