package org.sencrm.sales.product;

import java.time.Clock;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.pricing.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Price lists and their prices; the same access as the catalogue. */
@Service
public class PriceLists {

	static final String ENTITY = "price_list";

	private final JdbcClient jdbc;
	private final Access access;
	private final UserDirectory users;
	private final History history;
	private final Clock clock;

	PriceLists(JdbcClient jdbc, Access access, UserDirectory users, History history, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
		this.history = history;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PriceList get(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException("entity.price-list"));
	}

	@Transactional(readOnly = true)
	public Optional<PriceList> find(UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql("select * from price_lists where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).query(this::priceList).optional();
	}

	/** Every price list of the workspace (a handful), by currency and name. */
	@Transactional(readOnly = true)
	public List<PriceList> all() {
		return jdbc.sql("select * from price_lists where workspace_id = :ws order by currency, name, id")
				.param("ws", WorkspaceContext.workspaceId()).query(this::priceList).list();
	}

	/** The default list of a currency, if it applies on the day. */
	@Transactional(readOnly = true)
	public Optional<PriceList> defaultFor(String currency, LocalDate day) {
		return jdbc.sql("select * from price_lists where workspace_id = :ws and currency = :currency and is_default")
				.param("ws", WorkspaceContext.workspaceId()).param("currency", currency).query(this::priceList).optional()
				.filter(list -> list.appliesOn(day));
	}

	@Transactional
	public PriceList create(PriceListDraft draft) {
		access.requireWrite();
		var id = Ids.next();
		var list = checked(id, draft, null);
		clearOtherDefault(list);
		jdbc.sql("""
				insert into price_lists (id, workspace_id, name, currency, active, is_default, valid_from, valid_to, discount_percent)
				values (:id, :ws, :name, :currency, :active, :isDefault, :from, :to, :discount)""")
				.param("id", id).param("ws", WorkspaceContext.workspaceId()).param("name", list.name())
				.param("currency", list.currency()).param("active", list.active()).param("isDefault", list.isDefault())
				.param("from", list.validFrom()).param("to", list.validTo()).param("discount", list.discountPercent()).update();
		writePrices(id, list.prices());
		var stored = get(id);
		history.created(ENTITY, id, stored.historyValues());
		return stored;
	}

	@Transactional
	public PriceList update(UUID id, PriceListDraft draft, int expectedVersion) {
		access.requireWrite();
		var current = get(id);
		if (current.version() != expectedVersion) {
			throw new StaleVersionException();
		}
		var list = checked(id, draft, current);
		clearOtherDefault(list);
		var updated = jdbc.sql("""
				update price_lists set name = :name, currency = :currency, active = :active, is_default = :isDefault,
				  valid_from = :from, valid_to = :to, discount_percent = :discount, version = version + 1
				where workspace_id = :ws and id = :id and version = :version""")
				.param("id", id).param("ws", WorkspaceContext.workspaceId()).param("name", list.name())
				.param("currency", list.currency()).param("active", list.active()).param("isDefault", list.isDefault())
				.param("from", list.validFrom()).param("to", list.validTo()).param("discount", list.discountPercent())
				.param("version", expectedVersion).update();
		if (updated == 0) {
			throw new StaleVersionException();
		}
		jdbc.sql("delete from price_list_prices where workspace_id = :ws and price_list_id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).update();
		writePrices(id, list.prices());
		var stored = get(id);
		history.updated(ENTITY, id, current.historyValues(), stored.historyValues());
		return stored;
	}

	@Transactional
	public void delete(UUID id) {
		if (!access.currentUser().role().editsEverything()) {
			throw new AccessDeniedException("delete");
		}
		var current = get(id);
		jdbc.sql("delete from price_lists where workspace_id = :ws and id = :id").param("ws", WorkspaceContext.workspaceId())
				.param("id", id).update();
		history.deleted(ENTITY, id, current.historyValues());
	}

	private void clearOtherDefault(PriceList list) {
		if (list.isDefault()) {
			jdbc.sql("update price_lists set is_default = false where workspace_id = :ws and currency = :currency and id <> :id and is_default")
					.param("ws", WorkspaceContext.workspaceId()).param("currency", list.currency()).param("id", list.id()).update();
		}
	}

	private void writePrices(UUID listId, List<PriceList.Price> prices) {
		for (var price : prices) {
			jdbc.sql("insert into price_list_prices (price_list_id, product_id, workspace_id, unit_price) values (:list, :product, :ws, :price)")
					.param("list", listId).param("product", price.productId()).param("ws", WorkspaceContext.workspaceId())
					.param("price", price.unitPrice()).update();
		}
	}

	private PriceList checked(UUID id, PriceListDraft draft, PriceList current) {
		var problems = new ValidationException.Collector();
		var name = Products.text(draft.name(), "name", 200, true, problems);
		var currency = draft.currency() == null || draft.currency().isBlank() ? Optional.of(users.workspace().currency())
				: Money.currency(draft.currency());
		if (currency.isEmpty()) {
			problems.add("currency", "validation.currency");
		}
		var from = date(draft.validFrom(), "validFrom", problems);
		var to = date(draft.validTo(), "validTo", problems);
		if (from != null && to != null && to.isBefore(from)) {
			problems.add("validTo", "validation.sales.date-order");
		}
		var discount = draft.discountPercent();
		if (discount != null && !validPercent(discount)) {
			problems.add("discountPercent", "validation.sales.percent");
		}
		var prices = new ArrayList<PriceList.Price>();
		var seen = new HashSet<UUID>();
		var inputs = draft.prices() == null ? List.<PriceListDraft.PriceInput>of() : draft.prices();
		for (int i = 0; i < inputs.size(); i++) {
			var input = inputs.get(i);
			if (input == null || input.productId() == null) {
				problems.add("prices[" + i + "].productId", "validation.required");
				continue;
			}
			var product = jdbc.sql("select sku, name from products where workspace_id = :ws and id = :id")
					.param("ws", WorkspaceContext.workspaceId()).param("id", input.productId())
					.query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
			if (product.isEmpty()) {
				problems.add("prices[" + i + "].productId", "validation.sales.unknown-product");
			} else if (!seen.add(input.productId())) {
				problems.add("prices[" + i + "].productId", "validation.sales.duplicate-product");
			}
			var price = input.unitPrice();
			if (price == null) {
				problems.add("prices[" + i + "].unitPrice", "validation.required");
			} else if (price.signum() < 0 || price.stripTrailingZeros().scale() > 4) {
				problems.add("prices[" + i + "].unitPrice", "validation.sales.amount");
			}
			if (product.isPresent() && price != null) {
				prices.add(new PriceList.Price(input.productId(), product.get()[0], product.get()[1], price));
			}
		}
		problems.throwIfAny();
		var active = draft.active() == null ? current == null || current.active() : draft.active();
		var isDefault = draft.isDefault() == null ? current != null && current.isDefault() : draft.isDefault();
		return new PriceList(id, name, currency.get(), active, isDefault, from, to, discount, prices,
				current == null ? Instant.now(clock) : current.createdAt(), current == null ? 0 : current.version());
	}

	static boolean validPercent(BigDecimal percent) {
		return percent.signum() >= 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0 && percent.stripTrailingZeros().scale() <= 2;
	}

	static LocalDate date(String text, String field, ValidationException.Collector problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		} catch (DateTimeParseException e) {
			problems.add(field, "validation.date");
			return null;
		}
	}

	private PriceList priceList(ResultSet rs, int row) throws SQLException {
		var id = rs.getObject("id", UUID.class);
		var currency = rs.getString("currency");
		var prices = jdbc.sql("""
				select pp.product_id, p.sku, p.name, pp.unit_price from price_list_prices pp join products p on p.id = pp.product_id
				where pp.workspace_id = :ws and pp.price_list_id = :id order by p.search_name, p.id""")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.query((r, n) -> new PriceList.Price(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
						Money.price(r.getBigDecimal(4), currency)))
				.list();
		var from = rs.getObject("valid_from", LocalDate.class);
		var to = rs.getObject("valid_to", LocalDate.class);
		var discount = rs.getBigDecimal("discount_percent");
		return new PriceList(id, rs.getString("name"), currency, rs.getBoolean("active"), rs.getBoolean("is_default"), from, to,
				discount == null ? null : discount.stripTrailingZeros().setScale(Math.max(0, discount.stripTrailingZeros().scale())),
				prices, rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}
}
