/**
 * Returns: the store's return policy, return requests (RMA) from request through approval, receipt and per-item
 * inspection (restock or write-off) to a refund, store credit or an exchange order, and the return rate report.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: web", "stores", "catalog", "pricing",
		"orders", "orders :: events", "payments", "inventory", "customers", "customers :: sessions", "fulfillment",
		"fulfillment :: events" })
@NullMarked
package dev.shopwright.returns;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
