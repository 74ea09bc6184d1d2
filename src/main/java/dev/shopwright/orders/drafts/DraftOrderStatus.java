package dev.shopwright.orders.drafts;

/** OPEN while staff build it; INVOICE_SENT once the shopper has a pay link; COMPLETED when it became an order. */
public enum DraftOrderStatus {
	OPEN, INVOICE_SENT, COMPLETED
}
