package dev.shopwright.inventory;

/** A level whose figures differ from the sums of its ledger rows: a bug, never a normal state. */
public record LedgerDiscrepancy(String sku, LocationId locationId, int onHand, int ledgerOnHand, int reserved,
		int ledgerReserved, int committed, int ledgerCommitted, int incoming, int ledgerIncoming) {
}
