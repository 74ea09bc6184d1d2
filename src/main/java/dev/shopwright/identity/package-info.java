/**
 * Staff accounts, their roles and permissions per store, login and API tokens, and the security rules
 * that decide which store and which permissions every request acts with.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: web", "stores" })
@NullMarked
package dev.shopwright.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
