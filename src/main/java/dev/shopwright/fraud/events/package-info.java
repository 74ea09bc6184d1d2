/** What fraud screening announces: an order reference was assessed, an assessment was reviewed by staff. */
@NamedInterface("events")
@NullMarked
package dev.shopwright.fraud.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
