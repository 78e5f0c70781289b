package org.sencrm.sales.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.sencrm.directory.PersonalData;
import org.sencrm.platform.History;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opportunities with the person as the customer, and their places in the buying centers of
 * organizations' opportunities. An erasure deletes the person's own opportunities (an opportunity
 * needs a customer; their quotes and orders stay, no longer linked to it), takes them out of every
 * buying center, and blanks their names, emails and phones where other opportunities quote them.
 */
@Component
class OpportunityPersonalData implements PersonalData.Holder {

	record Exported(String name, String pipeline, String stage, String status, BigDecimal amount, String currency,
			LocalDate expectedCloseDate, String owner, String nextStep, String lostReason, Instant createdAt, Instant closedAt) {
	}

	record BuyingCenterPlace(String opportunity, String organization, List<String> buyingRoles) {
	}

	private final JdbcClient jdbc;

	OpportunityPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "opportunities";
	}

	@Override
	public Object export(PersonalData.Subject subject) {
		var ws = WorkspaceContext.workspaceId();
		var own = jdbc.sql("""
				select o.name, p.name as pipeline, s.name as stage, o.status, o.amount, o.currency, o.expected_close_date,
				  u.display_name as owner, o.next_step, o.lost_reason, o.created_at, o.closed_at
				from opportunities o
				  join pipelines p on p.workspace_id = o.workspace_id and p.id = o.pipeline_id
				  join pipeline_stages s on s.workspace_id = o.workspace_id and s.id = o.stage_id
				  left join users u on u.id = o.owner_id
				where o.workspace_id = :ws and o.person_id = :person order by o.created_at, o.id""")
				.param("ws", ws).param("person", subject.personId())
				.query((rs, n) -> new Exported(rs.getString("name"), rs.getString("pipeline"), rs.getString("stage"),
						rs.getString("status"), rs.getBigDecimal("amount"), rs.getString("currency"),
						rs.getObject("expected_close_date", LocalDate.class), rs.getString("owner"), rs.getString("next_step"),
						rs.getString("lost_reason"), rs.getTimestamp("created_at").toInstant(),
						rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant()))
				.list();
		var places = jdbc.sql("""
				select o.name, g.name as organization, c.buying_roles from opportunity_contacts c
				  join opportunities o on o.workspace_id = c.workspace_id and o.id = c.opportunity_id
				  left join organizations g on g.workspace_id = o.workspace_id and g.id = o.organization_id
				where c.workspace_id = :ws and c.person_id = :person and o.person_id is distinct from :person
				order by o.created_at""")
				.param("ws", ws).param("person", subject.personId())
				.query((rs, n) -> new BuyingCenterPlace(rs.getString("name"), rs.getString("organization"),
						List.of((String[]) rs.getArray("buying_roles").getArray())))
				.list();
		var section = new LinkedHashMap<String, Object>();
		section.put("asCustomer", own);
		section.put("inBuyingCenters", places);
		return section;
	}

	@Override
	public int erase(PersonalData.Subject subject, PersonalData.Erasure erasure) {
		var ws = WorkspaceContext.workspaceId();
		var own = jdbc.sql("select id from opportunities where workspace_id = :ws and person_id = :person")
				.param("ws", ws).param("person", subject.personId()).query(UUID.class).list();
		var ids = own.toArray(UUID[]::new);
		erasure.historyOf(own);
		var erased = 0;
		if (!own.isEmpty()) {
			jdbc.sql("update quotes set opportunity_id = null where workspace_id = :ws and opportunity_id = any(:ids)")
					.param("ws", ws).param("ids", ids).update();
			jdbc.sql("update orders set opportunity_id = null where workspace_id = :ws and opportunity_id = any(:ids)")
					.param("ws", ws).param("ids", ids).update();
			jdbc.sql("update leads set converted_opportunity_id = null where workspace_id = :ws and converted_opportunity_id = any(:ids)")
					.param("ws", ws).param("ids", ids).update();
			jdbc.sql("delete from opportunity_stage_changes where workspace_id = :ws and opportunity_id = any(:ids)")
					.param("ws", ws).param("ids", ids).update();
			jdbc.sql("delete from opportunity_contacts where workspace_id = :ws and opportunity_id = any(:ids)")
					.param("ws", ws).param("ids", ids).update();
			erased += jdbc.sql("delete from opportunities where workspace_id = :ws and id = any(:ids)")
					.param("ws", ws).param("ids", ids).update();
		}
		erased += jdbc.sql("delete from opportunity_contacts where workspace_id = :ws and person_id = :person")
				.param("ws", ws).param("person", subject.personId()).update();
		erased += jdbc.sql("""
				update opportunities set name = sen_redact(name, :personal, :marker), next_step = sen_redact(next_step, :personal, :marker),
				  lost_reason = sen_redact(lost_reason, :personal, :marker)
				where workspace_id = :ws and (sen_mentions(name, :personal) or sen_mentions(next_step, :personal)
				  or sen_mentions(lost_reason, :personal))""")
				.param("ws", ws).param("personal", subject.identifying().toArray(String[]::new)).param("marker", History.ERASED)
				.update();
		return erased;
	}
}
