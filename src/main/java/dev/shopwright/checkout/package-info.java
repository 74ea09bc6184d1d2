/**
 * Carts, checkout sessions and shipping quotes: everything between a shopper's first "add to cart" and the
 * order being placed.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform", "stores", "pricing" })
@NullMarked
package dev.shopwright.checkout;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
