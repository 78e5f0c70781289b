package org.sencrm.sales.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import java.util.UUID;

import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.ValidationException;
import org.sencrm.sales.product.PriceLists;
import org.sencrm.sales.product.PriceList;
import org.sencrm.sales.product.Product;
import org.sencrm.sales.product.Products;
import org.springframework.stereotype.Component;

/**
 * Turns the lines a user wrote into priced lines: fills what a line leaves out from its product
 * and the price list, checks every value (problems are named {@code lines[2].quantity}), and
 * computes the amounts.
 */
@Component
public class LinePricing {

	public static final int MAX_LINES = 500;
	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e15");

	/** What a document's lines come to: its currency, the price list used (or null), the lines and totals. */
	public record Priced(String currency, UUID priceListId, List<PricedLine> lines, Totals totals) {
	}

	private final Products products;
	private final PriceLists priceLists;
	private final UserDirectory users;

	LinePricing(Products products, PriceLists priceLists, UserDirectory users) {
		this.products = products;
		this.priceLists = priceLists;
		this.users = users;
	}

	/**
	 * Prices a whole document. The currency is the one asked for, else the price list's, else the
	 * one the lines' products share, else the workspace's. Prices come from the named price list,
	 * else the currency's default list when it applies on {@code day}, else the products' base prices.
	 * Returns null when there were problems (they are in {@code problems}).
	 */
	public Priced priceDocument(String currencyText, UUID priceListId, List<LineInput> inputs, LocalDate day,
			ValidationException.Collector problems) {
		PriceList list = null;
		if (priceListId != null) {
			list = priceLists.find(priceListId).orElse(null);
			if (list == null) {
				problems.add("priceListId", "validation.sales.unknown-price-list");
			}
		}
		String currency;
		if (currencyText != null && !currencyText.isBlank()) {
			currency = Money.currency(currencyText).orElse(null);
			if (currency == null) {
				problems.add("currency", "validation.currency");
				return null;
			}
		} else if (list != null) {
			currency = list.currency();
		} else {
			var common = commonCurrency(inputs);
			currency = common != null ? common : users.workspace().currency();
		}
		if (list != null && !list.currency().equals(currency)) {
			problems.add("priceListId", "validation.sales.price-list-currency", currency);
		}
		if (list == null && priceListId == null) {
			list = priceLists.defaultFor(currency, day).orElse(null);
		}
		var lines = price(inputs, currency, list, problems);
		if (!problems.isEmpty()) {
			return null;
		}
		return new Priced(currency, list == null ? null : list.id(), lines, Totals.of(lines, currency));
	}

	/**
	 * Prices the lines in the currency, with prices from the price list (which may be null).
	 * Problems are added to {@code problems}; lines with problems are left out of the result.
	 */
	public List<PricedLine> price(List<LineInput> inputs, String currency, PriceList priceList,
			ValidationException.Collector problems) {
		var priced = new ArrayList<PricedLine>();
		if (inputs == null || inputs.isEmpty()) {
			problems.add("lines", "validation.sales.no-lines");
			return priced;
		}
		if (inputs.size() > MAX_LINES) {
			problems.add("lines", "validation.sales.too-many-lines");
			return priced;
		}
		for (int i = 0; i < inputs.size(); i++) {
			var line = price(inputs.get(i), "lines[" + i + "].", currency, priceList, problems);
			if (line != null) {
				priced.add(line);
			}
		}
		return priced;
	}

	private PricedLine price(LineInput input, String field, String currency, PriceList priceList,
			ValidationException.Collector problems) {
		if (input == null) {
			problems.add(field + "description", "validation.required");
			return null;
		}
		var before = problemCount(problems);
		Product product = null;
		if (input.productId() != null) {
			product = products.find(input.productId()).orElse(null);
			if (product == null) {
				problems.add(field + "productId", "validation.sales.unknown-product");
			} else if (!product.active()) {
				problems.add(field + "productId", "validation.sales.inactive-product");
			}
		}
		var description = input.description() != null && !input.description().isBlank() ? input.description().strip()
				: product == null ? null : product.name();
		if (description == null && input.productId() == null) {
			problems.add(field + "description", "validation.required");
		} else if (description != null && description.length() > 2000) {
			problems.add(field + "description", "validation.too-long");
		}
		var unit = input.unit() != null && !input.unit().isBlank() ? input.unit().strip() : product == null ? null : product.unit();
		if (unit != null && unit.length() > 30) {
			problems.add(field + "unit", "validation.too-long");
		}
		var quantity = input.quantity() == null ? BigDecimal.ONE : input.quantity();
		if (quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 4 || quantity.compareTo(MAX_AMOUNT) >= 0) {
			problems.add(field + "quantity", "validation.sales.quantity");
		}
		var unitPrice = input.unitPrice() != null ? input.unitPrice() : listedPrice(product, currency, priceList);
		if (unitPrice == null) {
			if (product != null || input.productId() == null) {
				problems.add(field + "unitPrice", product == null ? "validation.required" : "validation.sales.no-price", currency);
			}
		} else if (unitPrice.signum() < 0 || unitPrice.stripTrailingZeros().scale() > 4 || unitPrice.compareTo(MAX_AMOUNT) >= 0) {
			problems.add(field + "unitPrice", "validation.sales.amount");
		}
		var discount = input.discountPercent() != null ? input.discountPercent()
				: priceList != null && priceList.discountPercent() != null && input.unitPrice() == null && product != null
						? priceList.discountPercent() : BigDecimal.ZERO;
		if (discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0 || discount.stripTrailingZeros().scale() > 2) {
			problems.add(field + "discountPercent", "validation.sales.percent");
		}
		TaxRate tax;
		if (input.taxRate() != null && !input.taxRate().toString().isBlank()) {
			tax = TaxRate.parse(input.taxRate()).orElse(null);
			if (tax == null) {
				problems.add(field + "taxRate", "validation.sales.tax-rate");
			}
		} else {
			tax = product == null ? TaxRate.STANDARD : product.taxRate();
		}
		if (problemCount(problems) > before) {
			return null;
		}
		return PricedLine.of(input.productId(), product == null ? null : product.sku(), description, unit, quantity, unitPrice,
				discount, Objects.requireNonNull(tax), currency);
	}

	/** The product's price in the currency: from the price list, else its base price when that is in the currency. */
	private static BigDecimal listedPrice(Product product, String currency, PriceList priceList) {
		if (product == null) {
			return null;
		}
		if (priceList != null) {
			var listed = priceList.prices().stream().filter(p -> p.productId().equals(product.id())).findFirst();
			if (listed.isPresent()) {
				return listed.get().unitPrice();
			}
		}
		return product.currency().equals(currency) ? product.unitPrice() : null;
	}

	/** The currency the lines' products agree on, when no other source names one. */
	public String commonCurrency(List<LineInput> inputs) {
		if (inputs == null) {
			return null;
		}
		var currencies = inputs.stream().filter(Objects::nonNull).map(LineInput::productId).filter(Objects::nonNull)
				.map(products::find).flatMap(java.util.Optional::stream).map(Product::currency).distinct().toList();
		return currencies.size() == 1 ? currencies.getFirst() : null;
	}

	private static int problemCount(ValidationException.Collector problems) {
		return problems.size();
	}
}
