package org.sencrm.sales.pricing;

import java.util.List;
import java.util.UUID;

import org.sencrm.platform.Ids;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The lines of quotes and orders in their tables (same columns, different parent). */
@Component
public class LineRows {

	public enum Of {
		QUOTE("quote_lines", "quote_id"), ORDER("order_lines", "order_id");

		private final String table;
		private final String parent;

		Of(String table, String parent) {
			this.table = table;
			this.parent = parent;
		}
	}

	private final JdbcClient jdbc;

	LineRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void replace(Of of, UUID parentId, List<PricedLine> lines) {
		jdbc.sql("delete from " + of.table + " where workspace_id = :ws and " + of.parent + " = :parent")
				.param("ws", WorkspaceContext.workspaceId()).param("parent", parentId).update();
		for (int i = 0; i < lines.size(); i++) {
			var line = lines.get(i);
			jdbc.sql("insert into " + of.table + " (id, workspace_id, " + of.parent + """
					, position, product_id, sku, description, unit, quantity, unit_price,
					  discount_percent, tax_rate, gross, discount, net, tax, total)
					values (:id, :ws, :parent, :position, :product, :sku, :description, :unit, :quantity, :price, :discountPercent,
					  :tax, :gross, :discount, :net, :taxAmount, :total)""")
					.param("id", Ids.next()).param("ws", WorkspaceContext.workspaceId()).param("parent", parentId)
					.param("position", i).param("product", line.productId()).param("sku", line.sku())
					.param("description", line.description()).param("unit", line.unit()).param("quantity", line.quantity())
					.param("price", line.unitPrice()).param("discountPercent", line.discountPercent())
					.param("tax", line.taxRate().code()).param("gross", line.gross()).param("discount", line.discount())
					.param("net", line.net()).param("taxAmount", line.tax()).param("total", line.total()).update();
		}
	}

	public List<PricedLine> of(Of of, UUID parentId, String currency) {
		return jdbc.sql("select * from " + of.table + " where workspace_id = :ws and " + of.parent + " = :parent order by position")
				.param("ws", WorkspaceContext.workspaceId()).param("parent", parentId)
				.query((rs, n) -> new PricedLine(rs.getObject("product_id", UUID.class), rs.getString("sku"),
						rs.getString("description"), rs.getString("unit"), Money.plain(rs.getBigDecimal("quantity")),
						Money.price(rs.getBigDecimal("unit_price"), currency), Money.plain(rs.getBigDecimal("discount_percent")),
						TaxRate.ofCode(rs.getString("tax_rate")), Money.scaled(rs.getBigDecimal("gross"), currency),
						Money.scaled(rs.getBigDecimal("discount"), currency), Money.scaled(rs.getBigDecimal("net"), currency),
						Money.scaled(rs.getBigDecimal("tax"), currency), Money.scaled(rs.getBigDecimal("total"), currency)))
				.list();
	}
}
