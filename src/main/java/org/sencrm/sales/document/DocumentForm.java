package org.sencrm.sales.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sencrm.platform.ValidationException;
import org.sencrm.sales.pricing.LineInput;
import org.sencrm.sales.pricing.PricedLine;

/**
 * The form of a quote or order, new or a draft being changed: the customer (picked person and/or
 * organization), currency, a date (validity or order date), notes, line rows and, when editing,
 * the version that was read. Empty rows and rows ticked for removal are dropped before checking,
 * so the messages of the service ({@code lines[1].quantity}) land beside the rows shown again.
 */
public class DocumentForm {

	public static final int SPARE_ROWS = 3;

	private UUID personId;
	private UUID organizationId;
	private String currency;
	private String date;
	private String notes;
	private List<LineForm> lines = new ArrayList<>();
	private int version;

	/** The form filled with a document as it is stored, to be changed. */
	public static DocumentForm of(UUID personId, UUID organizationId, String currency, LocalDate date, String notes,
			List<PricedLine> lines, int version) {
		var form = new DocumentForm();
		form.personId = personId;
		form.organizationId = organizationId;
		form.currency = currency;
		form.date = date == null ? null : date.toString();
		form.notes = notes;
		form.version = version;
		lines.forEach(line -> form.lines.add(LineForm.of(line)));
		return form;
	}

	public static class LineForm {
		private String productId;
		private String description;
		private String unit;
		private String quantity;
		private String unitPrice;
		private String discountPercent;
		private String taxRate;
		private boolean remove;

		/** A stored line as its row: the amounts as typed numbers, the VAT rate as its code. */
		static LineForm of(PricedLine line) {
			var row = new LineForm();
			row.productId = line.productId() == null ? null : line.productId().toString();
			row.description = line.description();
			row.unit = line.unit();
			row.quantity = line.quantity().toPlainString();
			row.unitPrice = line.unitPrice().toPlainString();
			row.discountPercent = line.discountPercent().toPlainString();
			row.taxRate = line.taxRate().code();
			return row;
		}

		boolean blank() {
			return empty(productId) && empty(description) && empty(unitPrice);
		}

		/** A row with something in it, which the form offers to remove. */
		public boolean isFilled() {
			return !blank();
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
		public boolean isRemove() { return remove; }
		public void setRemove(boolean remove) { this.remove = remove; }
	}

	/** The changes of a draft as the services take them; unreadable numbers are problems named by row. */
	public DocumentRevision revision() {
		var problems = new ValidationException.Collector();
		var inputs = lineInputs(problems);
		problems.throwIfAny();
		return new DocumentRevision(personId, organizationId, currency, date, notes, inputs);
	}

	/** Drops empty rows and those ticked for removal; then the lines as the services take them, with unreadable numbers named by row. */
	public List<LineInput> lineInputs(ValidationException.Collector problems) {
		lines.removeIf(line -> line == null || line.blank() || line.remove);
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
	public int getVersion() { return version; }
	public void setVersion(int version) { this.version = version; }
}
