/**
 * Business-agnostic values every module speaks in: money, typed store ids, addresses and pages.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.shopwright.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
