package dev.shopwright.identity.security;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import dev.shopwright.identity.Role;
import dev.shopwright.platform.Actor;
import dev.shopwright.shared.StoreId;

/**
 * Who is calling: a staff user (console session or login token), or a long-lived API token bound to one
 * store and role. It carries no permissions itself: those depend on the store a request acts on and are
 * worked out per request by {@link StoreScopeFilter}.
 */
public final class StaffPrincipal implements UserDetails, CredentialsContainer, Actor, Serializable {

	private final @Nullable UUID userId;
	private final String email;
	private final String name;
	private final boolean owner;
	private final @Nullable UUID tokenId;
	private final @Nullable StoreId tokenStore;
	private final @Nullable Role tokenRole;
	private @Nullable String passwordHash;

	private StaffPrincipal(@Nullable UUID userId, String email, String name, boolean owner, @Nullable UUID tokenId,
			@Nullable StoreId tokenStore, @Nullable Role tokenRole, @Nullable String passwordHash) {
		this.userId = userId;
		this.email = email;
		this.name = name;
		this.owner = owner;
		this.tokenId = tokenId;
		this.tokenStore = tokenStore;
		this.tokenRole = tokenRole;
		this.passwordHash = passwordHash;
	}

	public static StaffPrincipal user(UUID userId, String email, String name, boolean owner, @Nullable String passwordHash) {
		return new StaffPrincipal(userId, email, name, owner, null, null, null, passwordHash);
	}

	public static StaffPrincipal apiToken(UUID tokenId, String tokenName, StoreId store, Role role) {
		return new StaffPrincipal(null, "", tokenName, false, tokenId, store, role, null);
	}

	public boolean isApiToken() {
		return tokenStore != null;
	}

	public @Nullable UUID userId() {
		return userId;
	}

	public String email() {
		return email;
	}

	public String displayName() {
		return name;
	}

	public boolean owner() {
		return owner;
	}

	public @Nullable StoreId tokenStore() {
		return tokenStore;
	}

	public @Nullable Role tokenRole() {
		return tokenRole;
	}

	@Override
	public String actorType() {
		return isApiToken() ? "api-token" : "staff";
	}

	@Override
	public String actorId() {
		return String.valueOf(isApiToken() ? tokenId : userId);
	}

	@Override
	public String actorName() {
		return isApiToken() ? "API token " + name : email;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of();
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return isApiToken() ? "token:" + tokenId : email;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String toString() {
		return actorType() + ":" + actorName();
	}
}
