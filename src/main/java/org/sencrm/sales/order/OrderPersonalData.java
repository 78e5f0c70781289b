package org.sencrm.sales.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.sencrm.directory.PersonalData;
import org.sencrm.platform.History;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.document.DocumentCustomerErasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders the person placed: exported with their lines and payments. An erasure keeps them — their
 * numbers, lines, amounts and payments are the business's records — for "Erased customer".
 */
@Component
class OrderPersonalData implements PersonalData.Holder {

	record Line(String description, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal total) {
	}

	record PaymentMade(BigDecimal amount, LocalDate paidOn, String method, String reference) {
	}

	record Exported(String number, String status, String customerName, LocalDate orderedOn, String currency, BigDecimal subtotal,
			BigDecimal discountTotal, BigDecimal taxTotal, BigDecimal total, BigDecimal paidAmount, Instant placedAt,
			Instant deliveredAt, Instant paidAt, Instant cancelledAt, String notes, List<Line> lines, List<PaymentMade> payments) {
	}

	private final JdbcClient jdbc;
	private final DocumentCustomerErasure documents;

	OrderPersonalData(JdbcClient jdbc, DocumentCustomerErasure documents) {
		this.jdbc = jdbc;
		this.documents = documents;
	}

	@Override
	public String section() {
		return "orders";
	}

	@Override
	public Object export(PersonalData.Subject subject) {
		var ws = WorkspaceContext.workspaceId();
		var ids = jdbc.sql("select id from orders where workspace_id = :ws and person_id = :person order by created_at, id")
				.param("ws", ws).param("person", subject.personId()).query(UUID.class).list();
		return ids.stream().map(this::exported).toList();
	}

	private Exported exported(UUID id) {
		var ws = WorkspaceContext.workspaceId();
		var lines = jdbc.sql("""
				select description, quantity, unit, unit_price, total from order_lines
				where workspace_id = :ws and order_id = :order order by position""")
				.param("ws", ws).param("order", id)
				.query((rs, n) -> new Line(rs.getString("description"), rs.getBigDecimal("quantity"), rs.getString("unit"),
						rs.getBigDecimal("unit_price"), rs.getBigDecimal("total")))
				.list();
		var payments = jdbc.sql("""
				select amount, paid_on, method, reference from payments where workspace_id = :ws and order_id = :order
				order by paid_on, created_at""")
				.param("ws", ws).param("order", id)
				.query((rs, n) -> new PaymentMade(rs.getBigDecimal("amount"), rs.getObject("paid_on", LocalDate.class),
						rs.getString("method"), rs.getString("reference")))
				.list();
		return jdbc.sql("select * from orders where workspace_id = :ws and id = :id").param("ws", ws).param("id", id)
				.query((rs, n) -> new Exported(rs.getString("number"), rs.getString("status"), rs.getString("customer_name"),
						rs.getObject("ordered_on", LocalDate.class), rs.getString("currency"), rs.getBigDecimal("subtotal"),
						rs.getBigDecimal("discount_total"), rs.getBigDecimal("tax_total"), rs.getBigDecimal("total"),
						rs.getBigDecimal("paid_amount"), instant(rs.getTimestamp("placed_at")), instant(rs.getTimestamp("delivered_at")),
						instant(rs.getTimestamp("paid_at")), instant(rs.getTimestamp("cancelled_at")), rs.getString("notes"), lines,
						payments))
				.single();
	}

	@Override
	public int erase(PersonalData.Subject subject, PersonalData.Erasure erasure) {
		var ws = WorkspaceContext.workspaceId();
		var personal = subject.identifying().toArray(String[]::new);
		var changed = documents.forgetCustomer(DocumentCustomerErasure.Kind.ORDERS, subject, erasure);
		changed += jdbc.sql("""
				update order_lines set description = sen_redact(description, :personal, :marker)
				where workspace_id = :ws and sen_mentions(description, :personal)""")
				.param("ws", ws).param("personal", personal).param("marker", History.ERASED).update();
		return changed + jdbc.sql("""
				update payments set reference = sen_redact(reference, :personal, :marker)
				where workspace_id = :ws and sen_mentions(reference, :personal)""")
				.param("ws", ws).param("personal", personal).param("marker", History.ERASED).update();
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
