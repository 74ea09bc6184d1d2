package dev.shopwright.inventory.forecasting;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.jspecify.annotations.Nullable;

/**
 * Forecasts a daily demand series: picks a model from the shape of the history, measures it on the held-out last
 * {@value #HELD_OUT_DAYS} days, and forecasts the horizon from a fit on the whole history.
 *
 * <p>Accuracy: the parameters are fitted on the history before the held-out days only; then, day by day through the
 * held-out part, the model forecasts the next day from what it has seen so far (a forecast made each morning). MASE
 * is that forecast's mean absolute error divided by the mean absolute error of the seasonal-naive forecast (the same
 * weekday last week) on the same days: below 1 the model beats the naive forecast, above 1 it does worse.
 */
final class DemandForecaster {

	static final int WEEK = 7;

	static final int HELD_OUT_DAYS = 28;

	/** Below this, a weekly pattern cannot be estimated with days left over to check it. */
	static final int MIN_DAYS_FOR_HOLT_WINTERS = 12 * WEEK;

	/** Below this there is not a whole week to repeat. */
	static final int MIN_DAYS_FOR_SEASONAL_NAIVE = 2 * WEEK;

	/** With more days than this before the held-out part, a yearly curve is tried as well. */
	static final int MIN_DAYS_FOR_YEARLY = 300;

	/** How far ahead the yearly curve must forecast better than the weekly model alone, to be kept. */
	static final int SEASON_CHECK_DAYS = 2 * HELD_OUT_DAYS;

	/** The window of the mean model, of the intermittency check and of σ. */
	static final int RECENT_DAYS = 91;

	/** A series with more days without a sale than this (over the recent window) is intermittent. */
	static final double INTERMITTENT_ZERO_SHARE = 0.6;

	/** The forecast band shown in charts: the central 80%. */
	static final double BAND_LEVEL = 0.8;

	private static final double BAND_Z = new NormalDistribution().inverseCumulativeProbability(0.5 + BAND_LEVEL / 2);

	/**
	 * A forecast: the model and why it was chosen, its parameters, its accuracy on the held-out days (null when the
	 * history is too short to hold any out, or the naive forecast's error is zero), σ of its one-step errors, and the
	 * daily forecast with an 80% band for days 1..horizon after the last day of history.
	 */
	record Result(ForecastModel model, String reason, Map<String, Double> parameters, @Nullable Double mase,
			@Nullable Double modelMae, @Nullable Double naiveMae, int heldOutDays, double sigma, double[] mean,
			double[] lower, double[] upper) {
	}

	private DemandForecaster() {
	}

	static Result forecast(double[] y, int horizon) {
		int n = y.length;
		if (n == 0) {
			double[] zeros = new double[horizon];
			return new Result(ForecastModel.NONE, "No sale recorded yet", Map.of(), null, null, null, 0, 0, zeros, zeros,
					zeros);
		}
		double zeroShare = zeroShare(y);
		if (n >= MIN_DAYS_FOR_SEASONAL_NAIVE && zeroShare > INTERMITTENT_ZERO_SHARE) {
			return finish(new MeanModel(), y, horizon, "Intermittent demand: %d%% of the last %d days without a sale"
				.formatted(Math.round(zeroShare * 100), Math.min(n, RECENT_DAYS)), Map.of());
		}
		if (n < MIN_DAYS_FOR_SEASONAL_NAIVE) {
			return finish(new MeanModel(), y, horizon, "Only %d days of history".formatted(n), Map.of());
		}
		if (n < MIN_DAYS_FOR_HOLT_WINTERS) {
			return finish(new SeasonalNaive(), y, horizon,
					"Only %d days of history (Holt-Winters needs %d)".formatted(n, MIN_DAYS_FOR_HOLT_WINTERS), Map.of());
		}
		Candidate weekly = new WeeklyHoltWinters();
		int trainEnd = n - SEASON_CHECK_DAYS;
		if (trainEnd < MIN_DAYS_FOR_YEARLY) {
			return finish(weekly, y, horizon, "Regular demand with %d days of history".formatted(n), Map.of());
		}
		// with most of a year to learn from, keep the yearly curve only if it forecasts the last eight weeks better;
		// the comparison forecasts all of them from the day before, because a season shows over weeks, not in the next
		// day (where both models adapt their level alike)
		Candidate yearly = new YearlyHoltWinters();
		double weeklyError = horizonError(weekly, y, trainEnd);
		double yearlyError = horizonError(yearly, y, trainEnd);
		Map<String, Double> compared = Map.of("heldOutHorizonMaeWeeklyOnly", round(weeklyError),
				"heldOutHorizonMaeWithYearly", round(yearlyError));
		return yearlyError < weeklyError
				? finish(yearly, y, horizon, "Regular demand with a yearly season (%d days of history)".formatted(n), compared)
				: finish(weekly, y, horizon, "Regular demand, no yearly season that helps (%d days of history)".formatted(n),
						compared);
	}

