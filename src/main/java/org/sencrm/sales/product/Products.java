package org.sencrm.sales.product;

import java.time.Clock;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Cursor;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.pricing.Money;
import org.sencrm.sales.pricing.TaxRate;
import org.sencrm.trash.Trash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product catalogue: every user reads it, every user who writes may add and change products
 * (each change is in the history); only those who edit everything delete one.
 */
@Service
public class Products {

	static final String ENTITY = "product";
	private static final int MAX_NAME = 200;

	public record Page(List<Product> items, String nextCursor) {
	}

	private final JdbcClient jdbc;
	private final Access access;
	private final UserDirectory users;
	private final History history;
	private final Clock clock;
	private final Trash trash;

	Products(JdbcClient jdbc, Access access, UserDirectory users, History history, Clock clock, Trash trash) {
		this.trash = trash;
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
		this.history = history;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Product get(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException("entity.product"));
	}

	@Transactional(readOnly = true)
	public Optional<Product> find(UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql("select * from products where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).query(Products::product).optional();
	}

	/** Products by name (text matches words of the name or the start of the SKU), keyset-paged. */
	@Transactional(readOnly = true)
	public Page list(String q, Boolean active, String cursorText, int limit) {
		var cursor = Cursor.decode(cursorText);
		var size = Math.max(1, Math.min(limit, 200));
		var text = SearchText.fold(q);
		var sql = new StringBuilder("select * from products where workspace_id = :ws");
		if (!text.isEmpty()) {
			sql.append(" and (search_name like :contains escape '\\' or lower(sku) like :prefix escape '\\')");
		}
		if (active != null) {
			sql.append(" and active = :active");
		}
		if (cursor != null) {
			sql.append(" and (search_name, id) > (:key, :after)");
		}
		sql.append(" order by search_name, id limit :limit");
		var statement = jdbc.sql(sql.toString()).param("ws", WorkspaceContext.workspaceId()).param("limit", size + 1);
		if (!text.isEmpty()) {
			statement = statement.param("contains", "%" + SearchText.escapeLike(text) + "%")
					.param("prefix", SearchText.escapeLike(q.strip().toLowerCase()) + "%");
		}
		if (active != null) {
			statement = statement.param("active", active);
		}
		if (cursor != null) {
			statement = statement.param("key", cursor.key()).param("after", cursor.id());
		}
		var rows = statement.query((rs, n) -> Map.entry(rs.getString("search_name"), product(rs, n))).list();
		var items = rows.stream().limit(size).map(Map.Entry::getValue).toList();
		var next = rows.size() > size ? new Cursor(rows.get(size - 1).getKey(), items.getLast().id()).encode() : null;
		return new Page(items, next);
	}

	/** Active products, by name, for the line pickers of forms. */
	@Transactional(readOnly = true)
	public List<Product> offered() {
		return jdbc.sql("select * from products where workspace_id = :ws and active order by search_name, id limit 1000")
				.param("ws", WorkspaceContext.workspaceId()).query(Products::product).list();
	}

	@Transactional
	public Product create(ProductDraft draft) {
		access.requireWrite();
		var id = Ids.next();
		var product = checked(id, draft, null, Instant.now(clock), 0);
		jdbc.sql("""
				insert into products (id, workspace_id, sku, name, description, unit, tax_rate, unit_price, currency, active, search_name)
				values (:id, :ws, :sku, :name, :description, :unit, :tax, :price, :currency, :active, :search)""")
				.paramSource(params(product)).update();
		history.created(ENTITY, id, product.historyValues());
		return get(id);
	}

	@Transactional
	public Product update(UUID id, ProductDraft draft, int expectedVersion) {
		access.requireWrite();
		var current = get(id);
		if (current.version() != expectedVersion) {
			throw new StaleVersionException();
		}
		var changed = checked(id, draft, current, current.createdAt(), expectedVersion + 1);
		var updated = jdbc.sql("""
				update products set sku = :sku, name = :name, description = :description, unit = :unit, tax_rate = :tax,
				  unit_price = :price, currency = :currency, active = :active, search_name = :search, updated_at = now(),
				  version = version + 1
				where workspace_id = :ws and id = :id and version = :version""")
				.paramSource(params(changed).addValue("version", expectedVersion)).update();
		if (updated == 0) {
			throw new StaleVersionException();
		}
		history.updated(ENTITY, id, current.historyValues(), changed.historyValues());
		return get(id);
	}

	/** Moves a product to the trash; the lines of quotes and orders keep its SKU, name and prices. */
	@Transactional
	public void delete(UUID id) {
		if (!access.currentUser().role().editsEverything()) {
			throw new org.sencrm.platform.AccessDeniedException("delete");
		}
		get(id);
		trash.moveToTrash(ENTITY, id, null);
	}

	@Transactional(readOnly = true)
	public List<org.sencrm.platform.History.Entry> history(UUID id) {
		get(id);
		return history.of(id);
	}

	private Product checked(UUID id, ProductDraft draft, Product current, Instant createdAt, int version) {
		var problems = new ValidationException.Collector();
		var sku = text(draft.sku(), "sku", 60, true, problems);
		var name = text(draft.name(), "name", MAX_NAME, true, problems);
		var description = text(draft.description(), "description", 4000, false, problems);
		var unit = text(draft.unit(), "unit", 30, false, problems);
		var tax = TaxRate.STANDARD;
		if (draft.taxRate() != null && !draft.taxRate().toString().isBlank()) {
			tax = TaxRate.parse(draft.taxRate()).orElse(null);
			if (tax == null) {
				problems.add("taxRate", "validation.sales.tax-rate");
			}
		}
		var currency = draft.currency() == null || draft.currency().isBlank() ? Optional.of(users.workspace().currency())
				: Money.currency(draft.currency());
		if (currency.isEmpty()) {
			problems.add("currency", "validation.currency");
		}
		var price = draft.unitPrice();
		if (price == null) {
			problems.add("unitPrice", "validation.required");
		} else if (price.signum() < 0 || price.stripTrailingZeros().scale() > 4 || price.compareTo(new BigDecimal("1e15")) >= 0) {
			problems.add("unitPrice", "validation.sales.amount");
		}
		if (sku != null && skuTaken(sku, id)) {
			problems.add("sku", "validation.sales.sku-taken");
		}
		problems.throwIfAny();
		var active = draft.active() == null ? current == null || current.active() : draft.active();
		return new Product(id, sku, name, description, unit, tax, price, currency.get(), active, createdAt, Instant.now(clock), version);
	}

	private boolean skuTaken(String sku, UUID id) {
		return jdbc.sql("select count(*) from products where workspace_id = :ws and lower(sku) = lower(:sku) and id <> :id")
				.param("ws", WorkspaceContext.workspaceId()).param("sku", sku).param("id", id).query(Long.class).single() > 0;
	}

	static String text(String value, String field, int max, boolean required, ValidationException.Collector problems) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(field, "validation.required");
			}
			return null;
		}
		if (value.strip().length() > max) {
			problems.add(field, "validation.too-long");
			return null;
		}
		return value.strip();
	}

	private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Product p) {
		return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("id", p.id())
				.addValue("ws", WorkspaceContext.workspaceId())
				.addValue("sku", p.sku()).addValue("name", p.name()).addValue("description", p.description())
				.addValue("unit", p.unit()).addValue("tax", p.taxRate().code()).addValue("price", p.unitPrice())
				.addValue("currency", p.currency()).addValue("active", p.active())
				.addValue("search", SearchText.fold(p.name() + " " + p.sku()));
	}

	static Product product(ResultSet rs, int row) throws SQLException {
		var currency = rs.getString("currency");
		return new Product(rs.getObject("id", UUID.class), rs.getString("sku"), rs.getString("name"), rs.getString("description"),
				rs.getString("unit"), TaxRate.ofCode(rs.getString("tax_rate")), Money.price(rs.getBigDecimal("unit_price"), currency),
				currency, rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getInt("version"));
	}
}
