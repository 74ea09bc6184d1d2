package dev.shopwright.payments;

/** How the shopper pays: by card through a gateway, or manually (money arrives outside the system). */
public enum PaymentMethod {
	CARD, BANK_TRANSFER, CASH_ON_DELIVERY;

	public boolean isManual() {
		return this != CARD;
	}
}
