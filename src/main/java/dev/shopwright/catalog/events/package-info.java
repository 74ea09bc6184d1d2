/** What the catalog announces: products changed or deleted. */
@NamedInterface("events")
@NullMarked
package dev.shopwright.catalog.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
