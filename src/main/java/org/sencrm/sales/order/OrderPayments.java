package org.sencrm.sales.order;

import java.time.Clock;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.document.DocumentFields;
import org.sencrm.sales.pricing.LinePricing;
import org.sencrm.sales.pricing.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money received for orders. The payment that covers the total makes a confirmed or delivered
 * order paid and publishes {@code OrderPaid}; removing a payment recorded by mistake takes a paid
 * order that is no longer covered back to the status it was paid in (decision 14). Those who may
 * change the order record and remove its payments; both are lines of the order's history.
 */
@Service
public class OrderPayments {

	private final JdbcClient jdbc;
	private final Access access;
	private final UserDirectory users;
	private final Orders orders;
	private final OrderNews news;
	private final History history;
	private final Clock clock;

	OrderPayments(JdbcClient jdbc, Access access, UserDirectory users, Orders orders, OrderNews news, History history, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
		this.orders = orders;
		this.news = news;
		this.history = history;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Payment> of(UUID orderId) {
		orders.get(orderId);
		return jdbc.sql("select * from payments where workspace_id = :ws and order_id = :order order by paid_on, created_at")
				.param("ws", WorkspaceContext.workspaceId()).param("order", orderId).query(OrderPayments::payment).list();
	}

	/** Records money received; the payment that covers the total makes the order paid. */
	@Transactional
	public Payment record(UUID orderId, Payment.Draft draft) {
		var order = locked(orderId);
		access.requireEdit(order.ownerId(), order.ownerTeamId());
		if (!order.takesPayments()) {
			throw new DomainException("sales.order.not-payable", order.number(), order.status());
		}
		var problems = new ValidationException.Collector();
		var amount = draft.amount();
		if (amount == null) {
			problems.add("amount", "validation.required");
		} else if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > Money.digits(order.currency())) {
			problems.add("amount", "validation.sales.payment-amount", order.currency());
		} else if (amount.compareTo(order.balance()) > 0) {
			problems.add("amount", "validation.sales.overpayment", order.balance().toPlainString(), order.currency());
		}
		var paidOn = DocumentFields.date(draft.paidOn(), "paidOn", problems);
		var method = draft.method() == null || draft.method().isBlank() ? "bank_transfer" : draft.method().strip();
		if (!Payment.METHODS.contains(method)) {
			problems.add("method", "validation.choice");
		}
		var reference = draft.reference() == null || draft.reference().isBlank() ? null : draft.reference().strip();
		if (reference != null && reference.length() > 200) {
			problems.add("reference", "validation.too-long");
		}
		problems.throwIfAny();
		var id = Ids.next();
		jdbc.sql("""
				insert into payments (id, workspace_id, order_id, amount, paid_on, method, reference, created_by)
				values (:id, :ws, :order, :amount, :paidOn, :method, :reference, :user)""")
				.param("id", id).param("ws", WorkspaceContext.workspaceId()).param("order", orderId).param("amount", amount)
				.param("paidOn", paidOn == null ? users.workspace().today(clock) : paidOn).param("method", method)
				.param("reference", reference).param("user", access.currentUser().id()).update();
		var paid = order.paidAmount().add(amount);
		var covered = paid.compareTo(order.totals().total()) >= 0;
		var now = Instant.now(clock);
		jdbc.sql("""
				update orders set paid_amount = :paid, status = case when :covered then 'paid' else status end,
				  paid_at = case when :covered then :now else paid_at end, updated_at = now(), version = version + 1
				where workspace_id = :ws and id = :id""")
				.param("paid", paid).param("covered", covered).param("now", Timestamp.from(now))
				.param("ws", WorkspaceContext.workspaceId()).param("id", orderId).update();
		var changed = orders.get(orderId);
		history.updated(Orders.ENTITY, orderId, order.historyValues(), changed.historyValues());
		if (covered) {
			news.paid(changed, now);
		}
		return find(orderId, id).orElseThrow();
	}

	/**
	 * Removes a payment recorded by mistake. A paid order that the remaining payments no longer
	 * cover goes back to the status it was paid in — delivered if it had been delivered, else
	 * confirmed — and loses its paid time. {@code expectedVersion} (the order's, may be null) guards
	 * against removing from an order someone else changed meanwhile.
	 */
	@Transactional
	public Order remove(UUID orderId, UUID paymentId, Integer expectedVersion) {
		var order = locked(orderId);
		access.requireEdit(order.ownerId(), order.ownerTeamId());
		if (expectedVersion != null && expectedVersion != order.version()) {
			throw new StaleVersionException();
		}
		var payment = find(orderId, paymentId).orElseThrow(() -> new NotFoundException("entity.payment"));
		jdbc.sql("delete from payments where workspace_id = :ws and id = :id").param("ws", WorkspaceContext.workspaceId())
				.param("id", paymentId).update();
		var paid = order.paidAmount().subtract(payment.amount()).max(BigDecimal.ZERO);
		var unpaid = "paid".equals(order.status()) && paid.compareTo(order.totals().total()) < 0;
		var status = !unpaid ? order.status() : order.deliveredAt() != null ? "delivered" : "confirmed";
		jdbc.sql("""
				update orders set paid_amount = :paid, status = :status, paid_at = case when :unpaid then null else paid_at end,
				  updated_at = now(), version = version + 1
				where workspace_id = :ws and id = :id""")
				.param("paid", paid).param("status", status).param("unpaid", unpaid)
				.param("ws", WorkspaceContext.workspaceId()).param("id", orderId).update();
		var changed = orders.get(orderId);
		var before = new LinkedHashMap<String, Object>(order.historyValues());
		before.put("payment", describe(payment, order.currency()));
		history.updated(Orders.ENTITY, orderId, before, changed.historyValues());
		return changed;
	}

	/** The order, locked until the transaction ends so that payments are counted one at a time. */
	private Order locked(UUID orderId) {
		jdbc.sql("select id from orders where workspace_id = :ws and id = :id for update")
				.param("ws", WorkspaceContext.workspaceId()).param("id", orderId).query(UUID.class).optional()
				.orElseThrow(() -> new NotFoundException("entity.order"));
		return orders.get(orderId);
	}

	private java.util.Optional<Payment> find(UUID orderId, UUID paymentId) {
		return jdbc.sql("select * from payments where workspace_id = :ws and order_id = :order and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("order", orderId).param("id", paymentId)
				.query(OrderPayments::payment).optional();
	}

	/** A removed payment as its history line keeps it: {@code {"amount", "currency", "paidOn", "method", "reference"}}. */
	private static Map<String, Object> describe(Payment payment, String currency) {
		var fields = new LinkedHashMap<String, Object>();
		fields.put("amount", payment.amount().toPlainString());
		fields.put("currency", currency);
		fields.put("paidOn", payment.paidOn().toString());
		fields.put("method", payment.method());
		if (payment.reference() != null) {
			fields.put("reference", payment.reference());
		}
		return fields;
	}

	private static Payment payment(ResultSet rs, int row) throws SQLException {
		return new Payment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				Money.plain(rs.getBigDecimal("amount")), rs.getObject("paid_on", LocalDate.class),
				rs.getString("method"), rs.getString("reference"), rs.getObject("created_by", UUID.class),
				rs.getTimestamp("created_at").toInstant());
	}
}
