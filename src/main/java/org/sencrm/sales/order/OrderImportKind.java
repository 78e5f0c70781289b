package org.sencrm.sales.order;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.exchange.ImportCounts;
import org.sencrm.exchange.ImportField;
import org.sencrm.exchange.ImportKind;
import org.sencrm.exchange.ImportOptions;
import org.sencrm.exchange.ImportRun;
import org.sencrm.exchange.ImportStaging;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Currencies;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Order history as an importable kind (decision 30): one row per order — the customer's external id
 * (a person's, else an organization's), the order date, number, total, currency and status — so that
 * customer value can be computed from a company's past from day one. Imported orders are history:
 * they send no email and publish no {@code OrderPlaced} and no timeline entry; the customers' lifecycle
 * stages are raised once, set-based, at the end ({@link LifecycleStages}' ladder, through
 * {@code directory.Customers}). Orders are matched by external id or number; a matched row is skipped
 * (imported orders are not updated).
 */
@Component
class OrderImportKind implements ImportKind {

	private static final Map<String, String> STAGING = staging();
	private static final Map<String, String> STATUSES = statuses();

	private final JdbcClient jdbc;
	private final UserDirectory users;
	private final Customers customers;
	private final ImportStaging staging;

	OrderImportKind(JdbcClient jdbc, UserDirectory users, Customers customers, ImportStaging staging) {
		this.jdbc = jdbc;
		this.users = users;
		this.customers = customers;
		this.staging = staging;
	}

	@Override
	public String type() {
		return "orders";
	}

	@Override
	public String entityType() {
		return "order";
	}

	@Override
	public List<ImportField> fields() {
		return List.of(
				ImportField.of("externalId", "Mã đơn ngoài", "Order ID", "External ID"),
				ImportField.of("number", "Số đơn", "Số đơn hàng", "Mã đơn", "Mã đơn hàng", "Order number", "Number").asRequired(),
				ImportField.of("customerExternalId", "Mã KH", "Mã khách hàng", "Customer ID", "Customer external ID").asRequired(),
				ImportField.of("orderedAt", "Ngày đặt", "Ngày đặt hàng", "Ngày", "Order date", "Date", "Ordered at").asRequired(),
				ImportField.of("total", "Tổng tiền", "Tổng cộng", "Total", "Order total", "Amount"),
				ImportField.of("currency", "Tiền tệ", "Loại tiền", "Currency"),
				ImportField.of("status", "Trạng thái", "Status"),
				// one row per line instead: the rows of one number are one order (decision 35)
				ImportField.of("sku", "Mã hàng", "Mã sản phẩm", "Mã SP", "SKU", "Product code", "Item code"),
				ImportField.of("description", "Tên hàng", "Tên sản phẩm", "Diễn giải", "Product", "Product name", "Description"),
				ImportField.of("quantity", "Số lượng", "SL", "Quantity", "Qty"),
				ImportField.of("unitPrice", "Đơn giá", "Giá", "Unit price", "Price"));
	}

	@Override
	public Set<ImportOptions.MatchKey> matchKeys() {
		return Set.of(ImportOptions.MatchKey.EXTERNAL_ID);
	}

	@Override
	public Map<String, String> stagingColumns() {
		return STAGING;
	}

	private static Map<String, String> staging() {
		var c = new LinkedHashMap<String, String>();
		c.put("external_id", "text");
		c.put("number", "text");
		c.put("customer_external_id", "text");
		c.put("ordered_on", "date");
		c.put("total", "numeric(19, 4)");
		c.put("currency", "text");
		c.put("status", "text");
		c.put("person_id", "uuid");
		c.put("organization_id", "uuid");
		// a line row: its product, quantity, price and gross amount (rounded once, platform.Currencies)
		c.put("line", "boolean");
		c.put("sku", "text");
		c.put("description", "text");
		c.put("quantity", "numeric(19, 4)");
		c.put("unit_price", "numeric(19, 4)");
		c.put("gross", "numeric(19, 4)");
		c.put("digits", "int");
		c.put("subtotal", "numeric(19, 4)");
		c.put("tax_total", "numeric(19, 4)");
		return java.util.Collections.unmodifiableMap(c);
	}

