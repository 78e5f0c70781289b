package org.sencrm.analytics.model;

import java.util.Arrays;
import java.util.List;

import org.hipparchus.special.Gamma;
import org.hipparchus.util.FastMath;

/**
 * The Gamma-Gamma model of spend per purchase (Colombo &amp; Jiang 1999; Fader, Hardie &amp; Lee 2005,
 * "RFM and CLV"; Fader &amp; Hardie, "The Gamma-Gamma Model of Monetary Value", 2013): a customer's
 * amounts are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent of how often they buy.
 * It is fitted on the customers with repeat purchases, from the number x and the mean m̄ of their repeat
 * purchases; a mean of 0 (orders of no value only) says nothing about the scale and is left out.
 */
public record GammaGammaModel(double p, double q, double gamma) {

	public GammaGammaModel {
		if (!(p > 0 && q > 0 && gamma > 0)) {
			throw new IllegalArgumentException("Gamma-Gamma parameters must be positive: p=" + p + ", q=" + q + ", γ=" + gamma);
		}
	}

	/** A fitted model: the parameters, the maximised log-likelihood, how many customers it was fitted on. */
	public record Fit(GammaGammaModel model, double logLikelihood, int customers, int evaluations) {
	}

	/** The log of the density of m̄ given x (the note's equation 3, with the x^{px} of averaging x amounts). */
	public double logLikelihood(int x, double meanSpend) {
		double px = p * x;
		return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * FastMath.log(gamma)
				+ (px - 1) * FastMath.log(meanSpend) + px * FastMath.log(x) - (px + q) * FastMath.log(gamma + x * meanSpend);
	}

	/**
	 * E[M | x, m̄]: the expected amount of a customer's future purchases, a weighted mean of the population
	 * mean and their own mean (the note's equation 5); the population mean for a customer with no repeat purchase.
	 */
	public double expectedAverageOrderValue(int x, double meanSpend) {
		if (x == 0) {
			return populationMean();
		}
		return p * (gamma + x * meanSpend) / (p * x + q - 1);
	}

	public double expectedAverageOrderValue(CustomerSummary customer) {
		return expectedAverageOrderValue(customer.frequency(), customer.monetaryValue());
	}

	/** E[M] = pγ / (q − 1) for a customer of whom nothing is known; infinite when q ≤ 1 (a heavy tail). */
	public double populationMean() {
		return q > 1 ? p * gamma / (q - 1) : Double.POSITIVE_INFINITY;
	}

	/** Fits (p, q, γ) by maximum likelihood on the customers with repeat purchases of some value. */
	public static Fit fit(List<CustomerSummary> customers) {
		var spenders = customers.stream().filter(c -> c.frequency() > 0 && c.monetaryValue() > 0).toList();
		if (spenders.isEmpty()) {
			throw new IllegalArgumentException("no customer with repeat purchases to fit the Gamma-Gamma model on");
		}
		var sample = Sample.of(spenders);
		var optimum = MaximumLikelihood.maximise(params -> sample.logLikelihood(new GammaGammaModel(params[0], params[1], params[2])),
				new double[] {1, 1, 1});
		double[] params = optimum.parameters();
		return new Fit(new GammaGammaModel(params[0], params[1], params[2]), optimum.logLikelihood(), spenders.size(),
				optimum.evaluations());
	}

	/**
	 * The spenders' x and m̄ with ln m̄ computed once; the log-gamma terms depend on x only, so a likelihood costs
	 * them once per distinct x and one logarithm per customer.
	 */
	private record Sample(int[] frequency, double[] meanSpend, double[] logMeanSpend, int[] distinctFrequencies, int maxFrequency) {

		static Sample of(List<CustomerSummary> spenders) {
			int[] x = spenders.stream().mapToInt(CustomerSummary::frequency).toArray();
			double[] m = spenders.stream().mapToDouble(CustomerSummary::monetaryValue).toArray();
			double[] logM = Arrays.stream(m).map(FastMath::log).toArray();
			return new Sample(x, m, logM, Arrays.stream(x).distinct().toArray(), Arrays.stream(x).max().orElse(0));
		}

		double logLikelihood(GammaGammaModel model) {
			double p = model.p();
			double q = model.q();
			double[] constant = new double[maxFrequency + 1];
			for (int x : distinctFrequencies) {
				double px = p * x;
				constant[x] = Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * FastMath.log(model.gamma())
						+ px * FastMath.log(x);
			}
			double sum = 0;
			for (int i = 0; i < frequency.length; i++) {
				int x = frequency[i];
				double px = p * x;
				sum += constant[x] + (px - 1) * logMeanSpend[i] - (px + q) * FastMath.log(model.gamma() + x * meanSpend[i]);
			}
			return sum;
		}
	}
}
