/**
 * Orders: what a shopper bought, for how much, and where it stands — the state machine (order, payment and
 * fulfilment status apart), the timeline, notes and tags, cancellation, edits, draft orders and invoices.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: web", "stores", "pricing", "catalog",
		"payments", "payments :: events", "inventory", "customers", "customers :: sessions", "fraud", "fraud :: events" })
@NullMarked
package dev.shopwright.orders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
