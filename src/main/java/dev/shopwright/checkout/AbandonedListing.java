package dev.shopwright.checkout;

/** Which abandoned checkouts to list: still abandoned, recovered (became an order), or every one ever abandoned. */
public enum AbandonedListing {
	ABANDONED, RECOVERED, ALL
}
