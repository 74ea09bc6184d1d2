package dev.shopwright.inventory.forecasting;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Reorder point and order-up-to level from a daily forecast:
 *
 * <pre>
 * reorder point = forecast demand over the lead time + safety stock,   safety stock = z · σ · √(lead time)
 * order-up-to   = reorder point + forecast demand over the review period
 * </pre>
 *
 * z is the standard normal quantile of the service level (the chance of not running out during a lead time), σ
 * the standard deviation of the daily one-step forecast errors. Both levels are rounded up to whole units.
 */
record ReorderPolicy(double serviceLevel, double z, int leadTimeDays, int reviewDays, double leadTimeDemand,
		double safetyStock, int reorderPoint, double reviewDemand, int orderUpTo) {

	static ReorderPolicy of(double[] dailyForecast, double sigma, int leadTimeDays, int reviewDays, double serviceLevel) {
		if (dailyForecast.length < leadTimeDays + reviewDays) {
			throw new IllegalArgumentException("the forecast must cover the lead time and the review period");
		}
		double z = new NormalDistribution().inverseCumulativeProbability(serviceLevel);
		double leadTimeDemand = sum(dailyForecast, 0, leadTimeDays);
		double safetyStock = Math.max(0, z * sigma * Math.sqrt(leadTimeDays));
		int reorderPoint = (int) Math.ceil(leadTimeDemand + safetyStock - 1e-9);
		double reviewDemand = sum(dailyForecast, leadTimeDays, leadTimeDays + reviewDays);
		int orderUpTo = reorderPoint + (int) Math.ceil(reviewDemand - 1e-9);
		return new ReorderPolicy(serviceLevel, z, leadTimeDays, reviewDays, leadTimeDemand, safetyStock, reorderPoint,
				reviewDemand, orderUpTo);
	}

	private static double sum(double[] values, int from, int to) {
		double sum = 0;
		for (int i = from; i < to; i++) {
			sum += values[i];
		}
		return sum;
	}
}
