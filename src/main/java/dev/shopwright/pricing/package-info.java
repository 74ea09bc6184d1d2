/**
 * The money rules of a sale: tax classes, zones and rates, per-currency price lists and exchange rates with
 * their rounding, and the exact calculation of line, tax and order totals that checkout and orders rely on.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform", "stores" })
@NullMarked
package dev.shopwright.pricing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
