/**
 * Organisations and their stores: name, handle, currencies, locales, timezone, address, tax display and
 * host names; which store a request acts on is resolved from them.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform" })
@NullMarked
package dev.shopwright.stores;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
