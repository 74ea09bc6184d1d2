package dev.shopwright.payments.gateway;

import java.util.Map;
import java.util.Optional;

import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/**
 * What a payment provider adapter implements (a Spring bean in the payments module). Every call carries our
 * idempotency key for that step; the provider must treat a repeated key as the same request, so a retry after a
 * time-out or a crash never charges twice. A declined card is an answer ({@link GatewayResult}), not an exception;
 * only a transient failure (network, 5xx, rate limit) throws {@link GatewayUnavailable}, which is retried.
 */
public interface PaymentGateway {

	/** The name used in webhook URLs and stored on intents, e.g. {@code sandbox}. */
	String name();

	GatewayResult authorize(GatewayAuthorization request);

	/** Captures {@code amount} (all or part of what is authorised and not yet captured). */
	GatewayResult capture(GatewayCall call, Money amount);

	GatewayResult voidAuthorization(GatewayCall call);

	/** Refunds {@code amount} (all or part of what is captured and not yet refunded). */
	GatewayResult refund(GatewayCall call, Money amount);

	/**
	 * What the provider did for the step sent with this idempotency key, or empty if it never received it. The
	 * reconciler asks this about steps a crash left pending.
	 */
	Optional<GatewayResult> lookUp(StoreId store, String idempotencyKey);

	/**
	 * Verifies the signature of a webhook the provider sent and parses its event.
	 *
	 * @throws InvalidWebhookSignature if the signature is missing, wrong or too old
	 */
	GatewayEvent parseWebhook(String payload, Map<String, String> headers);
}
