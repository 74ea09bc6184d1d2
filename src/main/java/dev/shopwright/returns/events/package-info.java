/** What happened to returns, for the modules that follow them (notifications, analytics…). */
@NamedInterface("events")
@NullMarked
package dev.shopwright.returns.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
