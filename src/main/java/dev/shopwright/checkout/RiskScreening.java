package dev.shopwright.checkout;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.fraud.FraudManagement;
import dev.shopwright.fraud.RiskAssessment;
import dev.shopwright.fraud.RiskCheck;
import dev.shopwright.orders.OrderListing;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.orders.RiskLevel;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.StoreId;

/**
 * Scores a completion with the fraud module before any money moves; the order keeps the verdict and HIGH puts it on
 * hold for review (docs/fraud.md). Runs outside any transaction: the assessment commits its own per-signal locks.
 */
@Component
class RiskScreening {

	private final FraudManagement fraud;

	private final OrderManagement orders;

	RiskScreening(FraudManagement fraud, OrderManagement orders) {
		this.fraud = fraud;
		this.orders = orders;
	}

	PlaceOrder screen(StoreId store, PlaceOrder order, CheckoutPayment payment) {
		RiskAssessment assessment = fraud.assess(store, new RiskCheck(order.id().toString(), order.email(),
				order.clientAddress(), fingerprint(payment), address(order.billingAddress()),
				address(order.shippingAddress()), order.totals().storeCurrency().total(),
				order.customer() == null ? null : order.customer().value(), isNewCustomer(store, order),
				order.lines().stream().mapToInt(PlaceOrder.Line::quantity).sum()));
		PlaceOrder.Risk risk = new PlaceOrder.Risk(assessment.score(), RiskLevel.valueOf(assessment.level().name()),
				assessment.reasons());
		return new PlaceOrder(order.id(), order.channel(), order.customer(), order.email(), order.lines(),
				order.shippingAddress(), order.billingAddress(), order.shipping(), order.totals(),
				order.reservationReference(), order.payment(), risk, order.note(), order.clientAddress(),
				order.shopperTokenHash());
	}

	/** A guest counts as new; a signed-in customer until their first order. */
	private boolean isNewCustomer(StoreId store, PlaceOrder order) {
		return order.customer() == null
				|| orders.list(store, OrderListing.ofCustomer(order.customer()), null, 1).items().isEmpty();
	}

	private @Nullable String fingerprint(CheckoutPayment payment) {
		if (payment.card() == null) {
			return null;
		}
		try {
			return fraud.cardFingerprint(payment.card().number());
		}
		catch (BusinessRuleViolation malformed) {
			return null; // the gateway refuses the number itself, with its own reason
		}
	}

	private static @Nullable Address address(@Nullable AddressDetails details) {
		return details == null ? null : details.address();
	}
}
