package dev.shopwright.customers;

import java.time.Instant;

/** A customer bearer token as issued at login: the secret is shown here once and stored only as a hash. */
public record CustomerToken(String token, Instant expiresAt, Customer customer) {
}
