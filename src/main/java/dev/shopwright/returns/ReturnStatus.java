package dev.shopwright.returns;

/**
 * Where a return stands: REQUESTED → APPROVED or REJECTED; APPROVED → RECEIVED (the parcel arrived) → INSPECTED
 * (every item restocked or written off) → RESOLVED (refund, store credit or exchange). RESOLVING is the short step
 * while money moves at the payment gateway; a refused refund puts the return back to INSPECTED.
 */
public enum ReturnStatus {
	REQUESTED, APPROVED, REJECTED, RECEIVED, INSPECTED, RESOLVING, RESOLVED
}
