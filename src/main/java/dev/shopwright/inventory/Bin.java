package dev.shopwright.inventory;

import java.util.List;

/** A place inside a location (e.g. {@code A-03-2}); pickers walk bins in {@code walkOrder}. */
public record Bin(LocationId locationId, String code, int walkOrder, List<Content> contents) {

	/** Units of one SKU in the bin. */
	public record Content(String sku, int quantity) {
	}
}