	private static Map<String, String> statuses() {
		var s = new HashMap<String, String>();
		for (var key : List.of("confirmed", "delivered", "paid", "cancelled")) {
			s.put(key, key);
		}
		s.put("da xac nhan", "confirmed");
		s.put("xac nhan", "confirmed");
		s.put("da giao", "delivered");
		s.put("da giao hang", "delivered");
		s.put("da thanh toan", "paid");
		s.put("hoan thanh", "paid");
		s.put("completed", "paid");
		s.put("da huy", "cancelled");
		s.put("huy", "cancelled");
		s.put("canceled", "cancelled");
		return s;
	}

	@Override
	public Stager stager() {
		var currency = users.workspace().currency();
		return (row, problems) -> {
			var number = row.get("number");
			if (number == null) {
				problems.add("number", "validation.required");
			} else if (number.length() > 50) {
				problems.add("number", "validation.too-long");
			}
			var customer = row.get("customerExternalId");
			if (customer == null) {
				problems.add("customerExternalId", "validation.required");
			}
			LocalDate orderedOn = null;
			if (row.get("orderedAt") == null) {
				problems.add("orderedAt", "validation.required");
			} else {
				orderedOn = org.sencrm.exchange.ImportDates.parse(row.get("orderedAt"));
				if (orderedOn == null) {
					problems.add("orderedAt", "validation.date");
				}
			}
			var line = row.get("sku") != null || row.get("quantity") != null || row.get("unitPrice") != null;
			BigDecimal quantity = null;
			BigDecimal unitPrice = null;
			if (line) {
				quantity = amount(row, "quantity", problems);
				unitPrice = amount(row, "unitPrice", problems);
				if (quantity != null && quantity.signum() == 0) {
					problems.add("quantity", "validation.number");
				}
				if (row.get("sku") == null && row.get("description") == null) {
					problems.add("sku", "validation.required");
				}
			}
			BigDecimal total = null;
			if (row.get("total") == null) {
				if (!line) {
					problems.add("total", "validation.required");
				}
			} else {
				total = org.sencrm.exchange.ImportNumbers.parse(row.get("total"));
				if (total == null || total.signum() < 0) {
					problems.add("total", "validation.number");
				}
			}
			var code = row.get("currency") == null ? currency : row.get("currency").strip().toUpperCase(Locale.ROOT);
			if (!code.matches("[A-Z]{3}") || Currencies.code(code).isEmpty()) {
				problems.add("currency", "validation.choice");
			}
			var status = row.get("status") == null ? "paid" : STATUSES.get(SearchText.fold(row.get("status")));
			if (status == null) {
				problems.add("status", "validation.choice");
			}
			var externalId = ImportField.externalId(row, problems);
			if (!problems.isEmpty()) {
				return Map.of();
			}
			var values = new HashMap<String, Object>();
			values.put("external_id", externalId);
			values.put("number", number);
			values.put("customer_external_id", customer);
			values.put("ordered_on", orderedOn);
			values.put("total", total == null ? null : total.toPlainString());
			values.put("currency", code);
			if (line) {
				values.put("line", true);
				values.put("sku", row.get("sku"));
				values.put("description", row.get("description"));
				values.put("quantity", quantity.toPlainString());
				values.put("unit_price", unitPrice.toPlainString());
				values.put("gross", Currencies.round(quantity.multiply(unitPrice), code).toPlainString());
				values.put("digits", Currencies.digits(code));
			} else {
				values.put("line", false);
			}
			values.put("status", status);
			return values;
		};
	}

