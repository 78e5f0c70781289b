package org.sencrm.analytics.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.hipparchus.random.Well19937c;

/** Customers drawn from a BG/NBD model (the paper's story, step by step), each observed for T ∈ [T/2, T] units. */
final class BgNbdSimulation {

	private BgNbdSimulation() {
	}

	static List<CustomerSummary> customers(BgNbdModel model, int count, double maxAge, long seed) {
		var random = new SplittableRandom(seed);
		var rng = new Well19937c(seed);
		var rates = new GammaDistribution(model.r(), 1 / model.alpha());
		var dropouts = new BetaDistribution(model.a(), model.b());
		var customers = new ArrayList<CustomerSummary>(count);
		for (int i = 0; i < count; i++) {
			double lambda = rates.inverseCumulativeProbability(rng.nextDouble());
			double p = dropouts.inverseCumulativeProbability(rng.nextDouble());
			double age = maxAge / 2 + random.nextDouble() * maxAge / 2;
			double time = 0;
			int x = 0;
			double last = 0;
			while (true) {
				time += -Math.log(1 - random.nextDouble()) / lambda;
				if (time > age) {
					break;
				}
				x++;
				last = time;
				if (random.nextDouble() < p) {
					break;
				}
			}
			customers.add(new CustomerSummary("c" + i, x, last, age, 0, null, null));
		}
		return customers;
	}
}
