package org.sencrm.sales.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The opportunity form as the browser sends it, and back with what was typed when something is
 * wrong. The stage select names the pipeline too (stages are grouped by pipeline). Buying-center
 * contacts come as rows ({@code contacts[0].personId}, {@code contacts[0].roles}, {@code
 * contacts[0].remove}) plus one person to add ({@code newContactId} with {@code newContactRoles}).
 */
public class OpportunityForm {

	/** One row of the buying center on the form. */
	public static class ContactRow {
		private UUID personId;
		private String name;
		private List<String> roles = new ArrayList<>();
		private boolean remove;

		public UUID getPersonId() { return personId; }
		public void setPersonId(UUID personId) { this.personId = personId; }
		public String getName() { return name; }
		public void setName(String name) { this.name = name; }
		public List<String> getRoles() { return roles; }
		public void setRoles(List<String> roles) { this.roles = roles == null ? new ArrayList<>() : roles; }
		public boolean isRemove() { return remove; }
		public void setRemove(boolean remove) { this.remove = remove; }
	}

	private String name;
	private UUID stageId;
	private BigDecimal amount;
	private String currency;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate expectedCloseDate;
	private UUID personId;
	private UUID organizationId;
	private UUID ownerId;
	private UUID ownerTeamId;
	private String competitors;
	private String nextStep;
	private String lostReason;
	private String forecastCategory;
	private List<ContactRow> contacts = new ArrayList<>();
	private UUID newContactId;
	private List<String> newContactRoles = new ArrayList<>();
	private int version;

	static OpportunityForm of(Opportunity o) {
		var form = new OpportunityForm();
		form.name = o.name();
		form.stageId = o.stageId();
		form.amount = o.amount();
		form.currency = o.currency();
		form.expectedCloseDate = o.expectedCloseDate();
		form.personId = o.personId();
		form.organizationId = o.organizationId();
		form.ownerId = o.ownerId();
		form.ownerTeamId = o.ownerTeamId();
		form.competitors = String.join(", ", o.competitors());
		form.nextStep = o.nextStep();
		form.lostReason = o.lostReason();
		form.forecastCategory = o.forecastCategory();
		for (var contact : o.contacts()) {
			var row = new ContactRow();
			row.setPersonId(contact.personId());
			row.setRoles(new ArrayList<>(contact.roles()));
			form.contacts.add(row);
		}
		form.version = o.version();
		return form;
	}

	OpportunityDraft toDraft() {
		var rows = new ArrayList<OpportunityContact>();
		contacts.stream().filter(c -> c.getPersonId() != null && !c.isRemove())
				.forEach(c -> rows.add(new OpportunityContact(c.getPersonId(), c.getRoles())));
		if (newContactId != null && rows.stream().noneMatch(c -> c.personId().equals(newContactId))) {
			rows.add(new OpportunityContact(newContactId, newContactRoles));
		}
		var competitorNames = competitors == null ? List.<String>of()
				: Arrays.stream(competitors.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		return new OpportunityDraft(name, null, stageId, amount, currency, personId, organizationId, expectedCloseDate, ownerId,
				ownerTeamId, competitorNames, nextStep, lostReason, forecastCategory, rows);
	}

	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public UUID getStageId() { return stageId; }
	public void setStageId(UUID stageId) { this.stageId = stageId; }
	public BigDecimal getAmount() { return amount; }
	public void setAmount(BigDecimal amount) { this.amount = amount; }
	public String getCurrency() { return currency; }
	public void setCurrency(String currency) { this.currency = currency; }
	public LocalDate getExpectedCloseDate() { return expectedCloseDate; }
	public void setExpectedCloseDate(LocalDate expectedCloseDate) { this.expectedCloseDate = expectedCloseDate; }
	public UUID getPersonId() { return personId; }
	public void setPersonId(UUID personId) { this.personId = personId; }
	public UUID getOrganizationId() { return organizationId; }
	public void setOrganizationId(UUID organizationId) { this.organizationId = organizationId; }
	public UUID getOwnerId() { return ownerId; }
	public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
	public UUID getOwnerTeamId() { return ownerTeamId; }
	public void setOwnerTeamId(UUID ownerTeamId) { this.ownerTeamId = ownerTeamId; }
	public String getCompetitors() { return competitors; }
	public void setCompetitors(String competitors) { this.competitors = competitors; }
	public String getNextStep() { return nextStep; }
	public void setNextStep(String nextStep) { this.nextStep = nextStep; }
	public String getLostReason() { return lostReason; }
	public void setLostReason(String lostReason) { this.lostReason = lostReason; }
	public String getForecastCategory() { return forecastCategory; }
	public void setForecastCategory(String forecastCategory) { this.forecastCategory = forecastCategory; }
	public List<ContactRow> getContacts() { return contacts; }
	public void setContacts(List<ContactRow> contacts) { this.contacts = contacts; }
	public UUID getNewContactId() { return newContactId; }
	public void setNewContactId(UUID newContactId) { this.newContactId = newContactId; }
	public List<String> getNewContactRoles() { return newContactRoles; }
	public void setNewContactRoles(List<String> newContactRoles) { this.newContactRoles = newContactRoles; }
	public int getVersion() { return version; }
	public void setVersion(int version) { this.version = version; }
}
