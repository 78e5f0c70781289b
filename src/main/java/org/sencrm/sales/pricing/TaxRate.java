package org.sencrm.sales.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A VAT rate as a Vietnamese invoice names it: a percentage (0, 5, 8 or 10 in Vietnam; other
 * countries' rates are accepted too) or {@code KCT} — "không chịu thuế", not subject to VAT,
 * which is not the same as 0 % on an invoice although both add no tax. Stored as its code
 * ("10", "8", "KCT"); in JSON a number, or the string "KCT" (decision 9).
 */
public record TaxRate(BigDecimal percent) {

	public static final String EXEMPT_CODE = "KCT";
	public static final TaxRate EXEMPT = new TaxRate(null);
	public static final TaxRate STANDARD = new TaxRate(BigDecimal.TEN);
	/** The rates offered in forms, as codes: Vietnam's VAT rates. */
	public static final List<String> VIETNAM = List.of("10", "8", "5", "0", EXEMPT_CODE);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public boolean exempt() {
		return percent == null;
	}

	public String code() {
		return exempt() ? EXEMPT_CODE : percent.stripTrailingZeros().toPlainString();
	}

	/** The rate for JSON: the percentage as a number, or "KCT". */
	public Object json() {
		return exempt() ? EXEMPT_CODE : percent.stripTrailingZeros();
	}

	/** The tax on a net amount, rounded half up to {@code digits} decimals. */
	public BigDecimal taxOn(BigDecimal net, int digits) {
		if (exempt()) {
			return BigDecimal.ZERO.setScale(digits);
		}
		return net.multiply(percent).divide(HUNDRED, digits, RoundingMode.HALF_UP);
	}

	/** A stored code back into a rate. */
	public static TaxRate ofCode(String code) {
		return parse(code).orElseThrow(() -> new IllegalArgumentException("Not a tax rate: " + code));
	}

	/**
	 * Reads a rate as people and clients write it: {@code 10}, {@code "10"}, {@code "10%"},
	 * {@code 0.1} (a fraction below 1 is read as a share: 0.08 is 8 %), {@code "KCT"} or
	 * {@code "exempt"}. Empty for anything else, also for rates outside 0–100 or with more than two
	 * decimals.
	 */
	public static Optional<TaxRate> parse(Object value) {
		if (value == null) {
			return Optional.empty();
		}
		BigDecimal number;
		if (value instanceof Number n) {
			number = new BigDecimal(n.toString());
		} else {
			var text = value.toString().strip().toUpperCase(Locale.ROOT);
			if (text.equals(EXEMPT_CODE) || text.equals("EXEMPT")) {
				return Optional.of(EXEMPT);
			}
			if (text.endsWith("%")) {
				text = text.substring(0, text.length() - 1).strip();
			}
			try {
				number = new BigDecimal(text.replace(',', '.'));
			} catch (NumberFormatException e) {
				return Optional.empty();
			}
		}
		if (number.signum() > 0 && number.compareTo(BigDecimal.ONE) < 0) {
			number = number.multiply(HUNDRED);
		}
		number = number.stripTrailingZeros();
		if (number.signum() < 0 || number.compareTo(HUNDRED) > 0 || Math.max(number.scale(), 0) > 2) {
			return Optional.empty();
		}
		return Optional.of(new TaxRate(number.scale() < 0 ? number.setScale(0) : number));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TaxRate rate && code().equals(rate.code());
	}

	@Override
	public int hashCode() {
		return code().hashCode();
	}
}
