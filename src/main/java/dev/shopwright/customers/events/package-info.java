/** What the customers module tells the others: past-tense records with ids and values only. */
@NamedInterface("events")
@NullMarked
package dev.shopwright.customers.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
