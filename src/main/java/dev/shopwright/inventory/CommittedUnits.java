package dev.shopwright.inventory;

/** Units of a SKU sold to an order and not yet shipped, committed at a location. */
public record CommittedUnits(String sku, LocationId locationId, int units) {
}
