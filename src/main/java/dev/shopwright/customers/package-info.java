/**
 * Shopper accounts per store: registration, login with customer tokens or a storefront session, profile,
 * addresses, password reset by email, and the staff view of customers.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: web", "stores" })
@NullMarked
package dev.shopwright.customers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
