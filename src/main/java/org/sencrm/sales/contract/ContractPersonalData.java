package org.sencrm.sales.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.sencrm.directory.PersonalData;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.document.DocumentCustomerErasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Contracts with the person: exported; kept by an erasure (number, dates, value), for "Erased customer". */
@Component
class ContractPersonalData implements PersonalData.Holder {

	record Exported(String number, String title, String status, String customerName, LocalDate startDate, LocalDate endDate,
			LocalDate renewalDate, BigDecimal value, String currency, String notes) {
	}

	private final JdbcClient jdbc;
	private final DocumentCustomerErasure documents;

	ContractPersonalData(JdbcClient jdbc, DocumentCustomerErasure documents) {
		this.jdbc = jdbc;
		this.documents = documents;
	}

	@Override
	public String section() {
		return "contracts";
	}

	@Override
	public Object export(PersonalData.Subject subject) {
		return jdbc.sql("""
				select number, title, status, customer_name, start_date, end_date, renewal_date, value, currency, notes
				from contracts where workspace_id = :ws and person_id = :person order by created_at, id""")
				.param("ws", WorkspaceContext.workspaceId()).param("person", subject.personId())
				.query((rs, n) -> new Exported(rs.getString("number"), rs.getString("title"), rs.getString("status"),
						rs.getString("customer_name"), rs.getObject("start_date", LocalDate.class),
						rs.getObject("end_date", LocalDate.class), rs.getObject("renewal_date", LocalDate.class),
						rs.getBigDecimal("value"), rs.getString("currency"), rs.getString("notes")))
				.list();
	}

	@Override
	public int erase(PersonalData.Subject subject, PersonalData.Erasure erasure) {
		return documents.forgetCustomer(DocumentCustomerErasure.Kind.CONTRACTS, subject, erasure);
	}
}
