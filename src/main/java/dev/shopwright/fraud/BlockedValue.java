package dev.shopwright.fraud;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One blocklist entry of a store; {@code value} is normalised (lower-case email, upper-case country …). */
public record BlockedValue(UUID id, BlockType type, String value, @Nullable String note, String createdBy,
		Instant createdAt) {
}
