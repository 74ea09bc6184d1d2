package dev.shopwright.inventory.forecasting;

/** Which method produced a SKU's forecast; chosen from the shape of its history. */
public enum ForecastModel {
	/** Additive Holt-Winters, damped trend, weekly seasonality. */
	HOLT_WINTERS,
	/** The same on the series less a yearly Fourier curve, which is added back to the forecast. */
	HOLT_WINTERS_YEARLY,
	/** The same weekday of the last week, repeated: for SKUs with less than 12 weeks of history. */
	SEASONAL_NAIVE,
	/** The mean of the last 13 weeks: for intermittent (mostly zero) or very short histories. */
	MEAN,
	/** No sale recorded yet: nothing to forecast from. */
	NONE
}
