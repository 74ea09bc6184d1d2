package dev.shopwright.inventory.forecasting;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Additive Holt-Winters with a damped trend on a daily series (Hyndman & Athanasopoulos, "Forecasting: principles
 * and practice", section 8.3):
 *
 * <pre>
 * forecast  ŷ(t|t-1) = l(t-1) + φ·b(t-1) + s(t-m)
 * level     l(t) = α·(y(t) − s(t-m)) + (1−α)·(l(t-1) + φ·b(t-1))
 * trend     b(t) = β·(l(t) − l(t-1)) + (1−β)·φ·b(t-1)
 * season    s(t) = γ·(y(t) − l(t-1) − φ·b(t-1)) + (1−γ)·s(t-m)
 * </pre>
 *
 * The parameters are fitted by Nelder-Mead (Commons Math) minimising the squared one-step-ahead errors. They are
 * optimised unconstrained through logistic maps, which keep them in the usual region: 0 < α < 1, 0 < β < α,
 * 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98.
 */
final class HoltWinters {

	/** The fitted smoothing parameters. */
	record Parameters(double alpha, double beta, double gamma, double phi) {

		static Parameters of(double[] x) {
			double alpha = logistic(x[0]);
			return new Parameters(alpha, alpha * logistic(x[1]), (1 - alpha) * logistic(x[2]), 0.8 + 0.18 * logistic(x[3]));
		}
	}

	/**
	 * The state after filtering a series: the one-step-ahead forecast made for every day (NaN for the warm-up days
	 * whose forecast rests on the initial guess only), and level, trend and the last {@code period} seasonal terms.
	 */
	record State(double[] oneStep, double level, double trend, double[] seasonal, Parameters parameters, int period) {

		/** The forecast for 1..horizon days after the last filtered day. */
		double[] forecast(int horizon) {
			double[] result = new double[horizon];
			double damped = 0;
			double phiPower = 1;
			for (int h = 1; h <= horizon; h++) {
				phiPower *= parameters.phi();
				damped += phiPower;
				result[h - 1] = level + damped * trend + seasonal[(h - 1) % period];
			}
			return result;
		}
	}

	/** Days whose one-step errors the fit ignores, while the initial state settles. */
	static final int WARM_UP_PERIODS = 1;

	private HoltWinters() {
	}

	/** Fits the parameters on {@code y} (at least {@code 4 · period} values). */
	static Parameters fit(double[] y, int period) {
		MultivariateFunction sse = x -> squaredErrors(y, period, Parameters.of(x));
		SimplexOptimizer optimizer = new SimplexOptimizer(1e-7, 1e-9);
		PointValuePair best = optimizer.optimize(new MaxEval(3000), new ObjectiveFunction(sse), GoalType.MINIMIZE,
				new InitialGuess(new double[] { logit(0.2), logit(0.3), logit(0.15), logit(0.5) }),
				new NelderMeadSimplex(4, 1.0));
		return Parameters.of(best.getPoint());
	}

	/** Runs the recursions over {@code y} with the given parameters. */
	static State filter(double[] y, int period, Parameters p) {
		int weeks = Math.min(4, y.length / period);
		double[] means = new double[weeks];
		for (int w = 0; w < weeks; w++) {
			means[w] = mean(y, w * period, (w + 1) * period);
		}
		double[] seasonal = new double[period];
		for (int j = 0; j < period; j++) {
			double sum = 0;
			for (int w = 0; w < weeks; w++) {
				sum += y[w * period + j] - means[w];
			}
			seasonal[j] = sum / weeks;
		}
		double trend = weeks > 1 ? (means[weeks - 1] - means[0]) / ((weeks - 1) * period) : 0;
		// the level just before day 0: the first week's mean, taken back to its start
		double level = means[0] - trend * (period - 1) / 2.0;
		double[] oneStep = new double[y.length];
		// seasonal[t % period] holds s(t − m) when day t is reached
		for (int t = 0; t < y.length; t++) {
			int j = t % period;
			double forecast = level + p.phi() * trend + seasonal[j];
			oneStep[t] = t < WARM_UP_PERIODS * period ? Double.NaN : forecast;
			double previousLevel = level;
			double previousTrend = trend;
			level = p.alpha() * (y[t] - seasonal[j]) + (1 - p.alpha()) * (previousLevel + p.phi() * previousTrend);
			trend = p.beta() * (level - previousLevel) + (1 - p.beta()) * p.phi() * previousTrend;
			seasonal[j] = p.gamma() * (y[t] - previousLevel - p.phi() * previousTrend) + (1 - p.gamma()) * seasonal[j];
		}
		// the next day after the series is day y.length: its seasonal term sits at y.length % period
		double[] ahead = new double[period];
		for (int h = 0; h < period; h++) {
			ahead[h] = seasonal[(y.length + h) % period];
		}
		return new State(oneStep, level, trend, ahead, p, period);
	}

	static double squaredErrors(double[] y, int period, Parameters p) {
		double[] oneStep = filter(y, period, p).oneStep();
		double sum = 0;
		for (int t = WARM_UP_PERIODS * period; t < y.length; t++) {
			double error = y[t] - oneStep[t];
			sum += error * error;
		}
		return sum;
	}

	private static double mean(double[] y, int from, int to) {
		double sum = 0;
		for (int i = from; i < to; i++) {
			sum += y[i];
		}
		return sum / (to - from);
	}

	private static double logistic(double x) {
		return 1 / (1 + Math.exp(-x));
	}

	private static double logit(double p) {
		return Math.log(p / (1 - p));
	}
}
