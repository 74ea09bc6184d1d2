package dev.shopwright.orders;

import java.util.Currency;
import java.util.List;

import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentStatus;
import dev.shopwright.shared.Money;

/**
 * The order's payment state worked out from its payments (never set by hand). Failed attempts do not count; the
 * others are summed, so a second payment after a declined one, or a top-up, is seen whole.
 */
final class PaymentStates {

	private PaymentStates() {
	}

	static PaymentState of(List<PaymentIntent> payments, Money orderTotal) {
		Currency currency = orderTotal.currency();
		List<PaymentIntent> live = payments.stream()
			.filter(p -> p.status() != PaymentStatus.FAILED && p.amount().currency().equals(currency))
			.toList();
		if (live.isEmpty()) {
			return orderTotal.isZero() ? PaymentState.PAID : PaymentState.PENDING;
		}
		Money captured = live.stream().map(PaymentIntent::captured).reduce(Money.zero(currency), Money::plus);
		Money refunded = live.stream().map(PaymentIntent::refunded).reduce(Money.zero(currency), Money::plus);
		if (refunded.amount().signum() > 0) {
			return refunded.compareTo(captured) >= 0 ? PaymentState.REFUNDED : PaymentState.PARTIALLY_REFUNDED;
		}
		if (captured.amount().signum() > 0) {
			return captured.compareTo(orderTotal) >= 0 ? PaymentState.PAID : PaymentState.PARTIALLY_PAID;
		}
		if (live.stream().anyMatch(p -> p.status() == PaymentStatus.AUTHORIZED)) {
			return PaymentState.AUTHORIZED;
		}
		if (live.stream().allMatch(p -> p.status() == PaymentStatus.VOIDED)) {
			return PaymentState.VOIDED;
		}
		return PaymentState.PENDING;
	}
}
