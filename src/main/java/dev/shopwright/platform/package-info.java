/**
 * Technical wiring every module stands on: the database, the current store, problem+json errors,
 * idempotent requests, the audit log, the console shell and the API documentation.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package dev.shopwright.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
