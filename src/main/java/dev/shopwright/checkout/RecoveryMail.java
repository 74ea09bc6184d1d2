package dev.shopwright.checkout;

import dev.shopwright.shared.StoreId;

/**
 * Sends the recovery mail of an abandoned checkout (the storefront's part: it knows the link that restores the cart
 * in the shopper's browser). Throws when the mail cannot be sent, so the send is not counted.
 */
public interface RecoveryMail {

	void send(StoreId store, AbandonedCheckout checkout);
}
