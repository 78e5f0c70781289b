package org.sencrm.analytics.model;

import org.hipparchus.special.Gamma;
import org.hipparchus.util.FastMath;

/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z ≤ 1, as the
 * BG/NBD expectations need it (z = t / (α + T + t) in [0, 1)).
 *
 * <ul>
 * <li>|z| ≤ ½: the power series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ, summed until a bound of the whole remaining
 * tail (not just the last term) is below 10⁻¹⁶ of the sum;</li>
 * <li>z &lt; 0: Pfaff's transformation (1 − z)^(−a) ₂F₁(a, c − b; c; z / (z − 1)), which maps z to [0, 1);</li>
 * <li>½ &lt; z &lt; 1: the connection formula to 1 − z (Abramowitz &amp; Stegun 15.3.6), whose two series
 * converge fast; when c − a − b is within 10⁻³ of an integer its gamma factors cancel badly (they have
 * poles at the integers), so there the power series in z itself is summed to its tail bound, which takes
 * ~ 40 / (1 − z) terms (z = 0.999: 40,000) and gives up past {@value #MAX_TERMS};</li>
 * <li>z = 1: Gauss's sum Γ(c)Γ(c−a−b) / (Γ(c−a)Γ(c−b)) when c − a − b &gt; 0 (the series diverges otherwise).</li>
 * </ul>
 * A polynomial case (a or b a non-positive integer) is summed exactly for any z ≤ 1. An instance holds one
 * set of parameters and is not thread-safe (it keeps the gamma factors it computed).
 */
public final class GaussHypergeometric {

	static final int MAX_TERMS = 20_000_000;
	private static final double TOLERANCE = 1e-16;
	private static final double NEAR_INTEGER = 1e-3;

	private final double a;
	private final double b;
	private final double c;
	/** The connection formula's gamma factors, computed on first use (NaN until then). */
	private double first = Double.NaN;
	private double second = Double.NaN;

	private GaussHypergeometric(double a, double b, double c) {
		this.a = a;
		this.b = b;
		this.c = c;
	}

	/**
	 * ₂F₁(a, b; c; ·) with these parameters, to be evaluated at many z: the gamma factors of the connection
	 * formula are computed once (a customer's expected purchases over each week of a horizon).
	 */
	public static GaussHypergeometric of(double a, double b, double c) {
		return new GaussHypergeometric(a, b, c);
	}

	public static double value(double a, double b, double c, double z) {
		return of(a, b, c).at(z);
	}

	public double at(double z) {
		if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(z)) {
			return Double.NaN;
		}
		if (isNonPositiveInteger(c) && !(terminatesBefore(a, c) || terminatesBefore(b, c))) {
			throw new ArithmeticException("2F1 has a pole at c = " + c);
		}
		if (z > 1) {
			throw new ArithmeticException("2F1 is not real on its branch cut z > 1: z = " + z);
		}
		if (z == 0 || a == 0 || b == 0) {
			return 1;
		}
		if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
			return series(a, b, c, z);
		}
		if (z < 0) {
			return FastMath.pow(1 - z, -a) * value(a, c - b, c, z / (z - 1));
		}
		if (z == 1) {
			return gaussSum(a, b, c);
		}
		if (z <= 0.5) {
			return series(a, b, c, z);
		}
		double s = c - a - b;
		if (Math.abs(s - Math.rint(s)) < NEAR_INTEGER) {
			return series(a, b, c, z);
		}
		if (Double.isNaN(first)) {
			first = gammaRatio(c, s, c - a, c - b);
			second = gammaRatio(c, -s, a, b);
		}
		double w = 1 - z;
		return (first == 0 ? 0 : first * series(a, b, 1 - s, w))
				+ (second == 0 ? 0 : second * FastMath.pow(w, s) * series(c - a, c - b, 1 + s, w));
	}

	/** Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ for |z| &lt; 1 (or a terminating series), to a bound on the whole tail. */
	static double series(double a, double b, double c, double z) {
		double sum = 1;
		double term = 1;
		// past this index every ratio of successive terms moves monotonically towards z
		double monotoneFrom = 2 * (Math.abs(a) + Math.abs(b) + Math.abs(c)) + 2;
		for (int n = 0; n < MAX_TERMS; n++) {
			double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
			term *= ratio;
			if (term == 0) {
				return sum;
			}
			sum += term;
			if (n >= monotoneFrom) {
				double bound = Math.max(Math.abs(ratio), Math.abs(z));
				if (bound < 1 && Math.abs(term) * bound / (1 - bound) <= TOLERANCE * Math.abs(sum)) {
					return sum;
				}
			}
		}
		throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in " + MAX_TERMS + " terms");
	}

	private static double gaussSum(double a, double b, double c) {
		double s = c - a - b;
		if (s <= 0) {
			throw new ArithmeticException("2F1 diverges at z = 1 when c − a − b ≤ 0 (here " + s + ")");
		}
		return gammaRatio(c, s, c - a, c - b);
	}

	/** Γ(p)Γ(q) / (Γ(u)Γ(v)), through logarithms (no overflow) with signs; 0 when u or v is a pole. */
	static double gammaRatio(double p, double q, double u, double v) {
		if (isNonPositiveInteger(u) || isNonPositiveInteger(v)) {
			return 0;
		}
		if (isNonPositiveInteger(p) || isNonPositiveInteger(q)) {
			throw new ArithmeticException("gamma pole in the numerator: " + p + ", " + q);
		}
		double log = logAbsGamma(p) + logAbsGamma(q) - logAbsGamma(u) - logAbsGamma(v);
		return gammaSign(p) * gammaSign(q) * gammaSign(u) * gammaSign(v) * FastMath.exp(log);
	}

	/** ln |Γ(x)| for any real x that is not a pole (reflection below ½). */
	static double logAbsGamma(double x) {
		if (x >= 0.5) {
			return Gamma.logGamma(x);
		}
		return FastMath.log(Math.PI / Math.abs(FastMath.sin(Math.PI * x))) - Gamma.logGamma(1 - x);
	}

	/** The sign of Γ(x): positive for x &gt; 0, alternating between the poles below 0. */
	static double gammaSign(double x) {
		if (x > 0) {
			return 1;
		}
		return ((long) Math.floor(x)) % 2 == 0 ? 1 : -1;
	}

	private static boolean isNonPositiveInteger(double x) {
		return x <= 0 && x == Math.rint(x);
	}

	/** A non-positive integer parameter a ≥ c stops the series before the pole at c is reached. */
	private static boolean terminatesBefore(double a, double c) {
		return isNonPositiveInteger(a) && a > c;
	}
}
