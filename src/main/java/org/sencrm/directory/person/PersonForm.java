package org.sencrm.directory.person;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sencrm.directory.record.RecordForm;

/** The person form as the browser sends it, and back again with what was typed when something is wrong. */
public class PersonForm extends RecordForm {

	private String familyName;
	private String middleName;
	private String givenName;
	/** Blank: detected from the name when saved. */
	private String nameOrder;
	private String birthday;
	private String source;
	private String status = "potential";
	private List<ConsentRow> consents = new ArrayList<>();

	/** A blank form, with a row for each consent channel, not asked yet. */
	static PersonForm blank() {
		var form = new PersonForm();
		Consent.CHANNELS.forEach(channel -> form.consents.add(ConsentRow.of(channel, null)));
		return form;
	}

	static PersonForm of(Person p) {
		var form = new PersonForm();
		form.fillCommon(p);
		form.familyName = p.familyName();
		form.middleName = p.middleName();
		form.givenName = p.givenName();
		form.nameOrder = p.nameOrder().key();
		form.birthday = p.birthday() == null ? null : p.birthday().toString();
		form.source = p.source();
		form.status = p.status();
		Consent.CHANNELS.forEach(channel -> form.consents.add(ConsentRow.of(channel, p.consents().get(channel))));
		return form;
	}

	/**
	 * The draft to check. A consent row the user left as it was is the same statement as the one
	 * recorded, so the service keeps its time and recorder; a changed one is stamped now.
	 */
	PersonDraft toDraft() {
		var consentMap = new LinkedHashMap<String, Consent>();
		for (var row : consents) {
			if (row.getStatus() == null || row.getStatus().isBlank()) {
				continue;
			}
			consentMap.put(row.getChannel(), new Consent(row.getStatus(), null, row.getMethod(), row.getNote(), null, null));
		}
		return new PersonDraft(familyName, middleName, givenName, nameOrder, emailAddresses(), phoneNumbers(), postalAddresses(),
				birthday, tagNames(), getOwnerId(), getOwnerTeamId(), source, status, getLifecycleStage(), consentMap, getCustomFields(),
				getExternalId());
	}

	/** Consent on one channel as a form row: granted, withdrawn or blank (never asked), and how it was given. */
	public static class ConsentRow {
		private String channel;
		private String status;
		private String method;
		private String note;

		static ConsentRow of(String channel, Consent consent) {
			var row = new ConsentRow();
			row.channel = channel;
			row.status = consent == null ? null : consent.status();
			row.method = consent == null ? null : consent.method();
			row.note = consent == null ? null : consent.note();
			return row;
		}

		public String getChannel() { return channel; }
		public void setChannel(String channel) { this.channel = channel; }
		public String getStatus() { return status; }
		public void setStatus(String status) { this.status = status; }
		public String getMethod() { return method; }
		public void setMethod(String method) { this.method = method; }
		public String getNote() { return note; }
		public void setNote(String note) { this.note = note; }
	}

	public String getFamilyName() { return familyName; }
	public void setFamilyName(String familyName) { this.familyName = familyName; }
	public String getMiddleName() { return middleName; }
	public void setMiddleName(String middleName) { this.middleName = middleName; }
	public String getGivenName() { return givenName; }
	public void setGivenName(String givenName) { this.givenName = givenName; }
	public String getNameOrder() { return nameOrder; }
	public void setNameOrder(String nameOrder) { this.nameOrder = nameOrder; }
	public String getBirthday() { return birthday; }
	public void setBirthday(String birthday) { this.birthday = birthday; }
	public String getSource() { return source; }
	public void setSource(String source) { this.source = source; }
	public String getStatus() { return status; }
	public void setStatus(String status) { this.status = status; }
	public List<ConsentRow> getConsents() { return consents; }
	public void setConsents(List<ConsentRow> consents) { this.consents = consents; }
}
