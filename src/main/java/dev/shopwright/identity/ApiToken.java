package dev.shopwright.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A long-lived API token as listed: never the secret itself, only its first characters to recognise it. */
public record ApiToken(UUID id, String name, Role role, String prefix, Instant createdAt, @Nullable Instant expiresAt,
		@Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

	public boolean active(Instant now) {
		return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
	}
}
