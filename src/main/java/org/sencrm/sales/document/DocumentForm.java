package org.sencrm.sales.document;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sencrm.platform.ValidationException;
import org.sencrm.sales.pricing.LineInput;

/**
 * The form of a new quote or order: the customer (picked person and/or organization), currency,
 * a date (validity or order date), notes and line rows. Empty rows are dropped before checking, so
 * the messages of the service ({@code lines[1].quantity}) land beside the rows shown again.
 */
public class DocumentForm {

	public static final int SPARE_ROWS = 3;

	private UUID personId;
	private UUID organizationId;
	private String currency;
	private String date;
	private String notes;
	private List<LineForm> lines = new ArrayList<>();

	public static class LineForm {
		private String productId;
		private String description;
		private String unit;
		private String quantity;
		private String unitPrice;
		private String discountPercent;
		private String taxRate;

		boolean blank() {
			return empty(productId) && empty(description) && empty(unitPrice);
		}

		private static boolean empty(String value) {
			return value == null || value.isBlank();
		}

		public String getProductId() { return productId; }
		public void setProductId(String productId) { this.productId = productId; }
		public String getDescription() { return description; }
		public void setDescription(String description) { this.description = description; }
		public String getUnit() { return unit; }
		public void setUnit(String unit) { this.unit = unit; }
		public String getQuantity() { return quantity; }
		public void setQuantity(String quantity) { this.quantity = quantity; }
		public String getUnitPrice() { return unitPrice; }
		public void setUnitPrice(String unitPrice) { this.unitPrice = unitPrice; }
		public String getDiscountPercent() { return discountPercent; }
		public void setDiscountPercent(String discountPercent) { this.discountPercent = discountPercent; }
		public String getTaxRate() { return taxRate; }
		public void setTaxRate(String taxRate) { this.taxRate = taxRate; }
	}

	/** Drops empty rows; then the lines as the services take them, with unreadable numbers named by row. */
	public List<LineInput> lineInputs(ValidationException.Collector problems) {
		lines.removeIf(line -> line == null || line.blank());
		var inputs = new ArrayList<LineInput>();
		for (int i = 0; i < lines.size(); i++) {
			var line = lines.get(i);
			var field = "lines[" + i + "].";
			UUID product = null;
			if (line.productId != null && !line.productId.isBlank()) {
				try {
					product = UUID.fromString(line.productId.strip());
				} catch (IllegalArgumentException e) {
					problems.add(field + "productId", "validation.sales.unknown-product");
				}
			}
			inputs.add(new LineInput(product, line.description, line.unit,
					FormNumbers.parse(line.quantity, field + "quantity", problems),
					FormNumbers.parse(line.unitPrice, field + "unitPrice", problems),
					FormNumbers.parse(line.discountPercent, field + "discountPercent", problems),
					line.taxRate == null || line.taxRate.isBlank() ? null : line.taxRate));
		}
		return inputs;
	}

	public void addSpareRows() {
		for (int i = 0; i < SPARE_ROWS; i++) {
			lines.add(new LineForm());
		}
	}

	public UUID getPersonId() { return personId; }
	public void setPersonId(UUID personId) { this.personId = personId; }
	public UUID getOrganizationId() { return organizationId; }
	public void setOrganizationId(UUID organizationId) { this.organizationId = organizationId; }
	public String getCurrency() { return currency; }
	public void setCurrency(String currency) { this.currency = currency; }
	public String getDate() { return date; }
	public void setDate(String date) { this.date = date; }
	public String getNotes() { return notes; }
	public void setNotes(String notes) { this.notes = notes; }
	public List<LineForm> getLines() { return lines; }
	public void setLines(List<LineForm> lines) { this.lines = lines; }
}
