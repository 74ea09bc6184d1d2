package dev.shopwright.payments.sandbox;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.shared.StoreId;

/**
 * How the sandbox "sends" its signed webhooks: straight into the same handler that
 * {@code POST /api/payments/v1/webhooks/sandbox} uses, signature check included, so the app needs no URL of itself.
 * Disputes arrive "later" (after {@code shopwright.payments.sandbox.dispute-delay}), as a real chargeback would.
 */
@Component
public class SandboxWebhooks {

	private static final Logger log = LoggerFactory.getLogger(SandboxWebhooks.class);

	/** A signed webhook: its body and headers, for one store's endpoint. */
	public record Delivery(StoreId store, String payload, Map<String, String> headers) {
	}

	private final ObjectProvider<PaymentManagement> payments;

	private final Duration delay;

	SandboxWebhooks(ObjectProvider<PaymentManagement> payments,
			@Value("${shopwright.payments.sandbox.dispute-delay:PT1S}") Duration delay) {
		this.payments = payments;
		this.delay = delay;
	}

	void deliverNow(Delivery delivery) {
		payments.getObject().handleWebhook(delivery.store(), SandboxGateway.NAME, delivery.payload(), delivery.headers());
	}

	void deliverLater(Delivery delivery) {
		Thread.ofVirtual().name("sandbox-webhook").start(() -> {
			try {
				Thread.sleep(delay);
				deliverNow(delivery);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				log.warn("sandbox webhook delivery failed: {}", ex.getMessage());
			}
		});
	}
}