	private static Result finish(Candidate candidate, double[] y, int horizon, String reason, Map<String, Double> extra) {
		int n = y.length;
		Double mase = null;
		Double modelMae = null;
		Double naiveMae = null;
		int heldOut = 0;
		if (n >= HELD_OUT_DAYS + MIN_DAYS_FOR_SEASONAL_NAIVE) {
			int trainEnd = n - HELD_OUT_DAYS;
			heldOut = HELD_OUT_DAYS;
			modelMae = meanAbsoluteError(y, candidate.oneStep(y, trainEnd), trainEnd);
			naiveMae = meanAbsoluteError(y, new SeasonalNaive().oneStep(y, trainEnd), trainEnd);
			mase = naiveMae > 0 ? modelMae / naiveMae : null;
		}
		Fitted fitted = candidate.fit(y, horizon);
		double sigma = rootMeanSquare(y, fitted.oneStep(), Math.max(0, n - 2 * RECENT_DAYS));
		double[] mean = new double[horizon];
		double[] lower = new double[horizon];
		double[] upper = new double[horizon];
		for (int h = 1; h <= horizon; h++) {
			mean[h - 1] = Math.max(0, fitted.forecast()[h - 1]);
			double width = BAND_Z * sigma * candidate.spread(h, fitted);
			lower[h - 1] = Math.max(0, mean[h - 1] - width);
			upper[h - 1] = mean[h - 1] + width;
		}
		Map<String, Double> parameters = new LinkedHashMap<>(fitted.parameters());
		parameters.putAll(extra);
		return new Result(candidate.model(), reason, parameters, mase == null ? null : round(mase),
				modelMae == null ? null : round(modelMae), naiveMae == null ? null : round(naiveMae), heldOut, sigma, mean,
				lower, upper);
	}

	/** A fit on the whole history: one-step forecasts for every day (NaN where there is none) and the horizon. */
	record Fitted(double[] oneStep, double[] forecast, Map<String, Double> parameters) {
	}

	interface Candidate {

		ForecastModel model();

		/** One-step forecasts for the days from {@code trainEnd} on, with parameters fitted before it. */
		double[] oneStep(double[] y, int trainEnd);

		Fitted fit(double[] y, int horizon);

		/** How much wider than σ the band is {@code h} days ahead. */
		double spread(int h, Fitted fitted);
	}

	static final class WeeklyHoltWinters implements Candidate {

		@Override
		public ForecastModel model() {
			return ForecastModel.HOLT_WINTERS;
		}

		@Override
		public double[] oneStep(double[] y, int trainEnd) {
			HoltWinters.Parameters parameters = HoltWinters.fit(java.util.Arrays.copyOf(y, trainEnd), WEEK);
			return HoltWinters.filter(y, WEEK, parameters).oneStep();
		}

		@Override
		public Fitted fit(double[] y, int horizon) {
			HoltWinters.State state = HoltWinters.filter(y, WEEK, HoltWinters.fit(y, WEEK));
			return new Fitted(state.oneStep(), state.forecast(horizon), describe(state.parameters()));
		}

		@Override
		public double spread(int h, Fitted fitted) {
			double alpha = fitted.parameters().get("alpha");
			return Math.sqrt(1 + (h - 1) * alpha * alpha);
		}
	}

	static final class YearlyHoltWinters implements Candidate {

		static final int HARMONICS = 2;

		@Override
		public ForecastModel model() {
			return ForecastModel.HOLT_WINTERS_YEARLY;
		}

		@Override
		public double[] oneStep(double[] y, int trainEnd) {
			YearlySeasonality yearly = YearlySeasonality.fit(java.util.Arrays.copyOf(y, trainEnd), HARMONICS);
			double[] adjusted = withoutYearly(y, yearly);
			HoltWinters.Parameters parameters = HoltWinters.fit(java.util.Arrays.copyOf(adjusted, trainEnd), WEEK);
			double[] oneStep = HoltWinters.filter(adjusted, WEEK, parameters).oneStep();
			for (int t = 0; t < oneStep.length; t++) {
				oneStep[t] += yearly.at(t);
			}
			return oneStep;
		}

		@Override
		public Fitted fit(double[] y, int horizon) {
			YearlySeasonality yearly = YearlySeasonality.fit(y, HARMONICS);
			double[] adjusted = withoutYearly(y, yearly);
			HoltWinters.State state = HoltWinters.filter(adjusted, WEEK, HoltWinters.fit(adjusted, WEEK));
			double[] oneStep = state.oneStep();
			for (int t = 0; t < oneStep.length; t++) {
				oneStep[t] += yearly.at(t);
			}
			double[] forecast = state.forecast(horizon);
			for (int h = 1; h <= horizon; h++) {
				forecast[h - 1] += yearly.at(y.length + h - 1);
			}
			Map<String, Double> parameters = describe(state.parameters());
			parameters.put("yearlyAmplitude", round(yearly.amplitude()));
			return new Fitted(oneStep, forecast, parameters);
		}

