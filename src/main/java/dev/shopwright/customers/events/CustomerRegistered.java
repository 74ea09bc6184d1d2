package dev.shopwright.customers.events;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.shared.StoreId;

/** A shopper created an account. */
public record CustomerRegistered(StoreId storeId, CustomerId customerId, String email, boolean acceptsMarketing) {
}
