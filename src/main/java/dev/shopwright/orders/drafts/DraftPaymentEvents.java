package dev.shopwright.orders.drafts;

import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shopwright.payments.events.PaymentAuthorized;
import dev.shopwright.payments.events.PaymentCaptured;
import dev.shopwright.shared.StoreId;

/**
 * A draft's payment that succeeded while nobody was there to convert it — the shopper passed 3-D Secure and closed
 * the window, or the request died after the charge — still becomes the order: no money without an order. Converting
 * is idempotent, so the request that is there and this listener may both do it.
 */
@Component
class DraftPaymentEvents {

	private final DraftOrders drafts;

	DraftPaymentEvents(DraftOrders drafts) {
		this.drafts = drafts;
	}

	@ApplicationModuleListener
	void on(PaymentAuthorized event) {
		convert(event.storeId(), event.orderReference());
	}

	@ApplicationModuleListener
	void on(PaymentCaptured event) {
		convert(event.storeId(), event.orderReference());
	}

	private void convert(StoreId store, String orderReference) {
		UUID id;
		try {
			id = UUID.fromString(orderReference);
		}
		catch (IllegalArgumentException notADraft) {
			return;
		}
		drafts.convertIfPaid(store, id);
	}
}
