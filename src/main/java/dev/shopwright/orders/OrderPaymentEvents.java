package dev.shopwright.orders;

import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shopwright.payments.events.PaymentAuthorized;
import dev.shopwright.payments.events.PaymentCaptured;
import dev.shopwright.payments.events.PaymentFailed;
import dev.shopwright.payments.events.PaymentRefunded;
import dev.shopwright.payments.events.PaymentVoided;

/**
 * Keeps each order's payment state in step with its payments (order reference = order id). Every event recomputes
 * the state from the payments themselves, so a redelivered or out-of-order event cannot leave it wrong, and its
 * timeline entry is keyed so that a redelivery writes nothing new.
 */
@Component
class OrderPaymentEvents {

	private final OrderManagement orders;

	OrderPaymentEvents(OrderManagement orders) {
		this.orders = orders;
	}

	@ApplicationModuleListener
	void on(PaymentAuthorized event) {
		orders.followPayment(event.storeId(), event.orderReference(), "payment.authorized",
				"Payment of " + event.amount() + " authorised", Map.of("payment", event.paymentId().toString(), "amount",
						event.amount().toString()),
				"authorized:" + event.paymentId());
	}

	@ApplicationModuleListener
	void on(PaymentCaptured event) {
		orders.followPayment(event.storeId(), event.orderReference(), "payment.captured",
				"Captured " + event.amount() + " (" + event.totalCaptured() + " in all)",
				Map.of("payment", event.paymentId().toString(), "amount", event.amount().toString(), "totalCaptured",
						event.totalCaptured().toString()),
				"captured:" + event.paymentId() + ":" + event.totalCaptured().amount().toPlainString());
	}

	@ApplicationModuleListener
	void on(PaymentRefunded event) {
		orders.followPayment(event.storeId(), event.orderReference(), "payment.refunded",
				"Refunded " + event.amount() + " (" + event.totalRefunded() + " in all)",
				Map.of("payment", event.paymentId().toString(), "amount", event.amount().toString(), "totalRefunded",
						event.totalRefunded().toString()),
				"refunded:" + event.paymentId() + ":" + event.totalRefunded().amount().toPlainString());
	}

	@ApplicationModuleListener
	void on(PaymentVoided event) {
		orders.followPayment(event.storeId(), event.orderReference(), "payment.voided",
				"Payment authorisation voided", Map.of("payment", event.paymentId().toString()),
				"voided:" + event.paymentId());
	}

	@ApplicationModuleListener
	void on(PaymentFailed event) {
		orders.followPayment(event.storeId(), event.orderReference(), "payment.failed",
				"Payment step " + event.step() + " failed: " + event.errorMessage() + " (" + event.errorCode() + ")",
				Map.of("payment", event.paymentId().toString(), "step", event.step(), "code", event.errorCode()),
				"failed:" + event.paymentId() + ":" + event.step() + ":" + event.errorCode());
	}
}
