package org.sencrm.sales.document;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.History;
import org.sencrm.platform.HistoryText;
import org.sencrm.platform.web.Formats;
import org.sencrm.sales.Opportunities;
import org.sencrm.sales.OpportunitySummary;
import org.springframework.stereotype.Component;

/**
 * A quote's, order's or contract's history as people read it (templates/fragments/history.html):
 * fields by the labels the pages use, statuses and payment methods by their labels, amounts in their
 * currency, dates in the reader's style, owners and teams by name, a removed payment spelled out.
 */
@Component
public class DocumentHistoryLines {

	/** Each field's label; also the order the lines are listed in. */
	private static final Map<String, String> LABELS = new java.util.LinkedHashMap<>();

	static {
		LABELS.put("number", "sales.number");
		LABELS.put("title", "contract.title");
		LABELS.put("status", "sales.status");
		LABELS.put("customer", "sales.customer");
		LABELS.put("opportunityId", "entity.opportunity");
		LABELS.put("orderId", "entity.order");
		LABELS.put("orderedOn", "order.orderedOn");
		LABELS.put("startDate", "contract.startDate");
		LABELS.put("endDate", "contract.endDate");
		LABELS.put("renewalDate", "contract.renewalDate");
		LABELS.put("validUntil", "quote.validUntil");
		LABELS.put("currency", "field.currency");
		LABELS.put("lines", "sales.lines");
		LABELS.put("total", "totals.total");
		LABELS.put("value", "contract.value");
		LABELS.put("paidAmount", "order.paid");
		LABELS.put("payment", "payment.removed");
		LABELS.put("notes", "sales.notes");
		LABELS.put("ownerId", "field.ownerId");
		LABELS.put("ownerTeamId", "field.ownerTeamId");
	}

	private static final List<String> ORDER = List.copyOf(LABELS.keySet());

	private final HistoryText text;
	private final UserDirectory users;
	private final Formats formats;
	private final Opportunities opportunities;

	DocumentHistoryLines(HistoryText text, UserDirectory users, Formats formats, Opportunities opportunities) {
		this.text = text;
		this.users = users;
		this.formats = formats;
		this.opportunities = opportunities;
	}

	/**
	 * The entries of a document of {@code kind} (quote, order or contract; its statuses are
	 * {@code kind.status.*}) whose amounts are in {@code currency} unless an entry changed the
	 * currency; the opportunity reads as its name (one the reader may not see, as its id), and
	 * {@code names} reads other ids the page knows (the contract's order as its number).
	 */
	public List<HistoryText.Change> of(String kind, String currency, Map<String, String> names, List<History.Entry> entries) {
		return text.of(entries, ORDER, new HistoryText.Reading() {
			@Override
			public String label(String field) {
				return message(LABELS.getOrDefault(field, "field." + field), field);
			}

			@Override
			public String value(History.Entry entry, String field, Object value, boolean before) {
				// amounts are in the document's currency, unless the entry changed it: then in the one before or after
				var currencyChange = entry.changes().get("currency");
				var changedTo = currencyChange == null ? null : before ? currencyChange.from() : currencyChange.to();
				return DocumentHistoryLines.this.value(kind, field, value, changedTo == null ? currency : String.valueOf(changedTo), names);
			}
		});
	}

	private String value(String kind, String field, Object value, String currency, Map<String, String> names) {
		if (value == null) {
			return "";
		}
		if (value instanceof Map<?, ?> payment && "payment".equals(field)) {
			return payment(payment);
		}
		var text = String.valueOf(value);
		return switch (field) {
			case "status" -> message(kind + ".status." + text, text);
			case "total", "value", "paidAmount" -> money(text, currency);
			case "orderedOn", "startDate", "endDate", "renewalDate", "validUntil" -> formats.isoDate(text);
			case "lines" -> formats.number(text);
			case "ownerId" -> uuid(text) == null ? text : users.user(uuid(text)).map(UserDirectory.UserSummary::displayName).orElse(text);
			case "ownerTeamId" -> uuid(text) == null ? text : users.team(uuid(text)).map(UserDirectory.TeamSummary::name).orElse(text);
			case "opportunityId" -> uuid(text) == null ? text
					: opportunities.find(uuid(text)).map(OpportunitySummary::name).orElse(text);
			default -> names.getOrDefault(text, text);
		};
	}

	/** A removed payment as OrderPayments keeps it ({@code amount, currency, paidOn, method, reference}), read aloud. */
	private String payment(Map<?, ?> payment) {
		var method = String.valueOf(payment.get("method"));
		var read = new StringBuilder(money(String.valueOf(payment.get("amount")), String.valueOf(payment.get("currency"))))
				.append(", ").append(formats.isoDate(String.valueOf(payment.get("paidOn"))))
				.append(", ").append(message("payment.method." + method, method));
		if (payment.get("reference") != null) {
			read.append(", ").append(payment.get("reference"));
		}
		return read.toString();
	}

	private String money(String amount, String currency) {
		try {
			return formats.money(new BigDecimal(amount), currency);
		} catch (IllegalArgumentException e) {
			return amount + (currency == null ? "" : " " + currency);
		}
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	private String message(String code, String fallback) {
		return text.message(code, fallback);
	}
}
