package dev.shopwright.customers.events;

import java.time.Instant;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.shared.StoreId;

/**
 * A shopper asked to reset the password of an existing account. It carries no secret: the listener that
 * sends the email mints the one-time token, so the clear token never reaches the outbox table.
 * {@code linkBase} is the storefront origin the link points to.
 */
public record PasswordResetRequested(StoreId storeId, CustomerId customerId, String email, String linkBase,
		Instant requestedAt) {
}
