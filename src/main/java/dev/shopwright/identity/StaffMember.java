package dev.shopwright.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A staff member as seen from one store: the owner, or someone with a role there. */
public record StaffMember(UUID id, String email, String name, boolean owner, @Nullable Role role, boolean active,
		Instant createdAt, @Nullable Instant lastLoginAt) {
}
