/** What happened to orders, for the modules that follow them (fulfilment, analytics, marketing…). */
@NamedInterface("events")
@NullMarked
package dev.shopwright.orders.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
