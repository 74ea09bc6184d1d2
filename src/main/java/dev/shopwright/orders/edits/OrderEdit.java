package dev.shopwright.orders.edits;

import java.time.Instant;
import java.util.List;

import dev.shopwright.shared.Money;

/** One committed edit of an order (numbered from 1), as its history shows it. */
public record OrderEdit(int number, Money totalBefore, Money totalAfter, List<String> changes, String actorName,
		Instant at) {

	public OrderEdit {
		changes = List.copyOf(changes);
	}
}
