package org.sencrm.sales.order;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.sencrm.sales.document.DocumentCustomers;
import org.sencrm.sales.document.DocumentFields;
import org.sencrm.sales.document.DocumentNumbers;
import org.sencrm.sales.document.DocumentOwners;
import org.sencrm.sales.document.DocumentRevision;
import org.sencrm.sales.document.NewestFirst;
import org.sencrm.sales.pricing.LineInput;
import org.sencrm.sales.pricing.LinePricing;
import org.sencrm.sales.pricing.LineRows;
import org.sencrm.sales.pricing.Money;
import org.sencrm.sales.pricing.PricedLine;
import org.sencrm.sales.pricing.Totals;
import org.sencrm.sales.quote.Quotes;
import org.sencrm.trash.Trash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders: made from an accepted quote or directly, changed while drafts, moved through their
 * statuses. Confirming an order publishes {@code OrderPlaced}. Payments are {@link OrderPayments}.
 * Access as for quotes.
 */
@Service
public class Orders {

	static final String ENTITY = "order";

	public record Page(List<Order> items, String nextCursor) {
	}

	private final JdbcClient jdbc;
	private final Access access;
	private final UserDirectory users;
	private final Quotes quotes;
	private final LinePricing pricing;
	private final LineRows lineRows;
	private final DocumentNumbers numbers;
	private final DocumentCustomers customers;
	private final DocumentOwners owners;
	private final OrderNews news;
	private final History history;
	private final Clock clock;
	private final Trash trash;

