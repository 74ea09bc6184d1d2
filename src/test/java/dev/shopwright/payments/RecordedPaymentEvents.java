package dev.shopwright.payments;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.shopwright.payments.events.DisputeOpened;
import dev.shopwright.payments.events.PaymentAuthorized;
import dev.shopwright.payments.events.PaymentCaptured;
import dev.shopwright.payments.events.PaymentFailed;
import dev.shopwright.payments.events.PaymentRefunded;
import dev.shopwright.payments.events.PaymentVoided;

/**
 * Test listener (picked up by the application's component scan in the test run) that keeps every payment event that
 * was committed, so tests can see what other modules would receive.
 */
@Component
class RecordedPaymentEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void on(PaymentAuthorized event) {
		events.add(event);
	}

	@TransactionalEventListener
	void on(PaymentCaptured event) {
		events.add(event);
	}

	@TransactionalEventListener
	void on(PaymentFailed event) {
		events.add(event);
	}

	@TransactionalEventListener
	void on(PaymentRefunded event) {
		events.add(event);
	}

	@TransactionalEventListener
	void on(PaymentVoided event) {
		events.add(event);
	}

	@TransactionalEventListener
	void on(DisputeOpened event) {
		events.add(event);
	}

	/** Committed events of this type that mention the payment. */
	long count(Class<?> type, PaymentIntentId payment) {
		return events.stream().filter(type::isInstance).filter(event -> event.toString().contains(payment.toString())).count();
	}
}
