package dev.shopwright.pricing;

import java.util.UUID;

/** A kind of goods taxed alike in a store (standard, reduced, zero …); lines and shipping name it by {@code code}. */
public record TaxClass(UUID id, String code, String name) {
}
