package dev.shopwright.checkout.shipping;

import java.time.Instant;
import java.util.Currency;

import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;

/** What a quote needs: where to, how heavy (grams), the cart's subtotal (in {@code currency}) and when it is ordered. */
public record QuoteRequest(Address destination, long weightGrams, Money subtotal, Currency currency, Instant orderedAt) {
}
