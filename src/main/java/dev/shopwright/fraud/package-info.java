/**
 * Fraud screening: scores an order before it is placed from additive, per-store rules (velocity per email, IP and
 * card fingerprint, billing/shipping mismatch, high value for a new customer, blocklists), records every
 * assessment, and lets staff review them and block what they found fraudulent.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: web", "stores" })
@NullMarked
package dev.shopwright.fraud;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
