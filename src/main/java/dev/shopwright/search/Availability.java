package dev.shopwright.search;

import org.jspecify.annotations.Nullable;

/**
 * Whether shoppers can buy a variant now, as schema.org names it: in stock (units available, or a SKU inventory
 * does not track), on backorder (none left, the policy continues selling), pre-order (none left, within the
 * pre-order limit) or out of stock.
 */
public enum Availability {

	IN_STOCK("InStock"), BACKORDER("BackOrder"), PRE_ORDER("PreOrder"), OUT_OF_STOCK("OutOfStock");

	private final String schemaOrg;

	Availability(String schemaOrg) {
		this.schemaOrg = schemaOrg;
	}

	/** {@code https://schema.org/InStock} and so on, for JSON-LD offers. */
	public String schemaOrgUrl() {
		return "https://schema.org/" + schemaOrg;
	}

	public boolean sellable() {
		return this != OUT_OF_STOCK;
	}

	/**
	 * @param availableOnline units inventory reports as sellable online, null when it does not track the SKU
	 * @param policy the catalog's inventory policy name (DENY, CONTINUE, PREORDER)
	 */
	public static Availability of(@Nullable Integer availableOnline, String policy, @Nullable Integer preorderLimit) {
		if (availableOnline == null || availableOnline > 0) {
			return IN_STOCK;
		}
		return switch (policy) {
			case "CONTINUE" -> BACKORDER;
			case "PREORDER" -> availableOnline + (preorderLimit == null ? 0 : preorderLimit) > 0 ? PRE_ORDER : OUT_OF_STOCK;
			default -> OUT_OF_STOCK;
		};
	}
}
