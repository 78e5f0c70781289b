package org.sencrm.sales.quote;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.sencrm.directory.PersonalData;
import org.sencrm.platform.History;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.document.DocumentCustomerErasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Quotes made out to the person: exported with their lines; kept by an erasure, for "Erased customer". */
@Component
class QuotePersonalData implements PersonalData.Holder {

	record Line(String description, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal total) {
	}

	record Exported(String number, String status, String customerName, LocalDate issuedOn, LocalDate validUntil, String currency,
			BigDecimal subtotal, BigDecimal discountTotal, BigDecimal taxTotal, BigDecimal total, String notes, List<Line> lines) {
	}

	private final JdbcClient jdbc;
	private final DocumentCustomerErasure documents;

	QuotePersonalData(JdbcClient jdbc, DocumentCustomerErasure documents) {
		this.jdbc = jdbc;
		this.documents = documents;
	}

	@Override
	public String section() {
		return "quotes";
	}

	@Override
	public Object export(PersonalData.Subject subject) {
		var ids = jdbc.sql("select id from quotes where workspace_id = :ws and person_id = :person order by created_at, id")
				.param("ws", WorkspaceContext.workspaceId()).param("person", subject.personId()).query(UUID.class).list();
		return ids.stream().map(this::exported).toList();
	}

	private Exported exported(UUID id) {
		return jdbc.sql("select * from quotes where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.query((rs, n) -> new Exported(rs.getString("number"), rs.getString("status"), rs.getString("customer_name"),
						rs.getObject("issued_on", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
						rs.getString("currency"), rs.getBigDecimal("subtotal"), rs.getBigDecimal("discount_total"),
						rs.getBigDecimal("tax_total"), rs.getBigDecimal("total"), rs.getString("notes"), lines(id)))
				.single();
	}

	private List<Line> lines(UUID quoteId) {
		return jdbc.sql("""
				select description, quantity, unit, unit_price, total from quote_lines
				where workspace_id = :ws and quote_id = :quote order by position""")
				.param("ws", WorkspaceContext.workspaceId()).param("quote", quoteId)
				.query((rs, n) -> new Line(rs.getString("description"), rs.getBigDecimal("quantity"), rs.getString("unit"),
						rs.getBigDecimal("unit_price"), rs.getBigDecimal("total")))
				.list();
	}

	@Override
	public int erase(PersonalData.Subject subject, PersonalData.Erasure erasure) {
		var changed = documents.forgetCustomer(DocumentCustomerErasure.Kind.QUOTES, subject, erasure);
		return changed + jdbc.sql("""
				update quote_lines set description = sen_redact(description, :personal, :marker)
				where workspace_id = :ws and sen_mentions(description, :personal)""")
				.param("ws", WorkspaceContext.workspaceId()).param("personal", subject.identifying().toArray(String[]::new))
				.param("marker", History.ERASED).update();
	}
}
