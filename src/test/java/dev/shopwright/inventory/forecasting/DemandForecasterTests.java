package dev.shopwright.inventory.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/** The forecasting models on synthetic series whose structure is known. */
class DemandForecasterTests {

	private static final double[] WEEKLY = { -6, -4, -3, -1, 2, 9, 3 };

	@Test
	void holtWintersRecoversAKnownWeeklyPattern() {
		Random random = new Random(1);
		double[] y = new double[210];
		for (int t = 0; t < y.length; t++) {
			y[t] = 30 + WEEKLY[t % 7] + random.nextGaussian();
		}
		DemandForecaster.Result result = DemandForecaster.forecast(y, 14);

		assertThat(result.model()).isEqualTo(ForecastModel.HOLT_WINTERS);
		for (int h = 1; h <= 14; h++) {
			double truth = 30 + WEEKLY[(y.length + h - 1) % 7];
			assertThat(result.mean()[h - 1]).as("day %d ahead", h).isCloseTo(truth, within(1.5));
		}
		assertThat(result.sigma()).as("σ of one-step errors ≈ the noise's 1.0").isBetween(0.8, 1.4);
	}

	@Test
	void onAStronglySeasonalSeriesHoltWintersBeatsTheSeasonalNaiveForecast() {
		Random random = new Random(2);
		double[] y = new double[180];
		for (int t = 0; t < y.length; t++) {
			y[t] = 40 + 0.05 * t + 2 * WEEKLY[t % 7] + 3 * random.nextGaussian();
		}
		DemandForecaster.Result result = DemandForecaster.forecast(y, 28);

		assertThat(result.model()).isEqualTo(ForecastModel.HOLT_WINTERS);
		assertThat(result.heldOutDays()).isEqualTo(28);
		// the naive forecast carries the noise of two days (√2 · σ), a smoothed one nearly that of one
		assertThat(result.mase()).isNotNull().isLessThan(0.9);
		assertThat(result.mase()).isCloseTo(result.modelMae() / result.naiveMae(), within(0.001));
	}

	@Test
	void aYearlySeasonIsLearnedFromAboutAYearOfHistory() {
		Random random = new Random(3);
		int days = 400;
		double[] full = new double[days + 90];
		for (int t = 0; t < full.length; t++) {
			// the season peaks on day 410, 10 days after the history ends
			full[t] = 40 + 20 * Math.cos(2 * Math.PI * (t - 410) / 365.25) + WEEKLY[t % 7] + 2 * random.nextGaussian();
		}
		double[] y = Arrays.copyOf(full, days);
		DemandForecaster.Result result = DemandForecaster.forecast(y, 90);

		assertThat(result.model()).isEqualTo(ForecastModel.HOLT_WINTERS_YEARLY);
		double withYearly = horizonError(result.mean(), full, days);
		double weeklyOnly = horizonError(new DemandForecaster.WeeklyHoltWinters().fit(y, 90).forecast(), full, days);
		// a damped trend flattens out at the top; the yearly curve knows the season turns and falls after the peak
		assertThat(withYearly).isLessThan(weeklyOnly * 0.6);
		assertThat(weekAverage(result.mean(), 80)).isLessThan(weekAverage(result.mean(), 7) - 8);
	}

	@Test
	void intermittentDemandFallsBackToTheMean() {
		PoissonDistribution sales = new PoissonDistribution(new MersenneTwister(4), 0.15, 1e-12, 10_000);
		double[] y = new double[365];
		for (int t = 0; t < y.length; t++) {
			y[t] = sales.sample();
		}
		DemandForecaster.Result result = DemandForecaster.forecast(y, 14);

		assertThat(result.model()).isEqualTo(ForecastModel.MEAN);
		assertThat(result.reason()).startsWith("Intermittent demand");
		double recentMean = Arrays.stream(y, y.length - 91, y.length).average().orElseThrow();
		assertThat(Arrays.stream(result.mean()).boxed().toList()).allSatisfy(value -> assertThat(value).isCloseTo(recentMean, within(1e-9)));
	}

	@Test
	void shortHistoriesFallBackToSeasonalNaiveOrTheMeanAndNoHistoryToNone() {
		double[] fiveWeeks = new double[35];
		for (int t = 0; t < fiveWeeks.length; t++) {
			fiveWeeks[t] = 10 + WEEKLY[t % 7];
		}
		DemandForecaster.Result naive = DemandForecaster.forecast(fiveWeeks, 7);
		assertThat(naive.model()).isEqualTo(ForecastModel.SEASONAL_NAIVE);
		assertThat(naive.mean()).containsExactly(Arrays.copyOfRange(fiveWeeks, 28, 35));
		assertThat(naive.mase()).as("no days to hold out").isNull();

		DemandForecaster.Result mean = DemandForecaster.forecast(new double[] { 2, 4, 3 }, 5);
		assertThat(mean.model()).isEqualTo(ForecastModel.MEAN);
		assertThat(mean.mean()).containsOnly(3.0);

		assertThat(DemandForecaster.forecast(new double[0], 5).model()).isEqualTo(ForecastModel.NONE);
	}

	@Test
	void forecastsAndTheirBandsNeverGoBelowZero() {
		double[] falling = new double[120];
		for (int t = 0; t < falling.length; t++) {
			falling[t] = Math.max(0, 30 - 0.3 * t) + (t % 7 == 5 ? 4 : 0);
		}
		DemandForecaster.Result result = DemandForecaster.forecast(falling, 90);
		for (int h = 0; h < 90; h++) {
			assertThat(result.mean()[h]).isGreaterThanOrEqualTo(0);
			assertThat(result.lower()[h]).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(result.mean()[h]);
			assertThat(result.upper()[h]).isGreaterThanOrEqualTo(result.mean()[h]);
		}
	}

	@Test
	void reorderPointIsLeadTimeDemandPlusSafetyStockForTheServiceLevel() {
		double[] forecast = new double[30];
		Arrays.fill(forecast, 10);
		ReorderPolicy policy = ReorderPolicy.of(forecast, 4, 9, 14, 0.95);

		assertThat(policy.z()).isCloseTo(1.6449, within(0.0001));
		assertThat(policy.leadTimeDemand()).isEqualTo(90);
		assertThat(policy.safetyStock()).isCloseTo(1.6449 * 4 * 3, within(0.001));
		assertThat(policy.reorderPoint()).isEqualTo(110); // 90 + 19.74, rounded up
		assertThat(policy.orderUpTo()).isEqualTo(250); // + 14 days of 10
		assertThat(ReorderPolicy.of(forecast, 4, 9, 14, 0.99).reorderPoint()).isEqualTo(118); // z = 2.326
	}

	private static double weekAverage(double[] forecast, int from) {
		return Arrays.stream(forecast, from, from + 7).average().orElseThrow();
	}

	private static double horizonError(double[] forecast, double[] truth, int start) {
		double sum = 0;
		for (int h = 0; h < forecast.length; h++) {
			sum += Math.abs(forecast[h] - truth[start + h]);
		}
		return sum / forecast.length;
	}
}
