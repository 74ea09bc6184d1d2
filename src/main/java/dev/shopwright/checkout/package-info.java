/**
 * Carts, checkout sessions and shipping quotes: everything between a shopper's first "add to cart" and the
 * order being placed.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: web", "stores", "pricing", "catalog",
		"inventory", "customers", "payments", "orders", "fraud" })
@NullMarked
package dev.shopwright.checkout;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
