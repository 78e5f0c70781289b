package org.sencrm.sales.contract;

import java.time.Clock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import org.sencrm.sales.document.NewestFirst;
import org.sencrm.sales.order.Orders;
import org.sencrm.sales.pricing.LinePricing;
import org.sencrm.sales.pricing.Money;
import org.sencrm.trash.Trash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contracts and subscriptions: made, changed, renewed (old → new), cancelled, and the renewal rate. */
@Service
public class Contracts {

	static final String ENTITY = "contract";
	private static final String SELECT = "select c.*, (select n.id from contracts n where n.renewed_from_id = c.id) as renewed_to_id"
			+ " from contracts c";

	public record Page(List<Contract> items, String nextCursor) {
	}

	/** Of the contracts ending in a period (not cancelled), how many were renewed; {@code rate} null when none ended. */
	public record RenewalRate(LocalDate from, LocalDate to, long due, long renewed, BigDecimal rate) {
	}

	private final JdbcClient jdbc;
	private final Access access;
	private final UserDirectory users;
	private final Orders orders;
	private final DocumentNumbers numbers;
	private final DocumentCustomers customers;
	private final DocumentOwners owners;
	private final History history;
	private final Clock clock;
	private final Trash trash;

	Contracts(JdbcClient jdbc, Access access, UserDirectory users, Orders orders, DocumentNumbers numbers,
			DocumentCustomers customers, DocumentOwners owners, History history, Clock clock, Trash trash) {
		this.trash = trash;
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
		this.orders = orders;
		this.numbers = numbers;
		this.customers = customers;
		this.owners = owners;
		this.history = history;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Contract get(UUID id) {
		return jdbc.sql(SELECT + " where c.workspace_id = :ws and c.id = :id").param("ws", WorkspaceContext.workspaceId())
				.param("id", id).query(Contracts::contract).optional().orElseThrow(() -> new NotFoundException("entity.contract"));
	}

	@Transactional(readOnly = true)
	public Page list(String status, UUID personId, UUID organizationId, String cursorText, int limit) {
		var filters = new LinkedHashMap<String, Object>();
		filters.put("status", status);
		filters.put("person_id", personId);
		filters.put("organization_id", organizationId);
		var slice = NewestFirst.page(jdbc, SELECT, "c", filters, cursorText, limit, Contracts::contract, Contract::createdAt,
				Contract::id);
		return new Page(slice.items(), slice.nextCursor());
	}

	@Transactional
	public Contract create(ContractDraft draft) {
		var problems = new ValidationException.Collector();
		var ownership = owners.ofNew(draft.ownerId(), draft.ownerTeamId(), problems);
		if (!DocumentFields.status(draft.status(), "active").equals("active")) {
			problems.add("status", "validation.sales.initial-status");
		}
		var checked = checked(draft, null, problems);
		problems.throwIfAny();
		var id = Ids.next();
		var today = users.workspace().today(clock);
		insert(id, numbers.next(DocumentNumbers.Kind.CONTRACT, today), checked, null, ownership.ownerId(), ownership.teamId());
		var contract = get(id);
		history.created(ENTITY, id, contract.historyValues());
		return contract;
	}

	@Transactional
	public Contract update(UUID id, ContractDraft draft, int expectedVersion) {
		var current = get(id);
		var problems = new ValidationException.Collector();
		var ownership = owners.ofChanged(current, expectedVersion, draft.ownerId(), draft.ownerTeamId(), problems);
		var status = DocumentFields.status(draft.status(), current.status());
		if (!status.equals(current.status())) {
			if (!Contract.STATUSES.contains(status)) {
				problems.add("status", "validation.choice");
			} else if (!current.status().equals("active") || status.equals("renewed")) {
				problems.add("status", "validation.sales.contract-transition", current.status(), status);
			}
		}
		var checked = checked(draft, current, problems);
		problems.throwIfAny();
		var updated = jdbc.sql("""
				update contracts set title = :title, person_id = :person, organization_id = :organization, customer_name = :customer,
				  order_id = :order, start_date = :start, end_date = :end, renewal_date = :renewal, value = :value,
				  currency = :currency, notes = :notes, status = :status, owner_id = :owner, owner_team_id = :team,
				  renewal_reminded_at = case when renewal_date is distinct from :renewal then null else renewal_reminded_at end,
				  updated_at = now(), version = version + 1
				where workspace_id = :ws and id = :id and version = :version""")
				.params(values(checked)).param("status", status).param("owner", ownership.ownerId()).param("team", ownership.teamId())
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("version", expectedVersion).update();
		if (updated == 0) {
			throw new StaleVersionException();
		}
		var contract = get(id);
		history.updated(ENTITY, id, current.historyValues(), contract.historyValues());
		return contract;
	}

	/**
	 * Renews an active (or expired) contract: a new active contract continues it — by default
	 * from the day after the old one ends, for the same length, value and currency — and the old one
	 * becomes "renewed".
	 */
	@Transactional
	public Contract renew(UUID id, ContractDraft.Renewal renewal) {
		var old = get(id);
		access.requireEdit(old.ownerId(), old.ownerTeamId());
		if (!old.status().equals("active") && !old.status().equals("expired")) {
			throw new DomainException("sales.contract.not-renewable", old.number(), old.status());
		}
		var problems = new ValidationException.Collector();
		var start = DocumentFields.date(renewal.startDate(), "startDate", problems);
		var end = DocumentFields.date(renewal.endDate(), "endDate", problems);
		var renewalDate = DocumentFields.date(renewal.renewalDate(), "renewalDate", problems);
		problems.throwIfAny();
		if (start == null) {
			start = old.endDate() == null ? users.workspace().today(clock) : old.endDate().plusDays(1);
		}
		if (end == null && old.endDate() != null) {
			// the same length on the calendar (a year is a year, in a leap year too), not the same number of days
			end = start.plus(Period.between(old.startDate(), old.endDate().plusDays(1))).minusDays(1);
		}
		var draft = new ContractDraft(renewal.title() == null || renewal.title().isBlank() ? old.title() : renewal.title(),
				old.personId(), old.organizationId(), null, start.toString(), end == null ? null : end.toString(),
				renewalDate == null ? null : renewalDate.toString(), renewal.value() == null ? old.value() : renewal.value(),
				old.currency(), old.notes(), null, old.ownerId(), old.ownerTeamId());
		var checked = checked(draft, null, problems);
		problems.throwIfAny();
		var newId = Ids.next();
		insert(newId, numbers.next(DocumentNumbers.Kind.CONTRACT, users.workspace().today(clock)), checked,
				old.id(), old.ownerId(), old.ownerTeamId());
		jdbc.sql("update contracts set status = 'renewed', updated_at = now(), version = version + 1 where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", old.id()).update();
		history.updated(ENTITY, old.id(), Map.of("status", old.status()), Map.of("status", "renewed"));
		var renewed = get(newId);
		history.created(ENTITY, newId, renewed.historyValues());
		return renewed;
	}

	@Transactional(readOnly = true)
	public RenewalRate renewalRate(LocalDate from, LocalDate to) {
		var counts = jdbc.sql("""
				select count(*) as due, count(*) filter (where status = 'renewed') as renewed from contracts
				where workspace_id = :ws and end_date between :from and :to and status <> 'cancelled'""")
				.param("ws", WorkspaceContext.workspaceId()).param("from", from).param("to", to)
				.query((rs, n) -> new long[] {rs.getLong("due"), rs.getLong("renewed")}).single();
		var rate = counts[0] == 0 ? null : BigDecimal.valueOf(counts[1]).divide(BigDecimal.valueOf(counts[0]), 4, RoundingMode.HALF_UP);
		return new RenewalRate(from, to, counts[0], counts[1], rate);
	}

	/**
	 * Moves a contract to the trash with its renewal tasks: its owners an expired or cancelled one;
	 * managers and administrators any (decision 22).
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

	private record Checked(String title, DocumentCustomers.Customer customer, UUID orderId, LocalDate start, LocalDate end,
			LocalDate renewal, BigDecimal value, String currency, String notes) {
	}

	private Checked checked(ContractDraft draft, Contract current, ValidationException.Collector problems) {
		String title = null;
		if (draft.title() == null || draft.title().isBlank()) {
			problems.add("title", "validation.required");
		} else if (draft.title().strip().length() > 300) {
			problems.add("title", "validation.too-long");
		} else {
			title = draft.title().strip();
		}
		var order = draft.orderId() == null ? null : orders.get(draft.orderId());
		Optional<DocumentCustomers.Customer> customer;
		if (current != null && Objects.equals(current.personId(), draft.personId())
				&& Objects.equals(current.organizationId(), draft.organizationId())) {
			customer = Optional.of(new DocumentCustomers.Customer(current.personId(), current.organizationId(), current.customerName()));
		} else if (draft.personId() == null && draft.organizationId() == null && order != null
				&& (order.personId() != null || order.organizationId() != null)) {
			customer = Optional.of(new DocumentCustomers.Customer(order.personId(), order.organizationId(), order.customerName()));
		} else {
			customer = customers.resolve(draft.personId(), draft.organizationId(), null, false, problems);
		}
		var start = DocumentFields.date(draft.startDate(), "startDate", problems);
		if (start == null && (draft.startDate() == null || draft.startDate().isBlank())) {
			problems.add("startDate", "validation.required");
		}
		var end = DocumentFields.date(draft.endDate(), "endDate", problems);
		if (start != null && end != null && end.isBefore(start)) {
			problems.add("endDate", "validation.sales.date-order");
		}
		var renewal = DocumentFields.date(draft.renewalDate(), "renewalDate", problems);
		if (renewal == null) {
			renewal = end;
		}
		var currency = draft.currency() != null && !draft.currency().isBlank() ? Money.currency(draft.currency())
				: Optional.of(order != null ? order.currency() : users.workspace().currency());
		if (currency.isEmpty()) {
			problems.add("currency", "validation.currency");
		}
		var value = draft.value() != null ? draft.value() : order != null ? order.totals().total() : null;
		if (value == null) {
			problems.add("value", "validation.required");
		} else if (value.signum() < 0 || currency.isPresent() && value.stripTrailingZeros().scale() > Money.digits(currency.get())) {
			problems.add("value", "validation.sales.amount");
		}
		var notes = DocumentFields.notes(draft.notes(), problems);
		return new Checked(title, customer.orElse(null), order == null ? null : order.id(), start, end, renewal, value,
				currency.orElse(null), notes);
	}

	private void insert(UUID id, String number, Checked c, UUID renewedFrom, UUID owner, UUID team) {
		jdbc.sql("""
				insert into contracts (id, workspace_id, number, title, person_id, organization_id, customer_name, order_id,
				  start_date, end_date, renewal_date, value, currency, status, renewed_from_id, notes, owner_id, owner_team_id)
				values (:id, :ws, :number, :title, :person, :organization, :customer, :order, :start, :end, :renewal, :value,
				  :currency, 'active', :renewedFrom, :notes, :owner, :team)""")
				.params(values(c)).param("id", id).param("ws", WorkspaceContext.workspaceId()).param("number", number)
				.param("renewedFrom", renewedFrom).param("owner", owner).param("team", team).update();
	}

	private static Map<String, Object> values(Checked c) {
		var values = new HashMap<String, Object>();
		values.put("title", c.title());
		values.put("person", c.customer() == null ? null : c.customer().personId());
		values.put("organization", c.customer() == null ? null : c.customer().organizationId());
		values.put("customer", c.customer() == null ? null : c.customer().name());
		values.put("order", c.orderId());
		values.put("start", c.start());
		values.put("end", c.end());
		values.put("renewal", c.renewal());
		values.put("value", c.value());
		values.put("currency", c.currency());
		values.put("notes", c.notes());
		return values;
	}

	static Contract contract(ResultSet rs, int row) throws SQLException {
		var currency = rs.getString("currency");
		var reminded = rs.getTimestamp("renewal_reminded_at");
		return new Contract(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("title"),
				rs.getObject("person_id", UUID.class), rs.getObject("organization_id", UUID.class), rs.getString("customer_name"),
				rs.getObject("order_id", UUID.class), rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
				rs.getObject("renewal_date", LocalDate.class), Money.scaled(rs.getBigDecimal("value"), currency), currency,
				rs.getString("status"), rs.getObject("renewed_from_id", UUID.class), rs.getObject("renewed_to_id", UUID.class),
				reminded == null ? null : reminded.toInstant(), rs.getObject("renewal_task_id", UUID.class), rs.getString("notes"),
				rs.getObject("owner_id", UUID.class), rs.getObject("owner_team_id", UUID.class),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}
}
