package org.sencrm.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;

import org.hipparchus.distribution.continuous.GammaDistribution;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The Gamma-Gamma formulas at the note's CDNOW parameters against mpmath 1.3 at 40 digits
 * (src/test/resources/analytics/reference_values.py).
 */
class GammaGammaModelTest {

	static final GammaGammaModel CDNOW = new GammaGammaModel(6.25, 3.74, 15.44);

	@Test
	void logLikelihoodOfAMeanSpend() {
		assertThat(CDNOW.logLikelihood(1, 11.77)).isCloseTo(-3.73770967874084, within(1e-12));
		assertThat(CDNOW.logLikelihood(2, 22.345)).isCloseTo(-3.5511891641399508, within(1e-12));
		assertThat(CDNOW.logLikelihood(10, 100)).isCloseTo(-7.1477526916018243, within(1e-12));
	}

	@Test
	void expectedAverageOrderValueLeansTowardsTheCustomersOwnMeanTheMoreTheyBought() {
		assertThat(CDNOW.expectedAverageOrderValue(1, 11.77)).isCloseTo(18.916852057842047, within(1e-12));
		assertThat(CDNOW.expectedAverageOrderValue(2, 22.345)).isCloseTo(24.659612860892388, within(1e-12));
		assertThat(CDNOW.expectedAverageOrderValue(10, 100)).isCloseTo(97.279276517473942, within(1e-12));
		assertThat(CDNOW.expectedAverageOrderValue(0, 0)).isEqualTo(CDNOW.populationMean()).isCloseTo(6.25 * 15.44 / 2.74, within(1e-12));
	}

	@Test
	void fitRecoversTheParametersOfSimulatedSpend() {
		var rng = new Well19937c(7);
		var scales = new GammaDistribution(4.0, 1 / 20.0);
		var customers = new ArrayList<CustomerSummary>();
		for (int i = 0; i < 20_000; i++) {
			double nu = scales.inverseCumulativeProbability(rng.nextDouble());
			var amounts = new GammaDistribution(5.0, 1 / nu);
			int x = 1 + i % 6;
			double sum = 0;
			for (int j = 0; j < x; j++) {
				sum += amounts.inverseCumulativeProbability(rng.nextDouble());
			}
			customers.add(new CustomerSummary("c" + i, x, 1, 2, sum / x, null, null));
		}
		customers.add(new CustomerSummary("zero", 2, 1, 2, 0, null, null));
		customers.add(new CustomerSummary("once", 0, 0, 2, 0, null, null));

		var fit = GammaGammaModel.fit(customers);

		assertThat(fit.customers()).isEqualTo(20_000);
		assertThat(fit.model().p()).isCloseTo(5.0, within(0.3));
		assertThat(fit.model().q()).isCloseTo(4.0, within(0.3));
		assertThat(fit.model().gamma()).isCloseTo(20.0, within(2.5));
	}
}
