package dev.shopwright.inventory.forecasting;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * A yearly pattern as a few Fourier terms (sine and cosine of 1..K cycles a year), fitted by least squares together
 * with a straight-line trend so that a year of growth is not mistaken for a season. Daily Holt-Winters with a
 * period of 365 would need two full years before it learns anything; a low-order Fourier curve needs less than one
 * and cannot overfit the noise of single days.
 */
final class YearlySeasonality {

	static final double DAYS_PER_YEAR = 365.25;

	private final double[] coefficients;

	private YearlySeasonality(double[] coefficients) {
		this.coefficients = coefficients;
	}

	/** Fits {@code harmonics} sine/cosine pairs to {@code y} (day 0 is the series' first day). */
	static YearlySeasonality fit(double[] y, int harmonics) {
		double[][] x = new double[y.length][];
		for (int t = 0; t < y.length; t++) {
			double[] row = new double[1 + 2 * harmonics];
			row[0] = t;
			System.arraycopy(terms(t, harmonics), 0, row, 1, 2 * harmonics);
			x[t] = row;
		}
		OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
		regression.newSampleData(y, x);
		double[] beta = regression.estimateRegressionParameters(); // intercept, trend, then the Fourier terms
		double[] fourier = new double[2 * harmonics];
		System.arraycopy(beta, 2, fourier, 0, fourier.length);
		return new YearlySeasonality(fourier);
	}

	/** The seasonal effect on day {@code t} (units above or below the year's average). */
	double at(int t) {
		double[] terms = terms(t, coefficients.length / 2);
		double sum = 0;
		for (int i = 0; i < terms.length; i++) {
			sum += coefficients[i] * terms[i];
		}
		return sum;
	}

	/** The largest effect over a year, for the model's description. */
	double amplitude() {
		double max = 0;
		for (int t = 0; t < 366; t++) {
			max = Math.max(max, Math.abs(at(t)));
		}
		return max;
	}

	private static double[] terms(int t, int harmonics) {
		double[] terms = new double[2 * harmonics];
		for (int k = 1; k <= harmonics; k++) {
			double angle = 2 * Math.PI * k * t / DAYS_PER_YEAR;
			terms[2 * (k - 1)] = Math.sin(angle);
			terms[2 * (k - 1) + 1] = Math.cos(angle);
		}
		return terms;
	}
}
