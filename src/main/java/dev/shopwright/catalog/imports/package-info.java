/**
 * Product CSV import (Shopify, WooCommerce, Shopwright's own format) as resumable background jobs, and CSV
 * export. Internal to the catalog: products are written through {@code CatalogManagement}, so every catalog
 * rule applies to imported products too.
 */
@NullMarked
package dev.shopwright.catalog.imports;

import org.jspecify.annotations.NullMarked;
