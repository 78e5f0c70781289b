package org.sencrm.sales.quote;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.sencrm.sales.pricing.Totals;
import org.sencrm.trash.Trash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Making, revising and moving quotes through their statuses. Every role reads quotes; writers
 * make them; the owner, the owner's team and those who edit everything change them.
 */
@Service
public class Quotes {

	static final String ENTITY = "quote";
	static final int DEFAULT_VALIDITY_DAYS = 30;

	public record Page(List<Quote> items, String nextCursor) {
	}

	private final JdbcClient jdbc;
	private final Access access;
	private final UserDirectory users;
	private final LinePricing pricing;
	private final LineRows lineRows;
	private final DocumentNumbers numbers;
	private final DocumentCustomers customers;
	private final DocumentOwners owners;
	private final History history;
	private final Clock clock;
	private final Trash trash;

	Quotes(JdbcClient jdbc, Access access, UserDirectory users, LinePricing pricing, LineRows lineRows, DocumentNumbers numbers,
			DocumentCustomers customers, DocumentOwners owners, History history, Clock clock, Trash trash) {
		this.trash = trash;
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
		this.pricing = pricing;
		this.lineRows = lineRows;
		this.numbers = numbers;
		this.customers = customers;
		this.owners = owners;
		this.history = history;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Quote get(UUID id) {
		return jdbc.sql("select * from quotes where workspace_id = :ws and id = :id").param("ws", WorkspaceContext.workspaceId())
				.param("id", id).query(this::quote).optional().orElseThrow(() -> new NotFoundException("entity.quote"));
	}

	/** Quotes newest first, optionally of one status, customer or opportunity. */
	@Transactional(readOnly = true)
	public Page list(String status, UUID personId, UUID organizationId, UUID opportunityId, String cursorText, int limit) {
		NewestFirst.checkStatus(status, Quote.STATUSES);
		var filters = new LinkedHashMap<String, Object>();
		filters.put("status", status);
		filters.put("person_id", personId);
		filters.put("organization_id", organizationId);
		filters.put("opportunity_id", opportunityId);
		var slice = NewestFirst.page(jdbc, "select * from quotes q", "q", filters, cursorText, limit, this::quote, Quote::createdAt,
				Quote::id);
		return new Page(slice.items(), slice.nextCursor());
	}

	@Transactional
	public Quote create(QuoteDraft draft) {
		var problems = new ValidationException.Collector();
		var ownership = owners.ofNew(draft.ownerId(), draft.ownerTeamId(), problems);
		var today = users.workspace().today(clock);
		var status = DocumentFields.status(draft.status(), "draft");
		if (!status.equals("draft") && !status.equals("sent")) {
			problems.add("status", "validation.sales.initial-status");
		}
		var customer = customers.resolve(draft.personId(), draft.organizationId(), draft.opportunityId(),
				draft.opportunityId() != null, problems);
		var validUntil = validUntil(draft.validUntil(), today, problems);
		var notes = DocumentFields.notes(draft.notes(), problems);
		var priced = pricing.priceDocument(draft.currency(), draft.priceListId(), draft.lines(), today, problems);
		problems.throwIfAny();
		var id = Ids.next();
		jdbc.sql("""
				insert into quotes (id, workspace_id, number, opportunity_id, person_id, organization_id, customer_name, price_list_id,
				  currency, status, issued_on, valid_until, notes, subtotal, discount_total, tax_total, total, owner_id, owner_team_id)
				values (:id, :ws, :number, :opportunity, :person, :organization, :customer, :priceList, :currency, :status, :issued,
				  :validUntil, :notes, :subtotal, :discount, :tax, :total, :owner, :team)""")
				.param("id", id).param("ws", WorkspaceContext.workspaceId())
				.param("number", numbers.next(DocumentNumbers.Kind.QUOTE, today)).param("opportunity", draft.opportunityId())
				.param("person", customer.map(DocumentCustomers.Customer::personId).orElse(null))
				.param("organization", customer.map(DocumentCustomers.Customer::organizationId).orElse(null))
				.param("customer", customer.map(DocumentCustomers.Customer::name).orElse(null))
				.param("priceList", priced.priceListId()).param("currency", priced.currency()).param("status", status)
				.param("issued", today).param("validUntil", validUntil).param("notes", notes)
				.param("subtotal", priced.totals().subtotal()).param("discount", priced.totals().discountTotal())
				.param("tax", priced.totals().taxTotal()).param("total", priced.totals().total())
				.param("owner", ownership.ownerId()).param("team", ownership.teamId()).update();
		lineRows.replace(LineRows.Of.QUOTE, id, priced.lines());
		var quote = get(id);
		history.created(ENTITY, id, quote.historyValues());
		return quote;
	}

	/**
	 * Changes a quote. Its lines, currency, price list and customer change only while it is a
	 * draft; its status only along {@link Quote#NEXT}.
	 */
	@Transactional
	public Quote update(UUID id, QuoteDraft draft, int expectedVersion) {
		var current = get(id);
		var problems = new ValidationException.Collector();
		var ownership = owners.ofChanged(current, expectedVersion, draft.ownerId(), draft.ownerTeamId(), problems);
		var status = DocumentFields.status(draft.status(), current.status());
		if (!Quote.STATUSES.contains(status)) {
			problems.add("status", "validation.choice");
		} else if (!Quote.canMove(current.status(), status)) {
			problems.add("status", "validation.sales.quote-transition", current.status(), status);
		}
		var contentChanged = contentChanged(current, draft);
		if (contentChanged && !current.draft()) {
			throw new DomainException("sales.quote.not-draft", current.number());
		}
		var validUntil = validUntil(draft.validUntil(), current.issuedOn(), problems);
		var notes = DocumentFields.notes(draft.notes(), problems);
		var customer = contentChanged ? customers.resolve(draft.personId(), draft.organizationId(), draft.opportunityId(),
				draft.opportunityId() != null, problems) : java.util.Optional.<DocumentCustomers.Customer>empty();
		var priced = contentChanged ? pricing.priceDocument(draft.currency(), draft.priceListId(), draft.lines(),
				users.workspace().today(clock), problems) : null;
		problems.throwIfAny();
		var statement = jdbc.sql("""
				update quotes set status = :status, valid_until = :validUntil, notes = :notes, owner_id = :owner, owner_team_id = :team,
				  opportunity_id = :opportunity, person_id = :person, organization_id = :organization, customer_name = :customer,
				  price_list_id = :priceList, currency = :currency, subtotal = :subtotal, discount_total = :discount,
				  tax_total = :tax, total = :total, updated_at = now(), version = version + 1
				where workspace_id = :ws and id = :id and version = :version""")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("version", expectedVersion)
				.param("status", status).param("validUntil", validUntil).param("notes", notes).param("owner", ownership.ownerId())
				.param("team", ownership.teamId());
		Totals totals = priced == null ? current.totals() : priced.totals();
		if (contentChanged) {
			statement = statement.param("opportunity", draft.opportunityId())
					.param("person", customer.map(DocumentCustomers.Customer::personId).orElse(null))
					.param("organization", customer.map(DocumentCustomers.Customer::organizationId).orElse(null))
					.param("customer", customer.map(DocumentCustomers.Customer::name).orElse(null))
					.param("priceList", priced.priceListId()).param("currency", priced.currency());
		} else {
			statement = statement.param("opportunity", current.opportunityId()).param("person", current.personId())
					.param("organization", current.organizationId()).param("customer", current.customerName())
					.param("priceList", current.priceListId()).param("currency", current.currency());
		}
		statement = statement.param("subtotal", totals.subtotal()).param("discount", totals.discountTotal())
				.param("tax", totals.taxTotal()).param("total", totals.total());
		if (statement.update() == 0) {
			throw new StaleVersionException();
		}
		if (contentChanged) {
			lineRows.replace(LineRows.Of.QUOTE, id, priced.lines());
		}
		var quote = get(id);
		history.updated(ENTITY, id, current.historyValues(), quote.historyValues());
		return quote;
	}

	/**
	 * A quote the user may change on its edit page: theirs or their team's (or anyone's for those
	 * who edit everything), and a draft — once sent, it is a record of what was offered.
	 */
	@Transactional(readOnly = true)
	public Quote editable(UUID id) {
		var quote = get(id);
		access.requireEdit(quote.ownerId(), quote.ownerTeamId());
		if (!quote.draft()) {
			throw new DomainException("sales.quote.edit-not-draft", quote.number());
		}
		return quote;
	}

	/**
	 * Changes a draft quote from its edit page: customer, currency, validity, notes and lines; the
	 * rest stays. A new currency drops the price list (the currency's default applies).
	 */
	@Transactional
	public Quote revise(UUID id, DocumentRevision revision, int expectedVersion) {
		var current = editable(id).toDraft();
		var sameCurrency = revision.currency() == null || revision.currency().strip().equalsIgnoreCase(current.currency());
		return update(id, new QuoteDraft(current.opportunityId(), revision.personId(), revision.organizationId(),
				sameCurrency ? current.priceListId() : null, revision.currency(), revision.date(), revision.notes(),
				revision.lines(), current.status(), current.ownerId(), current.ownerTeamId()), expectedVersion);
	}

	/** Moves a quote to another status (the buttons on its page). */
	@Transactional
	public Quote changeStatus(UUID id, String status, int expectedVersion) {
		var current = get(id);
		var draft = current.toDraft();
		return update(id, new QuoteDraft(draft.opportunityId(), draft.personId(), draft.organizationId(), draft.priceListId(),
				draft.currency(), draft.validUntil(), draft.notes(), draft.lines(), status, draft.ownerId(), draft.ownerTeamId()),
				expectedVersion);
	}

	/**
	 * Moves a quote to the trash: its owners a draft, rejected or expired one; managers and
	 * administrators any, since a sent or accepted quote is the record of what was offered (decision 22).
	 */
	@Transactional
	public void delete(UUID id) {
		var current = get(id);
		access.requireEdit(current.ownerId(), current.ownerTeamId());
		trash.moveToTrash(ENTITY, id, null);
	}

	/** Sent quotes past their validity become expired; returns how many (the daily job). */
	@Transactional
	public int expireOverdue(LocalDate today) {
		var expired = jdbc.sql("""
				update quotes set status = 'expired', updated_at = now(), version = version + 1
				where workspace_id = :ws and status = 'sent' and valid_until < :today returning id""")
				.param("ws", WorkspaceContext.workspaceId()).param("today", today).query(UUID.class).list();
		expired.forEach(quoteId -> history.updated(ENTITY, quoteId, java.util.Map.of("status", "sent"),
				java.util.Map.of("status", "expired")));
		return expired.size();
	}

	@Transactional(readOnly = true)
	public List<History.Entry> history(UUID id) {
		get(id);
		return history.of(id);
	}

	private static boolean contentChanged(Quote current, QuoteDraft draft) {
		var before = current.toDraft();
		return !Objects.equals(before.opportunityId(), draft.opportunityId()) || !Objects.equals(before.personId(), draft.personId())
				|| !Objects.equals(before.organizationId(), draft.organizationId())
				|| !Objects.equals(before.priceListId(), draft.priceListId())
				|| draft.currency() != null && !before.currency().equalsIgnoreCase(draft.currency().strip())
				|| !normalized(before.lines()).equals(normalized(draft.lines()));
	}

	private static List<LineInput> normalized(List<LineInput> lines) {
		return lines == null ? List.of() : lines.stream().map(l -> l == null ? null : l.normalized()).toList();
	}

	private static LocalDate validUntil(String text, LocalDate issuedOn, ValidationException.Collector problems) {
		if (text == null || text.isBlank()) {
			return issuedOn.plusDays(DEFAULT_VALIDITY_DAYS);
		}
		var date = DocumentFields.date(text, "validUntil", problems);
		if (date != null && date.isBefore(issuedOn)) {
			problems.add("validUntil", "validation.sales.valid-until");
		}
		return date;
	}

	private Quote quote(ResultSet rs, int row) throws SQLException {
		var id = rs.getObject("id", UUID.class);
		var currency = rs.getString("currency");
		var lines = lineRows.of(LineRows.Of.QUOTE, id, currency);
		return new Quote(id, rs.getString("number"), rs.getObject("opportunity_id", UUID.class),
				rs.getObject("person_id", UUID.class), rs.getObject("organization_id", UUID.class), rs.getString("customer_name"),
				rs.getObject("price_list_id", UUID.class), currency, rs.getString("status"), rs.getObject("issued_on", LocalDate.class),
				rs.getObject("valid_until", LocalDate.class), rs.getString("notes"), lines,
				new Totals(Money.scaled(rs.getBigDecimal("subtotal"), currency), Money.scaled(rs.getBigDecimal("discount_total"), currency),
						Money.scaled(rs.getBigDecimal("tax_total"), currency), Money.scaled(rs.getBigDecimal("total"), currency)),
				rs.getObject("owner_id", UUID.class), rs.getObject("owner_team_id", UUID.class),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}
}
