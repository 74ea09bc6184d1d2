package dev.shopwright.returns;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How staff resolve an inspected return. {@code exchange} lists the SKUs and quantities of the new order (EXCHANGE
 * only); {@code idempotencyKey} makes a retried refund move money once.
 */
public record Settlement(Resolution resolution, List<ExchangeLine> exchange, @Nullable String idempotencyKey) {

	public Settlement {
		exchange = List.copyOf(exchange);
	}

	public static Settlement of(Resolution resolution) {
		return new Settlement(resolution, List.of(), null);
	}

	public record ExchangeLine(String sku, int quantity) {
	}
}
