package dev.shopwright.returns;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A store's return rules. {@code windowDays} counts from the order's delivery (else its placement). A product is not returnable when its SKU is in {@code nonReturnableSkus} or it
 * carries one of {@code nonReturnableTags}. {@code restockingFeePercent} of the returned value is kept on refunds.
 * When {@code returnShippingPaidBy} is CUSTOMER the return label's cost is deducted from what the shopper gets back.
 * {@code autoReceiveOnDelivery}: a return whose parcel the carrier reports delivered is marked RECEIVED by itself.
 */
public record ReturnPolicy(int windowDays, List<String> nonReturnableSkus, List<String> nonReturnableTags,
		BigDecimal restockingFeePercent, ShippingPaidBy returnShippingPaidBy, boolean autoReceiveOnDelivery) {

	public static final ReturnPolicy DEFAULT = new ReturnPolicy(30, List.of(), List.of(), BigDecimal.ZERO,
			ShippingPaidBy.CUSTOMER, false);

	/** A policy that leaves receiving to staff. */
	public ReturnPolicy(int windowDays, List<String> nonReturnableSkus, List<String> nonReturnableTags,
			BigDecimal restockingFeePercent, ShippingPaidBy returnShippingPaidBy) {
		this(windowDays, nonReturnableSkus, nonReturnableTags, restockingFeePercent, returnShippingPaidBy, false);
	}

	public ReturnPolicy {
		nonReturnableSkus = List.copyOf(nonReturnableSkus);
		nonReturnableTags = List.copyOf(nonReturnableTags);
	}

	public boolean excludes(String sku, Set<String> tags) {
		return nonReturnableSkus.contains(sku) || tags.stream().anyMatch(nonReturnableTags::contains);
	}

	/** Who pays the parcel back to the store. */
	public enum ShippingPaidBy {
		CUSTOMER, MERCHANT
	}
}