		@Override
		public double spread(int h, Fitted fitted) {
			double alpha = fitted.parameters().get("alpha");
			return Math.sqrt(1 + (h - 1) * alpha * alpha);
		}

		private static double[] withoutYearly(double[] y, YearlySeasonality yearly) {
			double[] adjusted = new double[y.length];
			for (int t = 0; t < y.length; t++) {
				adjusted[t] = y[t] - yearly.at(t);
			}
			return adjusted;
		}
	}

	static final class SeasonalNaive implements Candidate {

		@Override
		public ForecastModel model() {
			return ForecastModel.SEASONAL_NAIVE;
		}

		@Override
		public double[] oneStep(double[] y, int trainEnd) {
			double[] oneStep = new double[y.length];
			for (int t = 0; t < y.length; t++) {
				oneStep[t] = t < WEEK ? Double.NaN : y[t - WEEK];
			}
			return oneStep;
		}

		@Override
		public Fitted fit(double[] y, int horizon) {
			double[] forecast = new double[horizon];
			for (int h = 1; h <= horizon; h++) {
				forecast[h - 1] = y[y.length - WEEK + (h - 1) % WEEK];
			}
			return new Fitted(oneStep(y, y.length), forecast, new LinkedHashMap<>());
		}

		@Override
		public double spread(int h, Fitted fitted) {
			return Math.sqrt((h - 1) / WEEK + 1);
		}
	}

	static final class MeanModel implements Candidate {

		@Override
		public ForecastModel model() {
			return ForecastModel.MEAN;
		}

		@Override
		public double[] oneStep(double[] y, int trainEnd) {
			double[] oneStep = new double[y.length];
			oneStep[0] = Double.NaN;
			for (int t = 1; t < y.length; t++) {
				oneStep[t] = mean(y, Math.max(0, t - RECENT_DAYS), t);
			}
			return oneStep;
		}

		@Override
		public Fitted fit(double[] y, int horizon) {
			double mean = mean(y, Math.max(0, y.length - RECENT_DAYS), y.length);
			double[] forecast = new double[horizon];
			java.util.Arrays.fill(forecast, mean);
			Map<String, Double> parameters = new LinkedHashMap<>();
			parameters.put("windowDays", (double) Math.min(y.length, RECENT_DAYS));
			return new Fitted(oneStep(y, y.length), forecast, parameters);
		}

		@Override
		public double spread(int h, Fitted fitted) {
			return 1;
		}
	}

	/** The mean absolute error of forecasting every day from {@code trainEnd} on from a fit before it. */
	static double horizonError(Candidate candidate, double[] y, int trainEnd) {
		double[] forecast = candidate.fit(java.util.Arrays.copyOf(y, trainEnd), y.length - trainEnd).forecast();
		double sum = 0;
		for (int t = trainEnd; t < y.length; t++) {
			sum += Math.abs(y[t] - Math.max(0, forecast[t - trainEnd]));
		}
		return sum / (y.length - trainEnd);
	}

	static double meanAbsoluteError(double[] y, double[] oneStep, int from) {
		double sum = 0;
		int count = 0;
		for (int t = from; t < y.length; t++) {
			if (!Double.isNaN(oneStep[t])) {
				sum += Math.abs(y[t] - Math.max(0, oneStep[t]));
				count++;
			}
		}
		return count == 0 ? 0 : sum / count;
	}

	private static double rootMeanSquare(double[] y, double[] oneStep, int from) {
		double sum = 0;
		int count = 0;
		for (int t = from; t < y.length; t++) {
			if (!Double.isNaN(oneStep[t])) {
				double error = y[t] - Math.max(0, oneStep[t]);
				sum += error * error;
				count++;
			}
		}
		return count == 0 ? 0 : Math.sqrt(sum / count);
	}

	private static double zeroShare(double[] y) {
		int from = Math.max(0, y.length - RECENT_DAYS);
		int zeros = 0;
		for (int t = from; t < y.length; t++) {
			if (y[t] <= 0) {
				zeros++;
			}
		}
		return (double) zeros / (y.length - from);
	}

	private static double mean(double[] y, int from, int to) {
		double sum = 0;
		for (int t = from; t < to; t++) {
			sum += y[t];
		}
		return to > from ? sum / (to - from) : 0;
	}

	private static Map<String, Double> describe(HoltWinters.Parameters p) {
		Map<String, Double> parameters = new LinkedHashMap<>();
		parameters.put("alpha", round(p.alpha()));
		parameters.put("beta", round(p.beta()));
		parameters.put("gamma", round(p.gamma()));
		parameters.put("phi", round(p.phi()));
		return parameters;
	}

	static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}
}
