/**
 * How the APIs answer errors: problem+json builders that other modules use when they answer before MVC
 * (security filters) or with headers of their own.
 */
@NamedInterface("web")
@NullMarked
package dev.shopwright.platform.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
