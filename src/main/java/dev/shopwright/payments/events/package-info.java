/** What payments announce: money authorised, captured, refunded or voided, a step that failed, a dispute. */
@NamedInterface("events")
@NullMarked
package dev.shopwright.payments.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
