package dev.shopwright.pricing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One rate of a tax zone for a tax class, in percent. Several rates of a zone and class stack in their order
 * (a US state rate plus a county rate); a {@code compound} rate is charged on the amount including the rates
 * before it (Quebec-style).
 */
public record TaxRate(UUID id, String taxClass, String name, BigDecimal percent, boolean compound) {
}
