package org.sencrm.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The BG/NBD formulas at the paper's CDNOW parameters against values computed independently with mpmath
 * 1.3 at 40 digits from the paper's equations 6, 9, 10 and 11 (src/test/resources/analytics/reference_values.py).
 */
class BgNbdModelTest {

	static final BgNbdModel CDNOW = new BgNbdModel(0.243, 4.414, 0.793, 2.426);

	record Expected(int x, double recency, double age, double logLikelihood, double probabilityAlive, double next39, double next520) {
	}

	static final Expected[] CUSTOMERS = {
			new Expected(0, 0, 272 / 7.0, -0.55469723196260229, 1.0, 0.19510966499308848, 1.4646097015094425),
			new Expected(2, 213 / 7.0, 272 / 7.0, -9.458473557488497, 0.72658972183549484, 1.2261158061493217, 7.3196816956255329),
			new Expected(7, 35, 38, -22.012920134497155, 0.86199106509343288, 4.5561852765897226, 24.10696496487568),
			new Expected(1, 12 / 7.0, 200 / 7.0, -4.3880220102738666, 0.27408778795667998, 0.33121485140820257, 1.9598355531334868),
			new Expected(20, 30, 32, -35.349102941953431, 0.89594999531376935, 14.548273055881751, 69.871820914931658) };

	@Test
	void logLikelihoodOfOneCustomer() {
		for (var c : CUSTOMERS) {
			assertThat(CDNOW.logLikelihood(c.x(), c.recency(), c.age())).as("%s", c).isCloseTo(c.logLikelihood(), within(1e-12));
		}
	}

	@Test
	void probabilityAlive() {
		for (var c : CUSTOMERS) {
			assertThat(CDNOW.probabilityAlive(c.x(), c.recency(), c.age())).as("%s", c).isCloseTo(c.probabilityAlive(), within(1e-14));
		}
	}

	@Test
	void conditionalExpectedPurchases() {
		for (var c : CUSTOMERS) {
			assertThat(CDNOW.expectedPurchases(39, c.x(), c.recency(), c.age())).as("%s", c).isCloseTo(c.next39(), within(1e-12));
			assertThat(CDNOW.expectedPurchases(520, c.x(), c.recency(), c.age())).as("%s", c).isCloseTo(c.next520(), within(1e-10));
		}
	}

	@Test
	void expectedPurchasesOverSeveralHorizonsAtOnce() {
		double[] times = {0, 1, 10, 39, 100, 520};
		for (var c : CUSTOMERS) {
			var customer = new CustomerSummary("c", c.x(), c.recency(), c.age(), 0, null, null);

			double[] expected = CDNOW.expectedPurchases(times, customer);

			assertThat(expected[3]).isCloseTo(c.next39(), within(1e-12));
			assertThat(expected[5]).isCloseTo(c.next520(), within(1e-10));
			for (int i = 0; i < times.length; i++) {
				assertThat(expected[i]).isCloseTo(CDNOW.expectedPurchases(times[i], customer), within(1e-13));
			}
		}
	}

	@Test
	void unconditionalExpectedPurchasesOfANewCustomer() {
		assertThat(CDNOW.expectedPurchases(1)).isCloseTo(0.05326789117165828, within(1e-14));
		assertThat(CDNOW.expectedPurchases(10)).isCloseTo(0.43241336223442557, within(1e-14));
		assertThat(CDNOW.expectedPurchases(39)).isCloseTo(1.1967231933208168, within(1e-13));
		assertThat(CDNOW.expectedPurchases(78)).isCloseTo(1.8605190579427685, within(1e-13));
		assertThat(CDNOW.expectedPurchases(1000)).isCloseTo(6.5803916137382322, within(1e-11));
	}

	@Test
	void fitRecoversTheParametersOfSimulatedCustomers() {
		var truth = new BgNbdModel(0.6, 3.0, 0.9, 3.5);
		var customers = BgNbdSimulation.customers(truth, 20_000, 52, 42);

		var fit = BgNbdModel.fit(customers);

		assertThat(fit.model().r()).isCloseTo(0.6, within(0.06));
		assertThat(fit.model().alpha()).isCloseTo(3.0, within(0.4));
		assertThat(fit.model().a()).isCloseTo(0.9, within(0.25));
		assertThat(fit.model().b()).isCloseTo(3.5, within(1.2));
		assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(truth.logLikelihood(customers));
	}
}
