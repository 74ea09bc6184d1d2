package dev.shopwright.fulfillment;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer to one scan at the packing station: what happened ({@code outcome}), in words, and the fulfilment
 * order's packing state afterwards (what is still missing).
 */
public record PackingScan(Outcome outcome, String message, @Nullable String sku, FulfillmentOrder order,
		List<Missing> missing) {

	public PackingScan {
		missing = List.copyOf(missing);
	}

	public enum Outcome {
		/** The item belongs to the order and was counted. */
		PACKED,
		/** The code matches nothing on this order: the wrong item is in the packer's hand. */
		WRONG_ITEM,
		/** The item is on the order, but all of it is packed already. */
		SURPLUS
	}

	public record Missing(String sku, String title, int quantity) {
	}

	public boolean complete() {
		return missing.isEmpty();
	}
}
