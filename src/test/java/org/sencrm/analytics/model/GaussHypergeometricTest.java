package org.sencrm.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/**
 * ₂F₁ against closed forms and against mpmath 1.3 (mp.dps = 40, {@code mpmath.hyp2f1}), printed by
 * src/test/resources/analytics/reference_values.py.
 */
class GaussHypergeometricTest {

	@Test
	void matchesClosedFormsOnEveryBranch() {
		for (double z : new double[] {-5, -0.9, -0.3, 0.1, 0.45, 0.5, 0.55, 0.8, 0.97}) {
			// ₂F₁(1, 1; 2; z) = −ln(1 − z) / z: c − a − b = 0, the integer case of the 1 − z formula
			assertThat(GaussHypergeometric.value(1, 1, 2, z)).as("z=%s", z).isCloseTo(-Math.log1p(-z) / z, within(1e-13));
			// ₂F₁(a, b; b; z) = (1 − z)^(−a)
			assertThat(GaussHypergeometric.value(0.37, 2.5, 2.5, z)).as("z=%s", z).isCloseTo(Math.pow(1 - z, -0.37), withinPercentage(1e-11));
			// ₂F₁(½, 1; 3/2; −x²) = arctan(x) / x, with z = −x² ≤ 0
			if (z < 0) {
				double x = Math.sqrt(-z);
				assertThat(GaussHypergeometric.value(0.5, 1, 1.5, z)).isCloseTo(Math.atan(x) / x, within(1e-14));
			} else {
				// ₂F₁(½, ½; 3/2; x²) = arcsin(x) / x
				double x = Math.sqrt(z);
				assertThat(GaussHypergeometric.value(0.5, 0.5, 1.5, z)).isCloseTo(Math.asin(x) / x, within(1e-13));
			}
		}
	}

	@Test
	void matchesMpmath() {
		assertThat(GaussHypergeometric.value(1, 1, 2, 0.3)).isCloseTo(1.1889164797957745964, withinPercentage(1e-12));
		assertThat(GaussHypergeometric.value(1, 1, 2, 0.9)).isCloseTo(2.5584278811044952045, withinPercentage(1e-12));
		assertThat(GaussHypergeometric.value(0.5, 1.25, 2.5, 0.75)).isCloseTo(1.3224998044867371507, withinPercentage(1e-12));
		assertThat(GaussHypergeometric.value(1.243, 3.426, 3.219, 0.95)).isCloseTo(62.413068045809284132, withinPercentage(1e-11));
		assertThat(GaussHypergeometric.value(2.7, 1.4, 3.3, 0.999)).isCloseTo(565.07716047058059371, withinPercentage(1e-10));
		assertThat(GaussHypergeometric.value(0.8, 2.2, 1.7, -0.7)).isCloseTo(0.58550770293395880567, withinPercentage(1e-12));
		assertThat(GaussHypergeometric.value(0.8, 2.2, 1.7, -3)).isCloseTo(0.26082076047247174039, withinPercentage(1e-12));
		assertThat(GaussHypergeometric.value(0.243, 2.426, 2.219, 0.9)).isCloseTo(1.9476311698186014235, withinPercentage(1e-12));
		assertThat(GaussHypergeometric.value(20.243, 22.426, 22.219, 0.93)).isCloseTo(4.0723961370044771399e23, withinPercentage(1e-10));
		// c − a − b = 0.0005, next to an integer: summed in z
		assertThat(GaussHypergeometric.value(1.5, 2.5, 4.0005, 0.8)).isCloseTo(3.6046559673090299802, withinPercentage(1e-12));
		assertThat(GaussHypergeometric.value(0.3, 0.4, 1.7, 0.5)).isCloseTo(1.0433928789862476846, withinPercentage(1e-13));
	}

	@Test
	void polynomialCaseAndGaussSumAreExact() {
		assertThat(GaussHypergeometric.value(-3, 2.5, 1.5, 0.8)).isCloseTo(-0.056, within(1e-15));
		// Gauss: Γ(10)Γ(3) / (Γ(7)Γ(6)) = 8.4
		assertThat(GaussHypergeometric.value(3, 4, 10, 1)).isCloseTo(8.4, within(1e-12));
		assertThat(GaussHypergeometric.value(2, 3, 4, 0)).isEqualTo(1);
	}

	@Test
	void refusesWhereItIsUndefined() {
		assertThatThrownBy(() -> GaussHypergeometric.value(1, 1, -2, 0.3)).isInstanceOf(ArithmeticException.class);
		assertThatThrownBy(() -> GaussHypergeometric.value(1, 1, 2, 1.2)).isInstanceOf(ArithmeticException.class);
		assertThatThrownBy(() -> GaussHypergeometric.value(1, 1, 2, 1)).isInstanceOf(ArithmeticException.class);
	}
}
