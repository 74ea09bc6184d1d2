package dev.shopwright.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A token just issued: the only moment its secret is shown. */
public record IssuedToken(ApiToken token, String secret, @Nullable Instant expiresAt) {
}
