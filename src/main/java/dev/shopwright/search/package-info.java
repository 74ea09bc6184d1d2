/**
 * Product search for shoppers: a denormalised read model per product fed by catalog events, full-text
 * relevance with stemming, accent folding, typo fallback and synonyms, disjunctive facets, suggestions and
 * search analytics.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: web", "stores", "catalog",
		"catalog :: events", "inventory", "inventory :: events", "orders", "orders :: events" })
@NullMarked
package dev.shopwright.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
