package dev.shopwright.catalog;

/** What happens when a variant runs out: refuse (never oversell), keep selling (backorder), or pre-order up to a limit. */
public enum InventoryPolicy {
	DENY, CONTINUE, PREORDER
}
