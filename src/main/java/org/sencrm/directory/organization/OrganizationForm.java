package org.sencrm.directory.organization;

import java.util.UUID;

import org.sencrm.directory.record.RecordForm;

/** The organization form as the browser sends it, and back again with what was typed when something is wrong. */
public class OrganizationForm extends RecordForm {

	private String name;
	private String kind = "commercial_user";
	private String relationship = "customer";
	private String taxCode;
	private String industry;
	private String size;
	private String website;
	private UUID parentId;

	static OrganizationForm of(Organization o) {
		var form = new OrganizationForm();
		form.fillCommon(o);
		form.name = o.name();
		form.kind = o.kind();
		form.relationship = o.relationship();
		form.taxCode = o.taxCode();
		form.industry = o.industry();
		form.size = o.size();
		form.website = o.website();
		form.parentId = o.parentId();
		return form;
	}

	OrganizationDraft toDraft() {
		return new OrganizationDraft(name, kind, relationship, getLifecycleStage(), taxCode, industry, size, website, emailAddresses(),
				phoneNumbers(), postalAddresses(), parentId, tagNames(), getOwnerId(), getOwnerTeamId(), getCustomFields(), getExternalId());
	}

	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public String getKind() { return kind; }
	public void setKind(String kind) { this.kind = kind; }
	public String getRelationship() { return relationship; }
	public void setRelationship(String relationship) { this.relationship = relationship; }
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
}
