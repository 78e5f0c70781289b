package org.sencrm.sales.lead;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.NameOrder;
import org.sencrm.directory.PersonalData;
import org.sencrm.platform.History;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.timeline.RecordTimeline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leads that were the person: linked or converted to them, or with one of their email addresses or
 * phone numbers. Exported with what they sent (fields, message, consents and the text they agreed
 * to) and the touches logged on them. Erased by emptying every field that describes the person —
 * the lead stays as a count for the lead KPIs (source, campaign, status, dates; an open one is
 * disqualified) — deleting its touches, its double opt-in links and the web form's rate-limit
 * counters of that moment (they hold the sender's network address), and marking it erased.
 */
@Component
class LeadPersonalData implements PersonalData.Holder {

	record Exported(UUID id, String status, String familyName, String givenName, String email, String phone, String companyName,
			String taxCode, String jobTitle, String province, String message, String source, String campaign,
			Map<String, LeadConsent> consents, String consentText, String webForm, Instant createdAt, Instant convertedAt,
			List<RecordTimeline.Entry> touches) {
	}

	private final JdbcClient jdbc;
	private final LeadRepository leads;
	private final RecordTimeline timeline;
	private final History history;

	LeadPersonalData(JdbcClient jdbc, LeadRepository leads, RecordTimeline timeline, History history) {
		this.jdbc = jdbc;
		this.leads = leads;
		this.timeline = timeline;
		this.history = history;
	}

	@Override
	public String section() {
		return "leads";
	}

	@Override
	public Object export(PersonalData.Subject subject) {
		var forms = new java.util.HashMap<UUID, String>();
		jdbc.sql("select id, name from web_forms where workspace_id = :ws").param("ws", WorkspaceContext.workspaceId())
				.query((rs, n) -> forms.put(rs.getObject("id", UUID.class), rs.getString("name"))).list();
		return leads.byIds(ids(subject)).stream()
				.sorted(java.util.Comparator.comparing(Lead::createdAt))
				.map(l -> new Exported(l.id(), l.status(), l.familyName(), l.givenName(), l.email(), l.phone(), l.companyName(),
						l.taxCode(), l.jobTitle(), l.province(), l.message(), l.source(), l.campaign(), l.consents(), l.consentText(),
						l.webFormId() == null ? null : forms.get(l.webFormId()), l.createdAt(), l.convertedAt(),
						timeline.of(Leads.RECORD_TYPE, l.id(), 200)))
				.toList();
	}

	@Override
	public int erase(PersonalData.Subject subject, PersonalData.Erasure erasure) {
		var ws = WorkspaceContext.workspaceId();
		var ids = ids(subject);
		var theirs = leads.byIds(ids);
		for (var lead : theirs) {
			erasure.identifies(lead.email());
			erasure.identifies(lead.phone());
			erasure.identifies(lead.personName(NameOrder.FAMILY_FIRST));
			erasure.identifies(lead.personName(NameOrder.GIVEN_FIRST));
		}
		erasure.historyOf(ids);
		erasure.historyOf(timeline.erase(Leads.RECORD_TYPE, ids));
		var array = ids.toArray(UUID[]::new);
		if (!ids.isEmpty()) {
			jdbc.sql("delete from consent_confirmations where workspace_id = :ws and lead_id = any(:ids)")
					.param("ws", ws).param("ids", array).update();
			// the rate-limit counters of the minutes the leads came in hold the sender's network address
			jdbc.sql("""
					delete from web_form_hits h
					where h.workspace_id = :ws and exists (
					  select 1 from leads l where l.workspace_id = h.workspace_id and l.id = any(:ids)
					    and l.web_form_id = h.form_id and h.window_start <= l.created_at)""")
					.param("ws", ws).param("ids", array).update();
			jdbc.sql("""
					update leads set family_name = null, given_name = null, email = null, phone = null, company_name = null,
					  tax_code = null, job_title = null, province = null, message = null, consent_text = null, consents = '{}',
					  name_key = null, company_key = null, linked_person_id = null, converted_person_id = null,
					  status = case when status in ('converted', 'disqualified') then status else 'disqualified' end,
					  disqualify_reason = case when status in ('converted', 'disqualified')
					                           then sen_redact(disqualify_reason, :personal, :marker) else :erased end,
					  updated_at = now(), version = version + 1
					where workspace_id = :ws and id = any(:ids)""")
					.param("ws", ws).param("ids", array).param("personal", subject.identifying().toArray(String[]::new))
					.param("marker", History.ERASED).param("erased", erasure.erasedCustomer()).update();
			ids.forEach(id -> history.erased(Leads.ENTITY, id));
		}
		// other leads that quote them (a colleague's referral)
		var quoted = jdbc.sql("""
				update leads set message = sen_redact(message, :personal, :marker),
				  disqualify_reason = sen_redact(disqualify_reason, :personal, :marker)
				where workspace_id = :ws and (sen_mentions(message, :personal) or sen_mentions(disqualify_reason, :personal))""")
				.param("ws", ws).param("personal", subject.identifying().toArray(String[]::new)).param("marker", History.ERASED)
				.update();
		return ids.size() + quoted;
	}

	/** Their leads: linked or converted to the person, or with one of their emails or phone numbers. */
	private List<UUID> ids(PersonalData.Subject subject) {
		return jdbc.sql("""
				select id from leads
				where workspace_id = :ws and (linked_person_id = :person or converted_person_id = :person
				  or email = any(:emails) or phone = any(:phones))
				order by created_at, id""")
				.param("ws", WorkspaceContext.workspaceId()).param("person", subject.personId())
				.param("emails", subject.emails().stream().map(e -> e.toLowerCase(Locale.ROOT)).toArray(String[]::new))
				.param("phones", subject.phones().toArray(String[]::new))
				.query(UUID.class).list();
	}
}
