/**
 * Products, their options and variants (SKUs), typed attributes, categories, collections, media and
 * translations: what a store sells, as merchants manage it and shoppers see it.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: web", "stores" })
@NullMarked
package dev.shopwright.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
