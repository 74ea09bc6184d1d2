package dev.shopwright.identity;

import static dev.shopwright.identity.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/** The jobs staff do, each a fixed set of permissions. The owner holds every permission in every store. */
public enum Role {
	OWNER(EnumSet.allOf(Permission.class)),
	ADMIN(EnumSet.complementOf(EnumSet.of(STORES_CREATE))),
	CATALOG(EnumSet.of(CONSOLE_ACCESS, CATALOG_READ, CATALOG_WRITE, INVENTORY_READ)),
	INVENTORY(EnumSet.of(CONSOLE_ACCESS, CATALOG_READ, INVENTORY_READ, INVENTORY_WRITE, ORDERS_READ)),
	FULFILLMENT(EnumSet.of(CONSOLE_ACCESS, CATALOG_READ, INVENTORY_READ, ORDERS_READ, FULFILLMENT_WRITE, RETURNS_WRITE)),
	SUPPORT(EnumSet.of(CONSOLE_ACCESS, CATALOG_READ, ORDERS_READ, ORDERS_WRITE, RETURNS_WRITE, CUSTOMERS_READ,
			CUSTOMERS_WRITE, SUPPORT_WRITE)),
	MARKETING(EnumSet.of(CONSOLE_ACCESS, CATALOG_READ, CUSTOMERS_READ, MARKETING_WRITE, ANALYTICS_READ)),
	ANALYST(EnumSet.of(CONSOLE_ACCESS, CATALOG_READ, INVENTORY_READ, ORDERS_READ, CUSTOMERS_READ, ANALYTICS_READ));

	private final Set<Permission> permissions;

	Role(Set<Permission> permissions) {
		this.permissions = Set.copyOf(permissions);
	}

	public Set<Permission> permissions() {
		return permissions;
	}

	/** Roles given through a store membership or an API token; ownership is not one of them. */
	public boolean assignable() {
		return this != OWNER;
	}
}
