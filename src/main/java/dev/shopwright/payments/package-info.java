/**
 * Payment intents for an opaque order reference: authorise, capture, void and refund through a gateway
 * (a built-in sandbox or a provider adapter), manual methods marked paid by staff, disputes, and a reconciler
 * that resolves what a crash left pending.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform" })
@NullMarked
package dev.shopwright.payments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