	@Override
	public ImportCounts apply(ImportRun run) {
		var zone = users.workspace().timeZone();
		jdbc.sql("""
				update import_staging s set person_id = p.id from persons p
				where p.workspace_id = sen_workspace() and p.external_id = s.customer_external_id""").update();
		jdbc.sql("""
				update import_staging s set organization_id = o.id from organizations o
				where s.person_id is null and o.workspace_id = sen_workspace() and o.external_id = s.customer_external_id""").update();
		run.fail("select row_number, null::uuid as record_id, null::int as other_row from import_staging "
				+ "where person_id is null and organization_id is null", Map.of(), "customerExternalId", "import.customer-unknown");
		if (run.options().matches(ImportOptions.MatchKey.EXTERNAL_ID)) {
			staging.match("orders", "r.external_id", "external_id");
		}
		int skipped = jdbc.sql("delete from import_staging where match_id is not null").update();
		jdbc.sql("analyze import_staging").update(); // customers found: the planner must know
		staging.failTaken(run, "orders", "r.number", "number", "number", false);
		staging.failTaken(run, "orders", "r.external_id", "external_id", "externalId", false);
		run.fail("""
				select s.row_number, null::uuid as record_id, f.first_row as other_row from import_staging s
				join (select number as key, min(row_number) as first_row, bool_and(line) as lines from import_staging group by number) f
				  on f.key = s.number and s.row_number > f.first_row and not f.lines""", Map.of(), "number", "duplicate");
		run.fail("""
				select s.row_number, null::uuid as record_id, f.first_row as other_row from import_staging s
				join (select external_id as key, min(row_number) as first_row, min(number) as number from import_staging
				      where external_id is not null group by external_id) f
				  on f.key = s.external_id and s.row_number > f.first_row and f.number is distinct from s.number""", Map.of(),
				"externalId", "duplicate");
		lines();
		if (run.options().onNoMatch() == ImportOptions.OnNoMatch.SKIP) {
			skipped += jdbc.sql("delete from import_staging").update();
			return new ImportCounts(0, 0, skipped);
		}
		var params = staging.params(run);
		params.put("zone", ZoneId.of(zone).getId());
		// the customer's name as orders keep it; persons in their own name order (decision 24)
		int created = jdbc.sql("""
				insert into orders (id, workspace_id, number, person_id, organization_id, customer_name, currency, status, ordered_on,
				  subtotal, discount_total, tax_total, total, paid_amount, placed_at, delivered_at, paid_at, cancelled_at,
				  owner_id, created_at, updated_at, version, external_id)
				select s.new_id, sen_workspace(), s.number, s.person_id, s.organization_id,
				  coalesce(case when p.name_order = 'family_first' then concat_ws(' ', p.family_name, p.middle_name, p.given_name)
				                else concat_ws(' ', p.given_name, p.middle_name, p.family_name) end, o.name),
				  s.currency, s.status, s.ordered_on, coalesce(s.subtotal, s.total), 0, coalesce(s.tax_total, 0), s.total,
				  case when s.status = 'paid' then s.total else 0 end,
				  s.ordered_on::timestamp at time zone :zone,
				  case when s.status in ('delivered', 'paid') then s.ordered_on::timestamp at time zone :zone end,
				  case when s.status = 'paid' then s.ordered_on::timestamp at time zone :zone end,
				  case when s.status = 'cancelled' then s.ordered_on::timestamp at time zone :zone end,
				  :owner, :now, :now, 0, s.external_id
				from import_staging s
				left join persons p on p.id = s.person_id
				left join organizations o on o.id = s.organization_id
				order by s.row_number""").params(params).update();
		jdbc.sql("""
				insert into order_lines (id, workspace_id, order_id, position, product_id, sku, description, unit, quantity, unit_price,
				  discount_percent, tax_rate, gross, discount, net, tax, total)
				select sen_uuid7(:now), sen_workspace(), order_id, position, product_id, sku, description, unit, quantity, unit_price,
				  0, tax_rate, gross, 0, gross, tax, gross + tax
				from import_order_lines order by order_id, position""").params(params).update();
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), 'order', new_id, 'created', :owner, :actorName, :now,
				  jsonb_strip_nulls(jsonb_build_object('number', jsonb_build_object('to', number),
				    'status', jsonb_build_object('to', status), 'total', jsonb_build_object('to', total::text),
				    'currency', jsonb_build_object('to', currency), 'orderedOn', jsonb_build_object('to', ordered_on::text),
				    'externalId', case when external_id is not null then jsonb_build_object('to', external_id) end))
				from import_staging""").params(params).update();
		staging.recordCreated(run, "order");
		raiseStages(run);
		return new ImportCounts(created, 0, skipped);
	}

	/**
	 * The lines of line rows, into a table of their own: each with its product (by SKU, case ignored), the product's
	 * VAT rate (10 % without one) and its tax rounded once per line to the currency's minor unit, half up
	 * ({@code platform.Currencies}, as the order form computes it); then each order's first row carries the sums
	 * and the order's other rows leave the staging table, which from here on holds one row per order.
	 */
	private void lines() {
		jdbc.sql("""
				update import_staging s set new_id = h.new_id
				from (select distinct on (number) number, new_id from import_staging where line order by number, row_number) h
				where s.line and s.number = h.number""").update();
		jdbc.sql("""
				create temp table import_order_lines on commit drop as
				select s.new_id as order_id, row_number() over (partition by s.new_id order by s.row_number)::int as position,
				  p.id as product_id, coalesce(p.sku, s.sku) as sku, coalesce(s.description, p.name, s.sku) as description, p.unit,
				  s.quantity, s.unit_price, coalesce(p.tax_rate, '10') as tax_rate, s.gross,
				  case when coalesce(p.tax_rate, '10') = 'KCT' then 0
				       else round(s.gross * cast(coalesce(p.tax_rate, '10') as numeric) / 100, s.digits) end as tax
				from import_staging s
				left join products p on p.workspace_id = sen_workspace() and s.sku is not null and lower(p.sku) = lower(s.sku)
				where s.line""").update();
		jdbc.sql("""
				update import_staging s set subtotal = t.subtotal, tax_total = t.tax_total, total = t.subtotal + t.tax_total
				from (select order_id, sum(gross) as subtotal, sum(tax) as tax_total from import_order_lines group by order_id) t
				where s.line and s.new_id = t.order_id""").update();
		jdbc.sql("""
				delete from import_staging s where s.line
				  and s.row_number > (select min(h.row_number) from import_staging h where h.line and h.number = s.number)""").update();
	}

	private static BigDecimal amount(Map<String, String> row, String field, ValidationException.Collector problems) {
		if (row.get(field) == null) {
			problems.add(field, "validation.required");
			return null;
		}
		var value = org.sencrm.exchange.ImportNumbers.parse(row.get(field));
		if (value == null || value.signum() < 0 || value.compareTo(new BigDecimal("1e15")) >= 0) {
			problems.add(field, "validation.number");
			return null;
		}
		return value;
	}

	/** Each customer of the imported orders, counted once from all their orders, raised on the ladder in one statement per kind. */
	private void raiseStages(ImportRun run) {
		var yearAgo = Timestamp.from(run.now().atOffset(java.time.ZoneOffset.UTC).minusMonths(12).toInstant());
		for (var kind : List.of(Customers.Kind.ORGANIZATION, Customers.Kind.PERSON)) {
			var column = kind == Customers.Kind.PERSON ? "person_id" : "organization_id";
			var stages = new HashMap<UUID, String>();
			jdbc.sql("""
					select o.%1$s as id, count(*) as orders, count(*) filter (where o.placed_at >= :yearAgo) as recent
					from orders o where o.workspace_id = sen_workspace() and o.status in ('confirmed', 'delivered', 'paid')
					  and o.%1$s in (select distinct %1$s from import_staging where %1$s is not null)
					group by o.%1$s""".formatted(column))
					.param("yearAgo", yearAgo)
					.query((rs, n) -> stages.put(rs.getObject("id", UUID.class),
							LifecycleStages.of(rs.getLong("orders"), rs.getLong("recent"))))
					.list();
			stages.values().removeIf(java.util.Objects::isNull);
			customers.raiseLifecycleStages(kind, stages);
		}
	}

	@Override
	public int undo(ImportRun run) {
		// imported orders are never updated: only what was created goes, to the trash
		return staging.undo(run, "order", null);
	}
}
