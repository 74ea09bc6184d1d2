package dev.shopwright.pricing;

/** Where a presentment price came from. */
public enum PriceSource {
	/** The base price itself: the currency is the store's own. */
	STORE_CURRENCY,
	/** An explicit price for the SKU in the currency's price list. */
	PRICE_LIST,
	/** The base price converted with the currency's current exchange rate and rounding rule. */
	CONVERSION
}
