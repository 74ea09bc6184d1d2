/** What the search module tells others: a product's availability as shoppers see it changed. */
@NamedInterface("events")
@NullMarked
package dev.shopwright.search.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
