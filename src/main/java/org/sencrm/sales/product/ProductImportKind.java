package org.sencrm.sales.product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sencrm.exchange.ImportCounts;
import org.sencrm.exchange.ImportField;
import org.sencrm.exchange.ImportKind;
import org.sencrm.exchange.ImportNumbers;
import org.sencrm.exchange.ImportOptions;
import org.sencrm.exchange.ImportOptions.MatchKey;
import org.sencrm.exchange.ImportRun;
import org.sencrm.exchange.ImportStaging;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.ValidationException;
import org.sencrm.sales.pricing.Money;
import org.sencrm.sales.pricing.TaxRate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The product catalogue as an importable kind (decision 30, 35): SKU and name, unit, unit price,
 * currency, VAT rate and whether it is sold, matched by external id or SKU. Rows are checked as
 * {@link Products} checks a form (the same lengths, {@link TaxRate#parse}, {@link Money#currency});
 * a SKU is unique among live products whatever the import allows, so a row whose SKU is taken by a
 * product it does not match fails as {@code duplicate}. Written set-based: one insert, one update
 * from a table of the changed products with their values before, one history insert each.
 */
@Component
class ProductImportKind implements ImportKind {

	private static final Map<String, String> STAGING = staging();
	private static final Map<String, String> TRUE = Map.ofEntries(Map.entry("true", "t"), Map.entry("yes", "t"),
			Map.entry("1", "t"), Map.entry("co", "t"), Map.entry("x", "t"), Map.entry("dang ban", "t"), Map.entry("active", "t"),
			Map.entry("false", "f"), Map.entry("no", "f"), Map.entry("0", "f"), Map.entry("khong", "f"),
			Map.entry("ngung ban", "f"), Map.entry("inactive", "f"));

	private final JdbcClient jdbc;
	private final UserDirectory users;
	private final ImportStaging staging;

	ProductImportKind(JdbcClient jdbc, UserDirectory users, ImportStaging staging) {
		this.jdbc = jdbc;
		this.users = users;
		this.staging = staging;
	}

	@Override
	public String type() {
		return "products";
	}

	@Override
	public String entityType() {
		return Products.ENTITY;
	}

	@Override
	public List<ImportField> fields() {
		return List.of(
				ImportField.of("externalId", "Mã ngoài", "Mã hệ thống cũ", "External ID"),
				ImportField.of("sku", "Mã hàng", "Mã sản phẩm", "Mã SP", "SKU", "Product code", "Item code").asRequired(),
				ImportField.of("name", "Tên hàng", "Tên sản phẩm", "Tên", "Name", "Product name", "Product").asRequired(),
				ImportField.of("description", "Mô tả", "Description"),
				ImportField.of("unit", "Đơn vị", "Đơn vị tính", "ĐVT", "Unit"),
				ImportField.of("unitPrice", "Đơn giá", "Giá", "Giá bán", "Unit price", "Price").asRequired(),
				ImportField.of("currency", "Tiền tệ", "Loại tiền", "Currency"),
				ImportField.of("taxRate", "Thuế suất", "Thuế GTGT", "VAT", "Tax rate", "VAT rate"),
				ImportField.of("active", "Đang bán", "Hoạt động", "Active"));
	}

	@Override
	public Set<MatchKey> matchKeys() {
		return Set.of(MatchKey.EXTERNAL_ID, MatchKey.SKU);
	}

	@Override
	public Map<String, String> stagingColumns() {
		return STAGING;
	}

	private static Map<String, String> staging() {
		var c = new LinkedHashMap<String, String>();
		c.put("external_id", "text");
		c.put("sku", "text");
		c.put("sku_key", "text");
		c.put("name", "text");
		c.put("description", "text");
		c.put("unit", "text");
		c.put("unit_price", "numeric(19, 4)");
		c.put("currency", "text");
		c.put("tax_rate", "text");
		c.put("active", "boolean");
		c.put("search_name", "text");
		return Collections.unmodifiableMap(c);
	}

	@Override
	public Stager stager() {
		var workspaceCurrency = users.workspace().currency();
		return (row, problems) -> {
			var sku = Products.text(row.get("sku"), "sku", 60, true, problems);
			var name = Products.text(row.get("name"), "name", 200, true, problems);
			var description = Products.text(row.get("description"), "description", 4000, false, problems);
			var unit = Products.text(row.get("unit"), "unit", 30, false, problems);
			String tax = null;
			if (row.get("taxRate") != null) {
				tax = TaxRate.parse(row.get("taxRate")).map(TaxRate::code).orElse(null);
				if (tax == null) {
					problems.add("taxRate", "validation.sales.tax-rate");
				}
			}
			String currency = workspaceCurrency;
			if (row.get("currency") != null) {
				currency = Money.currency(row.get("currency").strip()).orElse(null);
				if (currency == null) {
					problems.add("currency", "validation.currency");
				}
			}
			BigDecimal price = null;
			if (row.get("unitPrice") == null) {
				problems.add("unitPrice", "validation.required");
			} else {
				price = ImportNumbers.parse(row.get("unitPrice"));
				if (price == null || price.signum() < 0 || price.stripTrailingZeros().scale() > 4
						|| price.compareTo(new BigDecimal("1e15")) >= 0) {
					problems.add("unitPrice", "validation.sales.amount");
				}
			}
			String active = null;
			if (row.get("active") != null) {
				active = TRUE.get(SearchText.fold(row.get("active")));
				if (active == null) {
					problems.add("active", "validation.choice");
				}
			}
			var externalId = ImportField.externalId(row, problems);
			if (!problems.isEmpty()) {
				return Map.of();
			}
			var values = new HashMap<String, Object>();
			values.put("external_id", externalId);
			values.put("sku", sku);
			values.put("sku_key", sku.toLowerCase(java.util.Locale.ROOT));
			values.put("name", name);
			values.put("description", description);
			values.put("unit", unit);
			values.put("unit_price", price.toPlainString());
			values.put("currency", currency);
			values.put("tax_rate", tax);
			values.put("active", active);
			values.put("search_name", SearchText.fold(name + " " + sku));
			return values;
		};
	}

	@Override
	public ImportCounts apply(ImportRun run) {
		var options = run.options();
		for (var key : options.matchBy()) {
			if (key == MatchKey.SKU) {
				staging.match("products", "lower(r.sku)", "sku_key");
			} else {
				staging.match("products", "r.external_id", "external_id");
			}
		}
		jdbc.sql("analyze import_staging").update();
		staging.failRepeatedMatches(run);
		// a SKU and an external id are unique whatever the import allows: taken by another product, the row fails
		staging.failTaken(run, "products", "lower(r.sku)", "sku_key", "sku", false);
		staging.failTaken(run, "products", "r.external_id", "external_id", "externalId", false);
		staging.failRepeatedKeys(run, "sku_key", "sku", false);
		staging.failRepeatedKeys(run, "external_id", "externalId", false);
		int skipped = staging.skipByOptions(run);
		var params = staging.params(run);
		int created = create(run, params);
		int[] updates = update(run, options.onMatch() == ImportOptions.OnMatch.OVERWRITE, params);
		return new ImportCounts(created, updates[0], skipped + updates[1]);
	}

	private int create(ImportRun run, Map<String, Object> params) {
		int created = jdbc.sql("""
				insert into products (id, workspace_id, sku, name, description, unit, tax_rate, unit_price, currency, active,
				  search_name, created_at, updated_at, version, external_id)
				select new_id, sen_workspace(), sku, name, description, unit, coalesce(tax_rate, '10'), unit_price, currency,
				  coalesce(active, true), search_name, :now, :now, 0, external_id
				from import_staging where match_id is null order by row_number""").params(params).update();
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), 'product', new_id, 'created', :owner, :actorName, :now,
				  jsonb_strip_nulls(jsonb_build_object('sku', jsonb_build_object('to', sku), 'name', jsonb_build_object('to', name),
				    'description', case when description is not null then jsonb_build_object('to', description) end,
				    'unit', case when unit is not null then jsonb_build_object('to', unit) end,
				    'taxRate', jsonb_build_object('to', coalesce(tax_rate, '10')),
				    'unitPrice', jsonb_build_object('to', unit_price::text), 'currency', jsonb_build_object('to', currency),
				    'active', jsonb_build_object('to', coalesce(active, true)),
				    'externalId', case when external_id is not null then jsonb_build_object('to', external_id) end))
				from import_staging where match_id is null""").params(params).update();
		staging.recordCreated(run, Products.ENTITY);
		return created;
	}

	/**
	 * Matched products with the row's values: overwrite takes every non-empty cell, otherwise only empty
	 * fields (description, unit, external id — the others are never empty) are filled. Returns {updated, unchanged}.
	 */
	private int[] update(ImportRun run, boolean overwrite, Map<String, Object> params) {
		// the new values of every matched product, next to its values before (kept for the undo)
		var pick = overwrite ? "coalesce(s.%1$s, p.%1$s)" : "coalesce(p.%1$s, s.%1$s)";
		var keep = overwrite ? "coalesce(s.%1$s, p.%1$s)" : "p.%1$s";
		jdbc.sql("""
				create temp table import_product_updates on commit drop as
				select p.id, %s as sku, %s as name, %s as description, %s as unit, %s as tax_rate, %s as unit_price,
				  %s as currency, %s as active, %s as external_id,
				  case when %s then s.search_name else p.search_name end as search_name,
				  jsonb_build_object('version', p.version, 'sku', p.sku, 'name', p.name, 'description', p.description, 'unit', p.unit,
				    'tax_rate', p.tax_rate, 'unit_price', p.unit_price, 'currency', p.currency, 'active', p.active,
				    'external_id', p.external_id, 'search_name', p.search_name) as before
				from import_staging s join products p on p.id = s.match_id""".formatted(keep.formatted("sku"),
				keep.formatted("name"), pick.formatted("description"), pick.formatted("unit"), keep.formatted("tax_rate"),
				keep.formatted("unit_price"), keep.formatted("currency"), keep.formatted("active"), pick.formatted("external_id"),
				overwrite ? "true" : "false")).update();
		jdbc.sql("""
				alter table import_product_updates add column changes jsonb""").update();
		var fields = List.of(List.of("sku", "sku"), List.of("name", "name"), List.of("description", "description"),
				List.of("unit", "unit"), List.of("taxRate", "tax_rate"), List.of("unitPrice", "unit_price"),
				List.of("currency", "currency"), List.of("active", "active"), List.of("externalId", "external_id"));
		var changes = new ArrayList<String>();
		for (var f : fields) {
			changes.add("""
					case when u.%2$s is distinct from (u.before->>'%2$s')::%3$s
					  then jsonb_build_object('%1$s', jsonb_build_object('from', u.before->'%2$s', 'to', to_jsonb(u.%2$s))) else '{}' end"""
					.formatted(f.get(0), f.get(1), f.get(1).equals("unit_price") ? "numeric" : f.get(1).equals("active") ? "boolean" : "text"));
		}
		jdbc.sql("update import_product_updates u set changes = " + String.join(" || ", changes)).update();
		int unchanged = jdbc.sql("delete from import_product_updates where changes = '{}'").update();
		int updated = jdbc.sql("""
				update products p set sku = u.sku, name = u.name, description = u.description, unit = u.unit, tax_rate = u.tax_rate,
				  unit_price = u.unit_price, currency = u.currency, active = u.active, external_id = u.external_id,
				  search_name = u.search_name, updated_at = :now, version = p.version + 1
				from import_product_updates u where p.id = u.id""").params(params).update();
		jdbc.sql("""
				insert into history (id, workspace_id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
				select sen_uuid7(:now), sen_workspace(), 'product', id, 'updated', :owner, :actorName, :now, changes
				from import_product_updates""").params(params).update();
		staging.recordUpdated(run, Products.ENTITY, "import_product_updates");
		return new int[] {updated, unchanged};
	}

	@Override
	public int undo(ImportRun run) {
		return staging.undo(run, Products.ENTITY, """
				update products p set sku = c.before->>'sku', name = c.before->>'name', description = c.before->>'description',
				  unit = c.before->>'unit', tax_rate = c.before->>'tax_rate', unit_price = (c.before->>'unit_price')::numeric,
				  currency = c.before->>'currency', active = (c.before->>'active')::boolean, external_id = c.before->>'external_id',
				  search_name = c.before->>'search_name', updated_at = :now, version = p.version + 1
				from import_changes c
				where c.job_id = :job and c.action = 'updated' and c.entity_id = p.id
				  and p.version = cast(c.before->>'version' as int) + 1
				returning p.id""");
	}
}
