/**
 * The shopper-facing pages of every store, built only on other modules' public APIs.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform", "stores", "catalog", "catalog :: events", "search",
		"search :: events" })
@NullMarked
package dev.shopwright.storefront;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
