package org.sencrm.analytics.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hipparchus.special.Gamma;
import org.hipparchus.util.FastMath;

/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy
 * way", Marketing Science 24(2)): while alive, a customer buys as a Poisson process of rate λ ~ Gamma(r, α);
 * after each purchase they drop out with probability p ~ Beta(a, b). Equation numbers are the paper's.
 */
public record BgNbdModel(double r, double alpha, double a, double b) {

	public BgNbdModel {
		if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) {
			throw new IllegalArgumentException("BG/NBD parameters must be positive: r=" + r + ", α=" + alpha + ", a=" + a + ", b=" + b);
		}
	}

	/** A fitted model: the parameters, the maximised log-likelihood, how many customers it was fitted on. */
	public record Fit(BgNbdModel model, double logLikelihood, int customers, int evaluations) {
	}

	/** The log-likelihood of one customer's (x, t_x, T) (equation 6). */
	public double logLikelihood(int x, double recency, double age) {
		return logLikelihood(x, recency, age, logGammaTerms(x));
	}

	public double logLikelihood(CustomerSummary customer) {
		return logLikelihood(customer.frequency(), customer.recency(), customer.age());
	}

	/** The log-likelihood of a customer base: the sum over its customers. */
	public double logLikelihood(Collection<CustomerSummary> customers) {
		return Sample.of(customers).logLikelihood(this);
	}

	/**
	 * P(alive | x, t_x, T) (equation 11): 1 for a customer with no repeat purchase — in this model a
	 * customer can only drop out right after a purchase.
	 */
	public double probabilityAlive(int x, double recency, double age) {
		if (x == 0) {
			return 1;
		}
		return 1 / (1 + a / (b + x - 1) * FastMath.pow((alpha + age) / (alpha + recency), r + x));
	}

	public double probabilityAlive(CustomerSummary customer) {
		return probabilityAlive(customer.frequency(), customer.recency(), customer.age());
	}

	/**
	 * E[Y(t) | x, t_x, T]: the expected number of purchases in the next t units of a customer with this
	 * history (equation 10).
	 */
	public double expectedPurchases(double t, int x, double recency, double age) {
		if (t == 0) {
			return 0;
		}
		double z = t / (alpha + age + t);
		double hypergeometric = GaussHypergeometric.value(r + x, b + x, a + b + x - 1, z);
		double numerator = (a + b + x - 1) / (a - 1)
				* (1 - FastMath.pow((alpha + age) / (alpha + age + t), r + x) * hypergeometric);
		double denominator = x == 0 ? 1 : 1 + a / (b + x - 1) * FastMath.pow((alpha + age) / (alpha + recency), r + x);
		return numerator / denominator;
	}

	public double expectedPurchases(double t, CustomerSummary customer) {
		return expectedPurchases(t, customer.frequency(), customer.recency(), customer.age());
	}

	/**
	 * E[Y(t) | x, t_x, T] for several t at once (the weeks of a horizon): the same as one call per t, with
	 * what depends on the customer only computed once.
	 */
	public double[] expectedPurchases(double[] times, CustomerSummary customer) {
		int x = customer.frequency();
		double age = customer.age();
		var hypergeometric = GaussHypergeometric.of(r + x, b + x, a + b + x - 1);
		double factor = (a + b + x - 1) / (a - 1);
		double denominator = x == 0 ? 1 : 1 + a / (b + x - 1) * FastMath.pow((alpha + age) / (alpha + customer.recency()), r + x);
		double[] expected = new double[times.length];
		for (int i = 0; i < times.length; i++) {
			double t = times[i];
			expected[i] = t == 0 ? 0
					: factor * (1 - FastMath.pow((alpha + age) / (alpha + age + t), r + x) * hypergeometric.at(t / (alpha + age + t)))
							/ denominator;
		}
		return expected;
	}

	/**
	 * E[X(t)]: the expected number of repeat purchases in the first t units after a new customer's first
	 * purchase (equation 9) — the population prediction.
	 */
	public double expectedPurchases(double t) {
		if (t == 0) {
			return 0;
		}
		return (a + b - 1) / (a - 1)
				* (1 - FastMath.pow(alpha / (alpha + t), r) * GaussHypergeometric.value(r, b, a + b - 1, t / (alpha + t)));
	}

	/** Fits (r, α, a, b) by maximum likelihood. */
	public static Fit fit(List<CustomerSummary> customers) {
		if (customers.isEmpty()) {
			throw new IllegalArgumentException("no customers to fit the BG/NBD model on");
		}
		var sample = Sample.of(customers);
		var optimum = MaximumLikelihood.maximise(p -> sample.logLikelihood(new BgNbdModel(p[0], p[1], p[2], p[3])),
				new double[] {1, 1, 1, 1});
		double[] p = optimum.parameters();
		return new Fit(new BgNbdModel(p[0], p[1], p[2], p[3]), optimum.logLikelihood(), customers.size(), optimum.evaluations());
	}

	/** ln Γ(r+x) − ln Γ(r) + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x): the part that depends on x only. */
	private double logGammaTerms(int x) {
		return Gamma.logGamma(r + x) - Gamma.logGamma(r) + Gamma.logGamma(a + b) + Gamma.logGamma(b + x)
				- Gamma.logGamma(b) - Gamma.logGamma(a + b + x);
	}

	private double logLikelihood(int x, double recency, double age, double logGammaTerms) {
		double common = logGammaTerms + r * FastMath.log(alpha);
		double stillAlive = -(r + x) * FastMath.log(alpha + age);
		if (x == 0) {
			return common + stillAlive;
		}
		double droppedOut = FastMath.log(a) - FastMath.log(b + x - 1) - (r + x) * FastMath.log(alpha + recency);
		double max = Math.max(stillAlive, droppedOut);
		return common + max + FastMath.log(FastMath.exp(stillAlive - max) + FastMath.exp(droppedOut - max));
	}

	/**
	 * Customers grouped by equal (x, t_x, T) with their counts, so that a likelihood costs one term per
	 * distinct history (a customer base measured in days has far fewer of them than customers). What depends
	 * on the parameters is computed once per distinct x (the log-gamma terms) and per distinct time
	 * (ln(α + t): times are whole days, so there are at most as many as days in the calibration period).
	 */
	private record Sample(int[] frequency, int[] recencyIndex, int[] ageIndex, int[] count, double[] times,
			int[] distinctFrequencies, int maxFrequency) {

		static Sample of(Collection<CustomerSummary> customers) {
			Map<List<Object>, int[]> groups = new HashMap<>();
			for (var customer : customers) {
				groups.computeIfAbsent(List.of(customer.frequency(), customer.recency(), customer.age()), k -> new int[1])[0]++;
			}
			Map<Double, Integer> timeIndex = new HashMap<>();
			int n = groups.size();
			int[] frequency = new int[n];
			int[] recency = new int[n];
			int[] age = new int[n];
			int[] count = new int[n];
			int i = 0;
			for (var group : groups.entrySet()) {
				frequency[i] = (Integer) group.getKey().get(0);
				recency[i] = timeIndex.computeIfAbsent((Double) group.getKey().get(1), t -> timeIndex.size());
				age[i] = timeIndex.computeIfAbsent((Double) group.getKey().get(2), t -> timeIndex.size());
				count[i] = group.getValue()[0];
				i++;
			}
			double[] times = new double[timeIndex.size()];
			timeIndex.forEach((time, index) -> times[index] = time);
			return new Sample(frequency, recency, age, count, times, Arrays.stream(frequency).distinct().toArray(),
					Arrays.stream(frequency).max().orElse(0));
		}

		double logLikelihood(BgNbdModel model) {
			double r = model.r();
			double logAlpha = FastMath.log(model.alpha());
			double logA = FastMath.log(model.a());
			double[] logGamma = new double[maxFrequency + 1];
			double[] logBxMinus1 = new double[maxFrequency + 1];
			for (int x : distinctFrequencies) {
				logGamma[x] = model.logGammaTerms(x) + r * logAlpha;
				logBxMinus1[x] = x == 0 ? 0 : FastMath.log(model.b() + x - 1);
			}
			double[] logAlphaPlus = new double[times.length];
			for (int j = 0; j < times.length; j++) {
				logAlphaPlus[j] = FastMath.log(model.alpha() + times[j]);
			}
			double sum = 0;
			for (int i = 0; i < frequency.length; i++) {
				int x = frequency[i];
				double stillAlive = -(r + x) * logAlphaPlus[ageIndex[i]];
				double value;
				if (x == 0) {
					value = stillAlive;
				} else {
					double droppedOut = logA - logBxMinus1[x] - (r + x) * logAlphaPlus[recencyIndex[i]];
					double max = Math.max(stillAlive, droppedOut);
					value = max + FastMath.log1p(FastMath.exp(Math.min(stillAlive, droppedOut) - max));
				}
				sum += count[i] * (logGamma[x] + value);
			}
			return sum;
		}
	}
}
