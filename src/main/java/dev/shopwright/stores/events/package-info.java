/** What the stores module announces: a store was created, a store's settings changed. */
@NamedInterface("events")
@NullMarked
package dev.shopwright.stores.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
