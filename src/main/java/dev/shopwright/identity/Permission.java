package dev.shopwright.identity;

/**
 * What a staff member may do in a store. Controllers name them in {@code @PreAuthorize("hasAuthority('…')")};
 * a test checks that every Admin API operation and console page names one that exists.
 */
public enum Permission {
	CONSOLE_ACCESS,
	STORES_CREATE,
	SETTINGS_MANAGE,
	STAFF_MANAGE,
	API_TOKENS_MANAGE,
	AUDIT_READ,
	CATALOG_READ,
	CATALOG_WRITE,
	INVENTORY_READ,
	INVENTORY_WRITE,
	ORDERS_READ,
	ORDERS_WRITE,
	FULFILLMENT_WRITE,
	RETURNS_WRITE,
	CUSTOMERS_READ,
	CUSTOMERS_WRITE,
	SUPPORT_WRITE,
	MARKETING_WRITE,
	ANALYTICS_READ
}
