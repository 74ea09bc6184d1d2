package dev.shopwright.returns;

/** Why the shopper sends an item back (the report groups by it). */
public enum ReturnReason {
	TOO_SMALL, TOO_LARGE, NOT_AS_DESCRIBED, DEFECTIVE, DAMAGED_IN_TRANSIT, WRONG_ITEM, CHANGED_MIND, OTHER
}
