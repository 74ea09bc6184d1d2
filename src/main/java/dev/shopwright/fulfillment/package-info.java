/**
 * Fulfilment: turns placed orders into fulfilment orders per location (allocation), pick lists, packing, carrier
 * labels and shipments, and follows each parcel's tracking to the shopper's door.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: web", "stores", "inventory", "customers",
		"orders", "orders :: events" })
@NullMarked
package dev.shopwright.fulfillment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
