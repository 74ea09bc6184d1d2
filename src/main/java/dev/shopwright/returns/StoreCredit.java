package dev.shopwright.returns;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.shared.Money;

/**
 * A customer's store credit in one currency and its ledger, newest first. Returns keeps it until payments owns gift
 * cards and credit (ADR 0021).
 */
public record StoreCredit(CustomerId customerId, Money balance, List<Entry> entries) {

	public StoreCredit {
		entries = List.copyOf(entries);
	}

	public record Entry(long id, Money amount, Money balanceAfter, @Nullable ReturnId returnId,
			@Nullable String reference, @Nullable String note, String actorName, Instant createdAt) {
	}
}
