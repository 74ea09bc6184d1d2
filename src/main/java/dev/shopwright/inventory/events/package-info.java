/** What the inventory module tells others: stock levels changed, crossed the reorder point, ran out or came back. */
@NamedInterface("events")
@NullMarked
package dev.shopwright.inventory.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
