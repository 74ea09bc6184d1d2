package dev.shopwright.checkout.shipping;

/** How a shipping method is priced. */
public enum ShippingMethodKind {
	/** One price. */
	FLAT,
	/** A price per band of cart weight (grams). */
	WEIGHT_TIERS,
	/** A price per band of cart subtotal. */
	PRICE_TIERS,
	/** A flat price, free when the subtotal reaches a threshold. */
	FREE_OVER,
	/** Collected by the shopper at the store: free. */
	PICKUP
}
