package dev.shopwright.catalog.imports;

/** The CSV layouts we read: Shopify's product CSV, WooCommerce's product exporter, and our own complete format. */
enum ImportFormat {
	SHOPIFY, WOOCOMMERCE, SHOPWRIGHT
}
