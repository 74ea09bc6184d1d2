package dev.shopwright.orders;

/** The order's money as Shopify calls it "financial status": derived from its payments, never set by hand. */
public enum PaymentState {
	/** A manual method (bank transfer, cash on delivery) not yet marked paid, or a payment still being decided. */
	PENDING,
	/** The card is authorised; nothing captured yet. */
	AUTHORIZED,
	PARTIALLY_PAID, PAID, PARTIALLY_REFUNDED, REFUNDED,
	/** The authorisation was released without capture. */
	VOIDED
}
