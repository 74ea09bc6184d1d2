package dev.shopwright.payments;

import java.time.Instant;
import java.util.UUID;

import dev.shopwright.shared.Money;

/** A chargeback the card issuer opened against a captured payment, as the gateway reported it. */
public record Dispute(UUID id, String gatewayReference, Money amount, String reason, String status, Instant openedAt) {
}
