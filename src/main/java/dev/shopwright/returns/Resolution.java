package dev.shopwright.returns;

/** How a return is settled. */
public enum Resolution {
	/** Money back to the order's original payment, less the restocking fee. */
	REFUND,
	/** The same amount as a balance the customer spends later (customers with an account only). */
	STORE_CREDIT,
	/** A new order for other variants, the returned value credited against it and the difference settled. */
	EXCHANGE
}
