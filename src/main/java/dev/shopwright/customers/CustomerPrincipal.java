package dev.shopwright.customers;

import dev.shopwright.platform.Actor;
import dev.shopwright.shared.StoreId;

/**
 * A signed-in shopper (customer token on the Store API, or the storefront session). It carries no staff
 * authorities and is only ever put into the Store API's and the storefront account pages' security context.
 */
public record CustomerPrincipal(StoreId storeId, CustomerId customerId, String email) implements Actor {

	@Override
	public String actorType() {
		return "customer";
	}

	@Override
	public String actorId() {
		return customerId.toString();
	}

	@Override
	public String actorName() {
		return email;
	}
}
