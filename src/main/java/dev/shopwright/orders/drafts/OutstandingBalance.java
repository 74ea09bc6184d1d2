package dev.shopwright.orders.drafts;

import java.util.List;

import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentStatus;
import dev.shopwright.shared.Money;

/**
 * What the order's payments cover of its total: captured less refunded, plus what is authorised and not yet captured
 * (it will be captured on fulfilment). Failed, voided and unpaid manual payments cover nothing.
 */
public final class OutstandingBalance {

	private OutstandingBalance() {
	}

	public static Money covered(List<PaymentIntent> payments, Money total) {
		Money covered = Money.zero(total.currency());
		for (PaymentIntent p : payments) {
			if (!p.amount().currency().equals(total.currency())) {
				continue;
			}
			covered = covered.plus(p.captured()).minus(p.refunded());
			if (p.status() == PaymentStatus.AUTHORIZED || p.status() == PaymentStatus.PARTIALLY_CAPTURED) {
				covered = covered.plus(p.capturable());
			}
		}
		return covered;
	}

	/** Total less what is covered: positive when the shopper owes money, negative when they paid too much. */
	public static Money due(List<PaymentIntent> payments, Money total) {
		return total.minus(covered(payments, total));
	}
}
