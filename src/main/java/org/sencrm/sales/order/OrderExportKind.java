package org.sencrm.sales.order;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import org.sencrm.directory.CustomerExternalIds;
import org.sencrm.directory.ExportKind;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.pricing.PricedLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Orders for an export (decision 34): the order list's filters ({@code status}, {@code personId},
 * {@code organizationId}), newest first; one row per order with the columns the order-history
 * import reads ({@code customerExternalId}, {@code orderedAt}, {@code number}, {@code total},
 * {@code currency}, {@code status}), and the lines in one cell ("SKU × quantity @ unit price").
 */
@Component
class OrderExportKind implements ExportKind {

	private static final List<Column> COLUMNS = List.of(
			Column.optional("id", "export.column.id"),
			Column.of("externalId", "export.column.externalId"),
			Column.of("number", "export.column.number"),
			Column.of("status", "field.status"),
			Column.of("orderedAt", "export.column.orderedAt"),
			Column.of("customerName", "field.customer"),
			Column.of("customerExternalId", "export.column.customerExternalId"),
			Column.of("personId", "field.personId"),
			Column.of("organizationId", "field.organizationId"),
			Column.of("currency", "field.currency"),
			Column.optional("subtotal", "export.column.subtotal"),
			Column.optional("discountTotal", "export.column.discountTotal"),
			Column.optional("taxTotal", "export.column.taxTotal"),
			Column.of("total", "export.column.total"),
			Column.of("paidAmount", "export.column.paidAmount"),
			Column.optional("lines", "export.column.lines"),
			Column.optional("notes", "export.column.notes"),
			Column.of("ownerId", "field.ownerId"),
			Column.optional("createdAt", "field.createdAt"));

	private final Orders orders;
	private final CustomerExternalIds customers;
	private final JdbcClient jdbc;

	OrderExportKind(Orders orders, CustomerExternalIds customers, JdbcClient jdbc) {
		this.orders = orders;
		this.customers = customers;
		this.jdbc = jdbc;
	}

	@Override
	public String key() {
		return "orders";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public void checkFilter(MultiValueMap<String, String> filter) {
		uuid(filter, "personId");
		uuid(filter, "organizationId");
		var status = blank(filter.getFirst("status"));
		if (status != null && !Order.STATUSES.contains(status)) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("status", "validation.choice")));
		}
	}

	@Override
	public void rows(MultiValueMap<String, String> params, List<String> columns, Predicate<Map<String, Object>> sink) {
		var status = blank(params.getFirst("status"));
		var personId = uuid(params, "personId");
		var organizationId = uuid(params, "organizationId");
		var withKeys = columns.contains("customerExternalId");
		var withOwnKeys = columns.contains("externalId");
		String cursor = null;
		do {
			var page = orders.list(status, personId, organizationId, cursor, 200);
			var persons = withKeys ? customers.ofPersons(page.items().stream().map(Order::personId).filter(Objects::nonNull).toList())
					: Map.<UUID, String>of();
			var organizations = withKeys ? customers.ofOrganizations(
					page.items().stream().map(Order::organizationId).filter(Objects::nonNull).toList()) : Map.<UUID, String>of();
			var own = withOwnKeys ? externalIds(page.items().stream().map(Order::id).toArray(UUID[]::new)) : Map.<UUID, String>of();
			for (var order : page.items()) {
				var row = new LinkedHashMap<String, Object>();
				row.put("id", order.id());
				row.put("externalId", own.get(order.id()));
				row.put("number", order.number());
				row.put("status", order.status());
				row.put("orderedAt", order.orderedOn());
				row.put("customerName", order.customerName());
				row.put("customerExternalId", order.personId() != null ? persons.get(order.personId())
						: order.organizationId() != null ? organizations.get(order.organizationId()) : null);
				row.put("personId", order.personId());
				row.put("organizationId", order.organizationId());
				row.put("currency", order.currency());
				row.put("subtotal", order.totals().subtotal());
				row.put("discountTotal", order.totals().discountTotal());
				row.put("taxTotal", order.totals().taxTotal());
				row.put("total", order.totals().total());
				row.put("paidAmount", order.paidAmount());
				row.put("lines", order.lines().stream().map(OrderExportKind::line).toList());
				row.put("notes", order.notes());
				row.put("ownerId", order.ownerId());
				row.put("createdAt", order.createdAt());
				if (!sink.test(row)) {
					return;
				}
			}
			cursor = page.nextCursor();
		} while (cursor != null);
	}

	private static String line(PricedLine line) {
		var what = line.sku() != null ? line.sku() : line.description();
		return what + " × " + line.quantity().stripTrailingZeros().toPlainString() + " @ " + line.unitPrice().toPlainString();
	}

	private Map<UUID, String> externalIds(UUID[] ids) {
		var found = new HashMap<UUID, String>();
		jdbc.sql("select id, external_id from orders where workspace_id = :ws and id = any(:ids) and external_id is not null")
				.param("ws", WorkspaceContext.workspaceId()).param("ids", ids)
				.query((rs, n) -> found.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
		return found;
	}

	private static UUID uuid(MultiValueMap<String, String> params, String name) {
		var text = blank(params.getFirst(name));
		if (text == null) {
			return null;
		}
		try {
			return UUID.fromString(text);
		} catch (IllegalArgumentException e) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem(name, "error.invalid-value")));
		}
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
