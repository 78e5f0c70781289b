package org.sencrm.sales.product;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.sencrm.directory.ExportKind;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/** Products for an export (decision 34): the product list's filters ({@code q}, {@code active}) and order. */
@Component
class ProductExportKind implements ExportKind {

	private static final List<Column> COLUMNS = List.of(
			Column.optional("id", "export.column.id"),
			Column.of("externalId", "export.column.externalId"),
			Column.of("sku", "export.column.sku"),
			Column.of("name", "field.name"),
			Column.of("description", "export.column.description"),
			Column.of("unit", "export.column.unit"),
			Column.of("taxRate", "export.column.taxRate"),
			Column.of("unitPrice", "export.column.unitPrice"),
			Column.of("currency", "field.currency"),
			Column.of("active", "export.column.active"),
			Column.optional("createdAt", "field.createdAt"),
			Column.optional("updatedAt", "field.updatedAt"));

	private final Products products;
	private final JdbcClient jdbc;

	ProductExportKind(Products products, JdbcClient jdbc) {
		this.products = products;
		this.jdbc = jdbc;
	}

	@Override
	public String key() {
		return "products";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public void checkFilter(MultiValueMap<String, String> filter) {
		active(filter);
	}

	@Override
	public void rows(MultiValueMap<String, String> params, List<String> columns, Predicate<Map<String, Object>> sink) {
		var active = active(params);
		String cursor = null;
		do {
			var page = products.list(params.getFirst("q"), active, cursor, 200);
			var externalIds = columns.contains("externalId") ? externalIds(page.items().stream().map(Product::id).toArray(UUID[]::new))
					: Map.<UUID, String>of();
			for (var product : page.items()) {
				var row = new LinkedHashMap<String, Object>();
				row.put("id", product.id());
				row.put("externalId", externalIds.get(product.id()));
				row.put("sku", product.sku());
				row.put("name", product.name());
				row.put("description", product.description());
				row.put("unit", product.unit());
				row.put("taxRate", product.taxRate().code());
				row.put("unitPrice", product.unitPrice());
				row.put("currency", product.currency());
				row.put("active", product.active());
				row.put("createdAt", product.createdAt());
				row.put("updatedAt", product.updatedAt());
				if (!sink.test(row)) {
					return;
				}
			}
			cursor = page.nextCursor();
		} while (cursor != null);
	}

	private static Boolean active(MultiValueMap<String, String> params) {
		var text = params.getFirst("active");
		if (text == null || text.isBlank()) {
			return null;
		}
		if (!text.equals("true") && !text.equals("false")) {
			throw new org.sencrm.platform.ValidationException(
					List.of(new org.sencrm.platform.ValidationException.FieldProblem("active", "validation.choice")));
		}
		return Boolean.valueOf(text);
	}

	private Map<UUID, String> externalIds(UUID[] ids) {
		var found = new HashMap<UUID, String>();
		jdbc.sql("select id, external_id from products where workspace_id = :ws and id = any(:ids) and external_id is not null")
				.param("ws", WorkspaceContext.workspaceId()).param("ids", ids)
				.query((rs, n) -> found.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
		return found;
	}
}