	Orders(JdbcClient jdbc, Access access, UserDirectory users, Quotes quotes, LinePricing pricing, LineRows lineRows,
			DocumentNumbers numbers, DocumentCustomers customers, DocumentOwners owners, OrderNews news, History history, Clock clock, Trash trash) {
		this.trash = trash;
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
		this.quotes = quotes;
		this.pricing = pricing;
		this.lineRows = lineRows;
		this.numbers = numbers;
		this.customers = customers;
		this.owners = owners;
		this.news = news;
		this.history = history;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Order get(UUID id) {
		return jdbc.sql("select * from orders where workspace_id = :ws and id = :id").param("ws", WorkspaceContext.workspaceId())
				.param("id", id).query(this::order).optional().orElseThrow(() -> new NotFoundException("entity.order"));
	}

	@Transactional(readOnly = true)
	public Page list(String status, UUID personId, UUID organizationId, String cursorText, int limit) {
		NewestFirst.checkStatus(status, Order.STATUSES);
		var filters = new LinkedHashMap<String, Object>();
		filters.put("status", status);
		filters.put("person_id", personId);
		filters.put("organization_id", organizationId);
		var slice = NewestFirst.page(jdbc, "select * from orders o", "o", filters, cursorText, limit, this::order, Order::createdAt,
				Order::id);
		return new Page(slice.items(), slice.nextCursor());
	}

	@Transactional
	public Order create(OrderDraft draft) {
		var problems = new ValidationException.Collector();
		var ownership = owners.ofNew(draft.ownerId(), draft.ownerTeamId(), problems);
		var today = users.workspace().today(clock);
		var status = DocumentFields.status(draft.status(), "draft");
		if (!status.equals("draft") && !status.equals("confirmed")) {
			problems.add("status", "validation.sales.initial-status");
		}
		var orderedOn = DocumentFields.date(draft.orderedOn(), "orderedOn", problems);
		var notes = DocumentFields.notes(draft.notes(), problems);
		UUID quoteId = null;
		UUID opportunityId = draft.opportunityId();
		String currency;
		List<PricedLine> lines;
		Totals totals;
		java.util.Optional<DocumentCustomers.Customer> customer;
		if (draft.quoteId() != null) {
			var quote = quotes.get(draft.quoteId());
			if (!"accepted".equals(quote.status())) {
				throw new DomainException("sales.order.quote-not-accepted", quote.number());
			}
			if (liveOrderOf(quote.id())) {
				throw new DomainException("sales.order.quote-ordered", quote.number());
			}
			if (draft.lines() != null && !draft.lines().isEmpty()) {
				problems.add("lines", "validation.sales.lines-from-quote");
			}
			quoteId = quote.id();
			opportunityId = quote.opportunityId();
			currency = quote.currency();
			lines = quote.lines();
			totals = quote.totals();
			customer = quote.personId() != null || quote.organizationId() != null
					? java.util.Optional.of(new DocumentCustomers.Customer(quote.personId(), quote.organizationId(), quote.customerName()))
					: customers.resolve(draft.personId(), draft.organizationId(), quote.opportunityId(), true, problems);
		} else {
			customer = customers.resolve(draft.personId(), draft.organizationId(), opportunityId, opportunityId != null, problems);
			var priced = pricing.priceDocument(draft.currency(), draft.priceListId(), draft.lines(), today, problems);
			currency = priced == null ? null : priced.currency();
			lines = priced == null ? List.of() : priced.lines();
			totals = priced == null ? null : priced.totals();
		}
		problems.throwIfAny();
		var id = Ids.next();
		jdbc.sql("""
				insert into orders (id, workspace_id, number, quote_id, opportunity_id, person_id, organization_id, customer_name,
				  currency, status, ordered_on, notes, subtotal, discount_total, tax_total, total, owner_id, owner_team_id)
				values (:id, :ws, :number, :quote, :opportunity, :person, :organization, :customer, :currency, 'draft', :orderedOn,
				  :notes, :subtotal, :discount, :tax, :total, :owner, :team)""")
				.param("id", id).param("ws", WorkspaceContext.workspaceId())
				.param("number", numbers.next(DocumentNumbers.Kind.ORDER, today)).param("quote", quoteId)
				.param("opportunity", opportunityId)
				.param("person", customer.map(DocumentCustomers.Customer::personId).orElse(null))
				.param("organization", customer.map(DocumentCustomers.Customer::organizationId).orElse(null))
				.param("customer", customer.map(DocumentCustomers.Customer::name).orElse(null))
				.param("currency", currency).param("orderedOn", orderedOn == null ? today : orderedOn).param("notes", notes)
				.param("subtotal", totals.subtotal()).param("discount", totals.discountTotal()).param("tax", totals.taxTotal())
				.param("total", totals.total()).param("owner", ownership.ownerId()).param("team", ownership.teamId()).update();
		lineRows.replace(LineRows.Of.ORDER, id, lines);
		var order = get(id);
		history.created(ENTITY, id, order.historyValues());
		return status.equals("confirmed") ? move(order, "confirmed") : order;
	}

	/**
	 * Changes an order: notes and owner at any time, lines and customer only while it is a draft,
	 * the status along {@link Order#NEXT}.
	 */
	@Transactional
	public Order update(UUID id, OrderDraft draft, int expectedVersion) {
		var current = get(id);
		var problems = new ValidationException.Collector();
		var ownership = owners.ofChanged(current, expectedVersion, draft.ownerId(), draft.ownerTeamId(), problems);
		var status = DocumentFields.status(draft.status(), current.status());
		checkMove(current, status, problems);
		var contentChanged = contentChanged(current, draft);
		if (contentChanged && !"draft".equals(current.status())) {
			throw new DomainException("sales.order.not-draft", current.number());
		}
		var notes = DocumentFields.notes(draft.notes(), problems);
		var orderedOn = draft.orderedOn() == null || draft.orderedOn().isBlank() ? current.orderedOn()
				: DocumentFields.date(draft.orderedOn(), "orderedOn", problems);
		var customer = contentChanged ? customers.resolve(draft.personId(), draft.organizationId(), current.opportunityId(),
				current.opportunityId() != null || current.quoteId() != null, problems) : java.util.Optional.<DocumentCustomers.Customer>empty();
		var priced = contentChanged ? pricing.priceDocument(draft.currency(), draft.priceListId(), draft.lines(),
				users.workspace().today(clock), problems) : null;
		problems.throwIfAny();
		var totals = priced == null ? current.totals() : priced.totals();
		var updated = jdbc.sql("""
				update orders set notes = :notes, ordered_on = :orderedOn, owner_id = :owner, owner_team_id = :team,
				  person_id = :person, organization_id = :organization, customer_name = :customer, currency = :currency,
				  subtotal = :subtotal, discount_total = :discount, tax_total = :tax, total = :total, updated_at = now(),
				  version = version + 1
				where workspace_id = :ws and id = :id and version = :version""")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("version", expectedVersion)
				.param("notes", notes).param("orderedOn", orderedOn).param("owner", ownership.ownerId())
				.param("team", ownership.teamId())
				.param("person", contentChanged ? customer.map(DocumentCustomers.Customer::personId).orElse(null) : current.personId())
				.param("organization", contentChanged ? customer.map(DocumentCustomers.Customer::organizationId).orElse(null)
						: current.organizationId())
				.param("customer", contentChanged ? customer.map(DocumentCustomers.Customer::name).orElse(null) : current.customerName())
				.param("currency", priced == null ? current.currency() : priced.currency())
				.param("subtotal", totals.subtotal()).param("discount", totals.discountTotal()).param("tax", totals.taxTotal())
				.param("total", totals.total()).update();
		if (updated == 0) {
			throw new StaleVersionException();
		}
		if (priced != null) {
			lineRows.replace(LineRows.Of.ORDER, id, priced.lines());
		}
		var changed = get(id);
		history.updated(ENTITY, id, current.historyValues(), changed.historyValues());
		return status.equals(current.status()) ? changed : move(changed, status);
	}

	/** An order the user may change on its edit page: one they may edit, and a draft. */
	@Transactional(readOnly = true)
	public Order editable(UUID id) {
		var order = get(id);
		access.requireEdit(order.ownerId(), order.ownerTeamId());
		if (!"draft".equals(order.status())) {
			throw new DomainException("sales.order.edit-not-draft", order.number());
		}
		return order;
	}

	/** Changes a draft order from its edit page: customer, currency, order date (blank keeps it), notes and lines. */
	@Transactional
	public Order revise(UUID id, DocumentRevision revision, int expectedVersion) {
		var current = editable(id).toDraft();
		return update(id, new OrderDraft(current.quoteId(), current.opportunityId(), revision.personId(), revision.organizationId(),
				null, revision.currency(), revision.date(), revision.notes(), revision.lines(), current.status(), current.ownerId(),
				current.ownerTeamId()), expectedVersion);
	}

	/** Moves an order to another status (draft → confirmed → delivered; cancelled). */
	@Transactional
	public Order changeStatus(UUID id, String status, int expectedVersion) {
		var current = get(id);
		access.requireEdit(current.ownerId(), current.ownerTeamId());
		if (current.version() != expectedVersion) {
			throw new StaleVersionException();
		}
		var problems = new ValidationException.Collector();
		checkMove(current, status, problems);
		problems.throwIfAny();
		return status.equals(current.status()) ? current : move(current, status);
	}

	/**
	 * Moves an order to the trash: its owners a draft or cancelled one; managers and administrators
	 * any, since a confirmed order is what the customer ordered (decision 22).
	 */
	@Transactional
	public void delete(UUID id, Integer expectedVersion) {
		var current = get(id);
		access.requireEdit(current.ownerId(), current.ownerTeamId());
		trash.moveToTrash(ENTITY, id, expectedVersion);
	}

	@Transactional(readOnly = true)
	public List<History.Entry> history(UUID id) {
		get(id);
		return history.of(id);
	}

	private Order move(Order order, String to) {
		var now = Instant.now(clock);
		var column = switch (to) {
			case "confirmed" -> "placed_at";
			case "delivered" -> "delivered_at";
			case "cancelled" -> "cancelled_at";
			default -> throw new IllegalArgumentException(to);
		};
		jdbc.sql("update orders set status = :status, " + column + " = :now, updated_at = now(), version = version + 1"
				+ " where workspace_id = :ws and id = :id")
				.param("status", to).param("now", Timestamp.from(now)).param("ws", WorkspaceContext.workspaceId())
				.param("id", order.id()).update();
		var changed = get(order.id());
		history.updated(ENTITY, order.id(), Map.of("status", order.status()), Map.of("status", to));
		if (to.equals("confirmed")) {
			news.placed(changed, now);
		}
		return changed;
	}

	private static void checkMove(Order order, String to, ValidationException.Collector problems) {
		if (to.equals(order.status())) {
			return;
		}
		if (!Order.STATUSES.contains(to)) {
			problems.add("status", "validation.choice");
		} else if (to.equals("paid")) {
			problems.add("status", "validation.sales.paid-by-payments");
		} else if (to.equals("cancelled") && order.paidAmount().signum() > 0) {
			problems.add("status", "validation.sales.cancel-paid");
		} else if (!order.canMoveTo(to)) {
			var allowed = Order.NEXT.get(order.status());
			problems.add("status", "validation.sales.order-transition", order.status(), to,
					allowed.isEmpty() ? "—" : String.join(", ", allowed));
		}
	}

	private boolean liveOrderOf(UUID quoteId) {
		return jdbc.sql("select count(*) from orders where workspace_id = :ws and quote_id = :quote and status <> 'cancelled'")
				.param("ws", WorkspaceContext.workspaceId()).param("quote", quoteId).query(Long.class).single() > 0;
	}

	private static boolean contentChanged(Order current, OrderDraft draft) {
		var before = current.toDraft();
		return !Objects.equals(before.personId(), draft.personId()) || !Objects.equals(before.organizationId(), draft.organizationId())
				|| draft.currency() != null && !before.currency().equalsIgnoreCase(draft.currency().strip())
				|| draft.priceListId() != null
				|| !normalized(before.lines()).equals(normalized(draft.lines()));
	}

	private static List<LineInput> normalized(List<LineInput> lines) {
		return lines == null ? List.of() : lines.stream().map(l -> l == null ? null : l.normalized()).toList();
	}

	private Order order(ResultSet rs, int row) throws SQLException {
		var id = rs.getObject("id", UUID.class);
		var currency = rs.getString("currency");
		return new Order(id, rs.getString("number"), rs.getObject("quote_id", UUID.class), rs.getObject("opportunity_id", UUID.class),
				rs.getObject("person_id", UUID.class), rs.getObject("organization_id", UUID.class), rs.getString("customer_name"),
				currency, rs.getString("status"), rs.getObject("ordered_on", LocalDate.class), rs.getString("notes"),
				lineRows.of(LineRows.Of.ORDER, id, currency),
				new Totals(Money.scaled(rs.getBigDecimal("subtotal"), currency), Money.scaled(rs.getBigDecimal("discount_total"), currency),
						Money.scaled(rs.getBigDecimal("tax_total"), currency), Money.scaled(rs.getBigDecimal("total"), currency)),
				Money.scaled(rs.getBigDecimal("paid_amount"), currency), instant(rs, "placed_at"), instant(rs, "delivered_at"),
				instant(rs, "paid_at"), instant(rs, "cancelled_at"), rs.getObject("owner_id", UUID.class),
				rs.getObject("owner_team_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
