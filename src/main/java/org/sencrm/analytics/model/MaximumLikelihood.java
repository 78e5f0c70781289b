package org.sencrm.analytics.model;

import java.util.function.ToDoubleFunction;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.hipparchus.util.FastMath;

/**
 * Maximises a log-likelihood over positive parameters: Hipparchus's Nelder-Mead simplex on their
 * logarithms (so every step stays positive and the scales of α ≈ 4 and r ≈ 0.2 do not matter),
 * restarted from its own optimum until a restart no longer improves the likelihood — a simplex can
 * collapse before it reaches the optimum, and a fresh one around the point found costs little.
 */
final class MaximumLikelihood {

	private static final int MAX_RESTARTS = 20;

	private MaximumLikelihood() {
	}

	/** The fitted parameters, the log-likelihood there and how many times it was evaluated. */
	record Optimum(double[] parameters, double logLikelihood, int evaluations) {
	}

	static Optimum maximise(ToDoubleFunction<double[]> logLikelihood, double[] start) {
		ObjectiveFunction negative = new ObjectiveFunction(logParameters -> {
			double value = logLikelihood.applyAsDouble(exp(logParameters));
			return Double.isFinite(value) ? -value : Double.MAX_VALUE;
		});
		double[] point = log(start);
		double best = Double.MAX_VALUE;
		int evaluations = 0;
		for (int restart = 0; restart < MAX_RESTARTS; restart++) {
			var optimizer = new SimplexOptimizer(new SimpleValueChecker(1e-13, 1e-13));
			var optimum = optimizer.optimize(new MaxEval(50_000), negative, GoalType.MINIMIZE,
					new InitialGuess(point), new NelderMeadSimplex(steps(point.length)));
			evaluations += optimizer.getEvaluations();
			double value = optimum.getValue();
			point = optimum.getPoint();
			boolean improved = best - value > 1e-9 * Math.max(1, Math.abs(value));
			best = Math.min(best, value);
			if (!improved) {
				break;
			}
		}
		return new Optimum(exp(point), -best, evaluations);
	}

	private static double[] steps(int n) {
		double[] steps = new double[n];
		java.util.Arrays.fill(steps, 0.5);
		return steps;
	}

	private static double[] exp(double[] values) {
		double[] result = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			result[i] = FastMath.exp(values[i]);
		}
		return result;
	}

	private static double[] log(double[] values) {
		double[] result = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			if (!(values[i] > 0)) {
				throw new IllegalArgumentException("start values must be positive");
			}
			result[i] = FastMath.log(values[i]);
		}
		return result;
	}
}
