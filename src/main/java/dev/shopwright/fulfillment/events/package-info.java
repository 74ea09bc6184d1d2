/** What happened to shipments, for the modules that follow them (returns, analytics, notifications…). */
@NamedInterface("events")
@NullMarked
package dev.shopwright.fulfillment.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
