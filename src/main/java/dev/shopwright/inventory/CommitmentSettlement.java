package dev.shopwright.inventory;

import java.util.Map;

/**
 * What a shipment or a release did to committed stock: per SKU the committed units it settled. {@code repeated}: the
 * source had been applied before (a retry), and nothing changed this time.
 */
public record CommitmentSettlement(boolean repeated, Map<String, Integer> settled) {

	public int settled(String sku) {
		return settled.getOrDefault(sku, 0);
	}
}
